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
 * @param signIn limits on failed sign-ins
 * @param argon2 the cost of new password hashes
 */
@ConfigurationProperties("presstrace.security")
@Validated
public record AccessProperties(
    @DefaultValue("PTO") @NotBlank String operatorAgency,
    @DefaultValue @Valid SignIn signIn,
    @DefaultValue @Valid Argon2 argon2) {

  /**
   * Limits on failed sign-ins: each name and each source address has a budget of failures; once it
   * is spent, further sign-ins for that name (or from that address) are refused, whatever the
   * password, for a delay that doubles with each failure after it, up to a cap. A correct sign-in
   * after the delay works and clears the name's limit; nobody can lock an account for good.
   *
   * @param account the budget of each username, existing or not
   * @param address the budget of each source address (larger: one person mistyping is not a spray)
   * @param tracked how many names, and separately how many addresses, are remembered at most; the
   *     least recently used are forgotten first
   */
  public record SignIn(
      @DefaultValue @Valid Account account,
      @DefaultValue @Valid Address address,
      @DefaultValue("100000") @Positive int tracked) {}

  /**
   * The failure budget of one username.
   *
   * @param maxFailures failures allowed within {@code window} before sign-ins are delayed
   * @param window the time over which the budget refills, and the quiet time after which a name's
   *     delays and its burst of failures are forgotten
   * @param firstDelay the first delay once the budget is spent
   * @param maxDelay the longest delay (each further failure doubles it up to this)
   */
  public record Account(
      @DefaultValue("5") @Positive int maxFailures,
      @DefaultValue("15m") Duration window,
      @DefaultValue("1m") Duration firstDelay,
      @DefaultValue("15m") Duration maxDelay) {

    public Account {
      checkDurations("account", window, firstDelay, maxDelay);
    }
  }

  /**
   * The failure budget of one source address (the servlet's remote address).
   *
   * @param maxFailures failures allowed within {@code window} before sign-ins are delayed
   * @param window the time over which the budget refills
   * @param firstDelay the first delay once the budget is spent
   * @param maxDelay the longest delay
   */
  public record Address(
      @DefaultValue("50") @Positive int maxFailures,
      @DefaultValue("15m") Duration window,
      @DefaultValue("1m") Duration firstDelay,
      @DefaultValue("15m") Duration maxDelay) {

    public Address {
      checkDurations("address", window, firstDelay, maxDelay);
    }
  }

  private static void checkDurations(
      String budget, Duration window, Duration firstDelay, Duration maxDelay) {
    String prefix = "presstrace.security.sign-in." + budget + ".";
    if (window.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException(prefix + "window must be positive, not " + window);
    }
    if (firstDelay.compareTo(Duration.ZERO) <= 0) {
      throw new IllegalArgumentException(
          prefix + "first-delay must be positive, not " + firstDelay);
    }
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          prefix + "max-delay (" + maxDelay + ") is shorter than first-delay (" + firstDelay + ")");
    }
  }

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
