package org.presstrace.seizures;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.presstrace.shared.InvalidRequest;

/**
 * Numbers as people type them in a seizure report: ASCII digits, an optional sign, a decimal point,
 * commas only between groups of three digits ({@code 1,500.5}), underscores ignored, and an
 * exponent of at most {@value #MAX_EXPONENT}. Everything else is refused with a message naming the
 * field before any arithmetic is done, so a hostile text cannot build a number too large to handle.
 */
final class DecimalText {

  /** The longest number text accepted. */
  static final int MAX_LENGTH = 40;

  /** The largest exponent accepted, either way ({@code 1e30}, {@code 1e-30}). */
  static final int MAX_EXPONENT = 30;

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE]([+-]?)(\\d+))?");
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
  private static final Pattern NOT_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity|∞)", Pattern.CASE_INSENSITIVE);

  private DecimalText() {}

  /** The number in {@code text}, or {@code null} when it is blank. */
  static BigDecimal parse(String text, String field) {
    String given = ungrouped(text, field);
    if (given == null) {
      return null;
    }
    Matcher number = NUMBER.matcher(given);
    if (!number.matches()) {
      throw new InvalidRequest(field, "'" + text + "' is not a number");
    }
    String exponent = number.group(5);
    if (exponent != null && (exponent.length() > 9 || Integer.parseInt(exponent) > MAX_EXPONENT)) {
      throw new InvalidRequest(
          field,
          "'"
              + text.strip()
              + "' has an exponent beyond "
              + (number.group(4).equals("-") ? "-" : "")
              + MAX_EXPONENT);
    }
    return new BigDecimal(given);
  }

  /** The whole number in {@code text}, or {@code null} when it is blank; {@code what} names it. */
  static Long wholeNumber(String text, String field, String what) {
    String given = ungrouped(text, field);
    if (given == null) {
      return null;
    }
    if (!WHOLE.matcher(given).matches() || given.length() > 19) {
      throw new InvalidRequest(field, what + " '" + text + "' is not a whole number");
    }
    try {
      return Long.parseLong(given);
    } catch (NumberFormatException e) {
      throw new InvalidRequest(field, what + " '" + text + "' is not a whole number");
    }
  }

  /** The text stripped, without underscores and grouping commas; refuses what is never a number. */
  private static String ungrouped(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String given = text.strip().replace("_", "");
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
      throw new InvalidRequest(field, "'" + text.strip() + "' is not a finite number");
    }
    for (int i = 0; i < given.length(); i++) {
      char c = given.charAt(i);
      if (Character.isDigit(c) && (c < '0' || c > '9')) {
        throw new InvalidRequest(
            field, "'" + text.strip() + "' uses digits other than 0 to 9; write it with 0 to 9");
      }
    }
    if (given.indexOf(',') >= 0) {
      if (!GROUPED.matcher(given).matches()) {
        throw new InvalidRequest(
            field,
            "'"
                + text.strip()
                + "' has a comma that does not separate groups of three digits; write decimals"
                + " with a point, e.g. 5.5");
      }
      given = given.replace(",", "");
    }
    return given;
  }
}
