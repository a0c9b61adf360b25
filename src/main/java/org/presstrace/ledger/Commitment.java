package org.presstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A salted commitment to one field of a record: HMAC-SHA-256 keyed with the record's salt over the
 * field's name and its canonical value. It binds the leaf to the value without showing it; the salt
 * (128 random bits, kept beside the record, never in the log) makes a commitment to a short,
 * guessable value as opaque as one to a long one, and two records holding the same value commit to
 * it differently.
 */
final class Commitment {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] LABEL = "presstrace-commitment/v1".getBytes(StandardCharsets.UTF_8);

  /** Salts shorter than this many bytes are refused: they could be searched with the value. */
  static final int MIN_SALT_BYTES = 16;

  private static final SecureRandom SALTS = new SecureRandom();

  /**
   * One HMAC engine per thread, and the commitments it is keyed for: a leaf commits to each of its
   * fields under one salt, and looking the algorithm up among the security providers for each field
   * made a commitment take nearly twice as long as its HMAC (docs/ledger.md, "Commitments").
   */
  private static final ThreadLocal<Engine> ENGINE = ThreadLocal.withInitial(Engine::new);

  /** A thread's HMAC engine and the salt it was last keyed with (by whom). */
  private static final class Engine {
    final Mac mac;
    Under keyedFor;

    Engine() {
      try {
        mac = Mac.getInstance("HmacSHA256");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA-256 is not available", e);
      }
    }
  }

  /**
   * Commitments under one salt: the salt is read and the engine keyed once for all of a record's
   * fields ({@code doFinal} leaves the engine keyed for the next). Safe to interleave with other
   * salts and to pass between threads: each call keys its thread's engine afresh whenever that
   * engine was last keyed for something else.
   */
  static final class Under {
    private final SecretKeySpec key;

    private Under(SecretKeySpec key) {
      this.key = key;
    }

    /**
     * The commitment, hex: HMAC-SHA-256(salt, label 0x00 field 0x00 (0x00 when absent, else 0x01
     * value)), all text UTF-8. An absent value is committed to as well, so a leaf does not show
     * which fields a record has.
     */
    String of(String field, String value) {
      Engine engine = ENGINE.get();
      Mac mac = engine.mac;
      boolean keyed = engine.keyedFor == this;
      // until this commitment is done, the engine is keyed for nobody: after a call that fails
      // midway (an exception or an error) the next keys it afresh, and init discards what was fed
      engine.keyedFor = null;
      try {
        if (!keyed) {
          mac.init(key);
        }
        mac.update(LABEL);
        mac.update((byte) 0);
        mac.update(field.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        if (value == null) {
          mac.update((byte) 0);
        } else {
          mac.update((byte) 1);
          mac.update(value.getBytes(StandardCharsets.UTF_8));
        }
        String commitment = HEX.formatHex(mac.doFinal());
        engine.keyedFor = this;
        return commitment;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA-256 is not available", e);
      }
    }
  }

  private Commitment() {}

  /** A fresh salt: {@link #MIN_SALT_BYTES} random bytes, hex. */
  static String newSalt() {
    byte[] salt = new byte[MIN_SALT_BYTES];
    SALTS.nextBytes(salt);
    return HEX.formatHex(salt);
  }

  /** Commitments under {@code saltHex} (hex, at least {@link #MIN_SALT_BYTES} bytes). */
  static Under under(String saltHex) {
    byte[] salt = HEX.parseHex(saltHex.strip());
    if (salt.length < MIN_SALT_BYTES) {
      throw new IllegalArgumentException(
          "a commitment salt of " + salt.length + " bytes is shorter than " + MIN_SALT_BYTES);
    }
    return new Under(new SecretKeySpec(salt, "HmacSHA256"));
  }

  /**
   * One commitment, as {@link Under#of}: for a single field; a record's fields share an {@link
   * #under}.
   */
  static String of(String saltHex, String field, String value) {
    return under(saltHex).of(field, value);
  }
}
