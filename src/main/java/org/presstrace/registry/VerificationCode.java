package org.presstrace.registry;

import java.security.SecureRandom;
import java.util.Locale;
import org.presstrace.shared.InvalidRequest;

/**
 * A certificate's verification code: 140 random bits written as 28 characters of Crockford's base
 * 32 (no I, L, O or U) in seven groups of four, e.g. {@code 7KQ2-M9XA-…}. Read back loosely: case,
 * spaces and dashes do not matter, and O, I and L are read as 0, 1 and 1.
 *
 * @param value the 28 characters without separators
 */
public record VerificationCode(String value) {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 28;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A fresh random code. */
  public static VerificationCode random() {
    var code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return new VerificationCode(code.toString());
  }

  /** Reads a code as typed; anything else is a 400 on {@code code}. */
  public static VerificationCode parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequest("code", "a verification code is required");
    }
    var code = new StringBuilder(LENGTH);
    for (char c : text.strip().toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '-' || Character.isWhitespace(c)) {
        continue;
      }
      char read =
          switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
          };
      if (ALPHABET.indexOf(read) < 0) {
        throw new InvalidRequest(
            "code", "'" + c + "' cannot appear in a verification code (letters and digits, no U)");
      }
      code.append(read);
    }
    if (code.length() != LENGTH) {
      throw new InvalidRequest(
          "code",
          "a verification code has "
              + LENGTH
              + " letters and digits in seven groups of four; this one has "
              + code.length());
    }
    return new VerificationCode(code.toString());
  }

  /** The code as printed: seven groups of four joined by dashes. */
  public String display() {
    var text = new StringBuilder();
    for (int i = 0; i < value.length(); i += 4) {
      if (i > 0) {
        text.append('-');
      }
      text.append(value, i, Math.min(i + 4, value.length()));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return display();
  }
}
