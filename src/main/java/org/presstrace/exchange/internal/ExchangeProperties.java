package org.presstrace.exchange.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * This instance's exchange settings, {@code presstrace.exchange.*}.
 *
 * @param keyFile the file holding the instance's Ed25519 key pair, made on first start
 * @param instanceId this instance's id as partners know it; by default {@code pt-} and the first 16
 *     hex digits of the SHA-256 of the public key
 * @param country this instance's country (ISO 3166 alpha-3)
 * @param authority the competent authority running this instance
 * @param baseUrl the URL partners reach this instance at; signatures name it as their target
 * @param clockSkew how far a signature's {@code created} may lie from this instance's clock
 * @param outbox how the outbox delivers
 * @param noticeDeadline the time an importing authority has to answer a pre-export notice, when the
 *     filer names no deadline
 */
@ConfigurationProperties("presstrace.exchange")
@Validated
public record ExchangeProperties(
    @NotNull Path keyFile,
    String instanceId,
    @NotBlank String country,
    @NotBlank String authority,
    @NotBlank String baseUrl,
    @NotNull Duration clockSkew,
    @NotNull @Valid Outbox outbox,
    @NotNull Duration noticeDeadline) {

  /**
   * @param poll how often the sender looks for due messages
   * @param firstRetry the wait after the first failed attempt; it doubles with each failure
   * @param maxRetry the longest wait between attempts
   * @param timeout how long one delivery may take
   */
  public record Outbox(
      @NotNull Duration poll,
      @NotNull Duration firstRetry,
      @NotNull Duration maxRetry,
      @NotNull Duration timeout) {}

  /** The base URL without a trailing slash. */
  public String base() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
