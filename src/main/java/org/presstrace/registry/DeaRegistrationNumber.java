package org.presstrace.registry;

import java.util.Locale;
import java.util.regex.Pattern;
import org.presstrace.shared.InvalidRequest;

/**
 * A DEA registration number: two letters, then seven digits whose last is a check digit. With the
 * digits d1..d7, the last digit of (d1 + d3 + d5) + 2 * (d2 + d4 + d6) must equal d7.
 *
 * @param value the number, upper case
 */
public record DeaRegistrationNumber(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{7}");

  public DeaRegistrationNumber {
    String given = value;
    value = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidRequest(
          "deaNumber",
          "DEA registration number '"
              + given
              + "' must be two letters followed by seven digits, e.g. AB1234563");
    }
    int expected = checkDigit(value);
    int actual = value.charAt(8) - '0';
    if (expected != actual) {
      throw new InvalidRequest(
          "deaNumber",
          "DEA registration number '"
              + value
              + "' fails the check digit: (d1+d3+d5) + 2*(d2+d4+d6) ends in "
              + expected
              + ", not "
              + actual);
    }
  }

  /** The number, or {@code null} when {@code text} is blank. */
  public static DeaRegistrationNumber ofNullable(String text) {
    return text == null || text.isBlank() ? null : new DeaRegistrationNumber(text);
  }

  /** The check digit for the first eight characters of {@code number}. */
  static int checkDigit(String number) {
    int[] d = new int[6];
    for (int i = 0; i < 6; i++) {
      d[i] = number.charAt(2 + i) - '0';
    }
    return ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10;
  }

  @Override
  public String toString() {
    return value;
  }
}
