package org.presstrace.resolution.internal;

import java.util.regex.Pattern;

/**
 * A date known to the year, the month or the day: {@code 1985}, {@code 1985-03}, {@code
 * 1985-03-12}, {@code 19850312}, {@code 1985/3/12}. Day and month are 0 when unknown.
 */
record PartialDate(int year, int month, int day) {

  private static final Pattern ISO =
      Pattern.compile("(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})?");

  static final PartialDate UNKNOWN = new PartialDate(0, 0, 0);

  /** The date in {@code text}, or {@link #UNKNOWN} when there is none or it cannot be a date. */
  static PartialDate parse(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String trimmed = text.trim();
    var match = COMPACT.matcher(trimmed);
    if (!match.matches()) {
      match = ISO.matcher(trimmed);
      if (!match.matches()) {
        return UNKNOWN;
      }
    }
    int year = Integer.parseInt(match.group(1));
    int month = match.group(2) == null ? 0 : Integer.parseInt(match.group(2));
    int day = match.group(3) == null ? 0 : Integer.parseInt(match.group(3));
    if (year < 1800 || year > 2200 || month > 12 || day > 31 || (month == 0 && day > 0)) {
      return UNKNOWN;
    }
    return new PartialDate(year, month, day);
  }

  boolean known() {
    return year > 0;
  }

  /** How two dates compare, from the finest precision both give. */
  Level compare(PartialDate other) {
    if (!known() || !other.known()) {
      return Level.MISSING;
    }
    boolean bothDays = day > 0 && other.day > 0;
    boolean bothMonths = month > 0 && other.month > 0;
    if (year == other.year && month == other.month && day == other.day && bothDays) {
      return Level.EXACT;
    }
    if (bothDays && oneSlip(other)) {
      return Level.CLOSE;
    }
    if (year == other.year
        && (!bothMonths || month == other.month)
        && !(bothDays && month == other.month)) {
      return Level.PARTIAL;
    }
    return Level.DIFFERENT;
  }

  /** One digit off, or day and month swapped: the typing slips a date field suffers. */
  private boolean oneSlip(PartialDate other) {
    if (year == other.year && month == other.day && day == other.month) {
      return true;
    }
    String a = digits();
    String b = other.digits();
    int differing = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        differing++;
      }
    }
    return differing == 1;
  }

  String digits() {
    return Integer.toString(year * 10000 + month * 100 + day);
  }

  /** The levels a pair of dates can reach. */
  enum Level {
    EXACT,
    CLOSE,
    PARTIAL,
    DIFFERENT,
    MISSING
  }
}
