package org.presstrace.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Username and password pairs that passed the password check a moment ago, so that an API client
 * sending HTTP Basic on every request pays Argon2id once a minute rather than every time.
 *
 * <p>An entry is keyed by HMAC-SHA256 of the pair under a key drawn at random when the server
 * starts, so neither the password nor a hash an attacker could test guesses against offline without
 * that key is held. An entry holds the stored password hash it was checked against: once the
 * password changes, the stored hash differs and the entry no longer matches. Only successes are
 * remembered. Whether the account is enabled, locked or holds which roles is read on every request,
 * not from here.
 */
public final class VerifiedCredentials {

  private static final String HMAC = "HmacSHA256";

  private final Cache<String, Verified> entries;
  private final SecretKeySpec key;

  VerifiedCredentials(Duration timeToLive, long maximumSize, Ticker ticker) {
    this.entries =
        Caffeine.newBuilder()
            .expireAfterWrite(timeToLive)
            .maximumSize(maximumSize)
            .ticker(ticker)
            .build();
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, HMAC);
  }

  /** Whether {@code password} of {@code username} was verified against {@code storedHash}. */
  boolean holds(String username, String password, String storedHash) {
    Verified verified = entries.getIfPresent(key(username, password));
    return verified != null
        && verified.username().equals(username)
        && MessageDigest.isEqual(
            verified.storedHash().getBytes(StandardCharsets.UTF_8),
            storedHash.getBytes(StandardCharsets.UTF_8));
  }

  /** Remembers a pair that has just passed the password check against {@code storedHash}. */
  void remember(String username, String password, String storedHash) {
    entries.put(key(username, password), new Verified(username, storedHash));
  }

  /** Drops every entry of {@code username}: its password, status or roles changed. */
  public void forget(String username) {
    entries.asMap().values().removeIf(verified -> verified.username().equals(username));
  }

  /**
   * The cache key of a pair: HMAC-SHA256 over the username's length, the username and the password,
   * so that no two pairs share their bytes.
   */
  String key(String username, String password) {
    byte[] name = username.getBytes(StandardCharsets.UTF_8);
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    ByteBuffer pair = ByteBuffer.allocate(4 + name.length + secret.length);
    pair.putInt(name.length).put(name).put(secret);
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(pair.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private record Verified(String username, String storedHash) {}
}
