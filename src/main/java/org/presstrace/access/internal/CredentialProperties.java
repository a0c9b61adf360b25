package org.presstrace.access.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API tokens and the cache of verified passwords, set through {@code presstrace.security.tokens.*}
 * and {@code presstrace.security.basic-cache.*}.
 *
 * @param tokens API tokens issued by PressTrace
 * @param basicCache the cache of verified HTTP Basic credentials
 */
@ConfigurationProperties("presstrace.security")
@Validated
public record CredentialProperties(
    @DefaultValue @Valid Tokens tokens, @DefaultValue @Valid BasicCache basicCache) {

  /**
   * API tokens.
   *
   * @param maxLifetime the longest time from a token's creation to its expiry
   * @param maxActivePerUser how many unexpired, unrevoked tokens one user may hold
   */
  public record Tokens(
      @DefaultValue("365d") Duration maxLifetime,
      @DefaultValue("50") @Positive int maxActivePerUser) {

    public Tokens {
      if (maxLifetime.isNegative() || maxLifetime.isZero()) {
        throw new IllegalArgumentException(
            "presstrace.security.tokens.max-lifetime must be positive, not " + maxLifetime);
      }
    }
  }

  /**
   * The cache of verified HTTP Basic credentials.
   *
   * @param timeToLive how long a verified pair is taken without checking the password again; zero
   *     checks every request
   * @param maximumSize how many pairs are held at most
   */
  public record BasicCache(
      @DefaultValue("60s") Duration timeToLive, @DefaultValue("10000") @Positive long maximumSize) {

    public BasicCache {
      if (timeToLive.isNegative()) {
        throw new IllegalArgumentException(
            "presstrace.security.basic-cache.time-to-live must not be negative, not " + timeToLive);
      }
    }
  }
}
