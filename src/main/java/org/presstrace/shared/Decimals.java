package org.presstrace.shared;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of numbers that people and files give as text, on the API, the pages and the CSV
 * imports: ASCII digits {@code 0} to {@code 9}, at most one decimal point, a leading minus only
 * where the field allows one, and an optional exponent of at most {@value #MAX_EXPONENT} either way
 * ({@code 2.5e3}). Grouping commas, underscores, other scripts' digits (Arabic-Indic, full-width
 * ...), {@code NaN} and infinities are refused. The text's length, the digits before the point and
 * the decimals are bounded before any arithmetic is done, so a short hostile text cannot build a
 * number too large to handle. Every refusal is an {@link InvalidRequest} naming the field, the
 * value and the rule.
 */
public final class Decimals {

  /** The longest number text read; JSON numbers are held to the same length. */
  public static final int MAX_LENGTH = 64;

  /** The largest exponent read, either way ({@code 1e30}, {@code 1e-30}). */
  public static final int MAX_EXPONENT = 30;

  private static final Pattern NUMBER =
      Pattern.compile("(-?)(\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([+-]?)(\\d+))?");
  private static final Pattern NOT_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity|∞)", Pattern.CASE_INSENSITIVE);

  private Decimals() {}

  /**
   * The number zero or above that {@code text} gives, or {@code null} when it is blank; at most
   * {@code maxDigits} digits before the point and {@code maxScale} decimals.
   */
  public static BigDecimal parse(String text, String field, int maxDigits, int maxScale) {
    return read(text, field, maxDigits, maxScale, false);
  }

  /** As {@link #parse}, for a field that may be negative (a longitude, a difference). */
  public static BigDecimal parseSigned(String text, String field, int maxDigits, int maxScale) {
    return read(text, field, maxDigits, maxScale, true);
  }

  /**
   * The whole number {@code text} gives, or {@code null} when it is blank, refused unless it lies
   * between {@code min} and {@code max}.
   */
  public static Long wholeNumber(String text, String field, long min, long max) {
    BigDecimal value = read(text, field, 19, 0, min < 0);
    return value == null ? null : whole(value, field, min, max);
  }

  /**
   * {@code value} (as bound from a JSON number, say) if it is {@code null} or has at most {@code
   * maxDigits} digits before the point and {@code maxScale} decimals; refused otherwise, before any
   * arithmetic on it.
   */
  public static BigDecimal check(BigDecimal value, String field, int maxDigits, int maxScale) {
    if (value == null) {
      return null;
    }
    // precision and scale are fields of the value: reading them costs nothing whatever its size
    long integerDigits = (long) value.precision() - value.scale();
    if (value.signum() != 0 && integerDigits > maxDigits) {
      throw new InvalidRequest(
          field,
          field + " " + shown(value) + " has more than " + maxDigits + " digits before the point");
    }
    if (value.signum() != 0 && value.scale() > maxScale) {
      int scale = value.stripTrailingZeros().scale();
      if (scale > maxScale) {
        throw new InvalidRequest(
            field,
            maxScale == 0
                ? field + " " + shown(value) + " is not a whole number"
                : field + " " + shown(value) + " has more than " + maxScale + " decimals");
      }
      value = value.setScale(Math.max(scale, 0));
    }
    return value;
  }

  /**
   * {@code value} as a whole number between {@code min} and {@code max}; refused naming the field
   * and the range otherwise.
   */
  public static long whole(BigDecimal value, String field, long min, long max) {
    BigDecimal checked = check(value, field, 19, 0);
    if (checked.compareTo(BigDecimal.valueOf(min)) < 0
        || checked.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidRequest(
          field, field + " " + shown(checked) + " is outside " + min + " to " + max);
    }
    return checked.longValueExact();
  }

  /**
   * {@code value} if it lies between {@code min} and {@code max}; refused naming the field and the
   * range otherwise. Checks digits and decimals first, as {@link #check} does.
   */
  public static BigDecimal inRange(
      BigDecimal value, String field, BigDecimal min, BigDecimal max, int maxScale) {
    if (value == null) {
      return null;
    }
    // comparing looks at precision and exponent first: cheap for any value, however large
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidRequest(
          field,
          field
              + " "
              + shown(value)
              + " is outside "
              + min.toPlainString()
              + " to "
              + max.toPlainString());
    }
    return check(value, field, MAX_LENGTH, maxScale);
  }

  private static BigDecimal read(
      String text, String field, int maxDigits, int maxScale, boolean signed) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String given = text.strip();
    if (given.length() > MAX_LENGTH) {
      throw new InvalidRequest(
          field,
          "'"
              + given.substring(0, 12)
              + "…' is "
              + given.length()
              + " characters long, more than any number here ("
              + MAX_LENGTH
              + ")");
    }
    if (NOT_FINITE.matcher(given).matches()) {
      throw new InvalidRequest(field, "'" + given + "' is not a finite number");
    }
    for (int i = 0; i < given.length(); i++) {
      char c = given.charAt(i);
      if (Character.isDigit(c) && (c < '0' || c > '9')) {
        throw new InvalidRequest(
            field, "'" + given + "' uses digits other than 0 to 9; write it with 0 to 9");
      }
      if (c == ',' || c == '_' || c == ' ' || c == '\u00A0' || c == '\'') {
        throw new InvalidRequest(
            field,
            "'"
                + given
                + "' has a separator; write digits 0 to 9 with at most one decimal point, e.g."
                + " 5.5 or 1500");
      }
    }
    Matcher number = NUMBER.matcher(given);
    if (!number.matches()) {
      throw new InvalidRequest(field, "'" + given + "' is not a number");
    }
    if (!signed && !number.group(1).isEmpty()) {
      throw new InvalidRequest(field, field + " " + given + " must not be negative");
    }
    String exponent = number.group(4);
    if (exponent != null && (exponent.length() > 9 || Integer.parseInt(exponent) > MAX_EXPONENT)) {
      throw new InvalidRequest(
          field,
          "'"
              + given
              + "' has an exponent beyond "
              + ("-".equals(number.group(3)) ? "-" : "")
              + MAX_EXPONENT);
    }
    return check(new BigDecimal(given), field, maxDigits, maxScale);
  }

  /**
   * {@code value} as a short text for a message, whatever its size: plain up to 20 characters,
   * scientific when its exponent is far from zero, cut short beyond.
   */
  public static String shown(BigDecimal value) {
    String plain =
        Math.abs((long) value.scale()) > MAX_LENGTH ? value.toString() : value.toPlainString();
    return plain.length() > 24 ? plain.substring(0, 20) + "…" : plain;
  }
}
