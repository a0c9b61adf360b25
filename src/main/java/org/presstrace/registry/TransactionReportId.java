package org.presstrace.registry;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.presstrace.shared.InvalidRequest;

/**
 * A registry-issued transaction id, {@code PT-<year>-} and nine characters: eight drawn at random
 * and one check character, e.g. {@code PT-2026-7KQ2M9XAH}. The id says nothing about how many
 * reports anyone filed before it.
 *
 * <p>The characters are Crockford's base 32, {@code 0-9} and {@code A-Z} without the look-alikes I,
 * L, O and U. The check character is the Luhn mod 32 check over the eight, so any one mistyped
 * character and any swap of two neighbours (but 0 and Z) is refused instead of naming another
 * report. Ids are read loosely: case and surrounding spaces do not matter, and O, I and L are read
 * as 0, 1 and 1.
 *
 * <p>Ids issued before these, {@code PT-<year>-<six digits>}, stay valid as they are.
 *
 * @param value the id as issued, upper case
 */
public record TransactionReportId(String value) {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int RANDOM_LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern ISSUED = Pattern.compile("PT-(\\d{4})-([0-9A-Z]{9})");
  private static final Pattern SEQUENTIAL = Pattern.compile("PT-\\d{4}-\\d{6}");

  /** A fresh random id of {@code year}. */
  public static TransactionReportId issue(int year) {
    return issue(year, RANDOM);
  }

  static TransactionReportId issue(int year, RandomGenerator random) {
    var chars = new StringBuilder(RANDOM_LENGTH + 1);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      chars.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    chars.append(check(chars));
    return new TransactionReportId("PT-%04d-%s".formatted(year, chars));
  }

  /**
   * Reads an id as typed; anything that is not a transaction id, or whose check character does not
   * match, is a 400 on {@code field}.
   */
  public static TransactionReportId parse(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequest(field, "a transaction id is required, e.g. PT-2026-7KQ2M9XAH");
    }
    String typed = text.strip().toUpperCase(Locale.ROOT);
    if (SEQUENTIAL.matcher(typed).matches()) {
      return new TransactionReportId(typed);
    }
    String read =
        typed.length() < 8 ? typed : typed.substring(0, 8) + readAsTyped(typed.substring(8));
    var issued = ISSUED.matcher(read);
    if (!issued.matches() || !onlyAlphabet(issued.group(2))) {
      throw new InvalidRequest(
          field,
          "'"
              + text.strip()
              + "' is not a transaction id: PT-, the year, a dash and nine letters and digits"
              + " (no U), e.g. PT-2026-7KQ2M9XAH");
    }
    String chars = issued.group(2);
    if (check(chars.substring(0, RANDOM_LENGTH)) != chars.charAt(RANDOM_LENGTH)) {
      throw new InvalidRequest(
          field,
          "'"
              + text.strip()
              + "' is not a transaction id: its check character does not match; is a character"
              + " mistyped?");
    }
    return new TransactionReportId(read);
  }

  private static String readAsTyped(String chars) {
    var read = new StringBuilder(chars.length());
    for (char c : chars.toCharArray()) {
      read.append(
          switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
          });
    }
    return read.toString();
  }

  private static boolean onlyAlphabet(String chars) {
    return chars.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  /** The Luhn mod 32 check character of {@code chars}. */
  static char check(CharSequence chars) {
    int n = ALPHABET.length();
    int sum = 0;
    boolean doubled = true;
    for (int i = chars.length() - 1; i >= 0; i--) {
      int code = ALPHABET.indexOf(chars.charAt(i));
      int addend = doubled ? code * 2 : code;
      sum += addend / n + addend % n;
      doubled = !doubled;
    }
    return ALPHABET.charAt((n - sum % n) % n);
  }

  @Override
  public String toString() {
    return value;
  }
}
