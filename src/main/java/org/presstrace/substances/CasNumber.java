package org.presstrace.substances;

import java.util.regex.Pattern;
import org.presstrace.shared.InvalidRequest;

/**
 * A CAS Registry Number: two to seven digits, two digits and a check digit ({@code 437-38-7}). The
 * check digit is the sum of the other digits, each multiplied by its position counted from the
 * right, modulo 10. A number failing it cannot be constructed; {@link #checkDigitFails(String)}
 * lets screening treat such a number as a signal rather than noise.
 */
public record CasNumber(String value) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{2,7})-(\\d{2})-(\\d)");

  public CasNumber {
    if (value == null) {
      throw new InvalidRequest("cas", "CAS number is missing");
    }
    value = value.strip();
    var matcher = FORMAT.matcher(value);
    if (!matcher.matches()) {
      throw new InvalidRequest(
          "cas", "CAS number '" + value + "' is not in the form NNNNNNN-NN-N (2-7, 2, 1 digits)");
    }
    if (checkDigit(matcher.group(1) + matcher.group(2)) != matcher.group(3).charAt(0) - '0') {
      throw new InvalidRequest("cas", "CAS number '" + value + "' fails its check digit");
    }
  }

  /** Parses a CAS number; the same as the constructor. */
  public static CasNumber of(String value) {
    return new CasNumber(value);
  }

  /** Whether {@code text} has the form of a CAS number. */
  public static boolean looksLikeOne(String text) {
    return text != null && FORMAT.matcher(text.strip()).matches();
  }

  /** Whether {@code text} has the form of a CAS number but its check digit is wrong. */
  public static boolean checkDigitFails(String text) {
    if (text == null) {
      return false;
    }
    var matcher = FORMAT.matcher(text.strip());
    return matcher.matches()
        && checkDigit(matcher.group(1) + matcher.group(2)) != matcher.group(3).charAt(0) - '0';
  }

  private static int checkDigit(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      sum += (digits.charAt(digits.length() - 1 - i) - '0') * (i + 1);
    }
    return sum % 10;
  }

  @Override
  public String toString() {
    return value;
  }
}
