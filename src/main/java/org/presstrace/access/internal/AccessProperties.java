package org.presstrace.access.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in and account settings, set through {@code presstrace.security.*} (the bearer token
 * settings under {@code presstrace.security.jwt} belong to the web shell).
 *
 * @param operatorAgency the agency whose administrators manage every agency
 */
@ConfigurationProperties("presstrace.security")
@Validated
public record AccessProperties(
    @DefaultValue("PTO") @NotBlank String operatorAgency,
    @DefaultValue @Valid Lockout lockout,
    @DefaultValue @Valid Argon2 argon2) {

  /**
   * Locking an account after failed sign-ins.
   *
   * @param maxFailures failed sign-ins in a row before the account locks
   * @param duration how long a lockout lasts (administrators can unlock sooner)
   */
  public record Lockout(
      @DefaultValue("5") @Positive int maxFailures, @DefaultValue("15m") Duration duration) {}

  /**
   * The Argon2id cost of new password hashes (OWASP's recommended minimum by default).
   *
   * @param memoryKib memory per hash in KiB
   * @param iterations passes over that memory
   */
  public record Argon2(
      @DefaultValue("19456") @Positive int memoryKib,
      @DefaultValue("2") @Positive int iterations) {}
}
