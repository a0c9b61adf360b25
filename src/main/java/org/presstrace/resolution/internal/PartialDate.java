package org.presstrace.resolution.internal;

/**
 * A date known to the year, the month or the day: {@code 1985}, {@code 1985-03}, {@code
 * 1985-03-12}, {@code 19850312}, {@code 1985/3/12}. Day and month are 0 when unknown.
 */
record PartialDate(int year, int month, int day) {

  static final PartialDate UNKNOWN = new PartialDate(0, 0, 0);

  /**
   * The date in {@code text}, or {@link #UNKNOWN} when there is none or it cannot be a date. The
   * text, trimmed, is {@code yyyymm} or {@code yyyymmdd}, or {@code yyyy}, then optionally a month
   * of one or two digits and a day likewise, each after {@code -}, {@code /} or {@code .}; read
   * character by character (a million records parse a date each).
   */
  static PartialDate parse(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String s = text.trim();
    int length = s.length();
    if (length < 4 || !digits(s, 0, 4)) {
      return UNKNOWN;
    }
    int year = number(s, 0, 4);
    int month = 0;
    int day = 0;
    if ((length == 6 || length == 8) && digits(s, 4, length)) {
      month = number(s, 4, 6);
      day = length == 8 ? number(s, 6, 8) : 0;
    } else if (length > 4) {
      int at = 4;
      int[] parts = new int[2];
      for (int part = 0; part < 2 && at < length; part++) {
        if (!separator(s.charAt(at))) {
          return UNKNOWN;
        }
        int from = ++at;
        while (at < length && at - from < 2 && digit(s.charAt(at))) {
          at++;
        }
        if (at == from) {
          return UNKNOWN;
        }
        parts[part] = number(s, from, at);
      }
      if (at < length) {
        return UNKNOWN;
      }
      month = parts[0];
      day = parts[1];
    }
    if (year < 1800 || year > 2200 || month > 12 || day > 31 || (month == 0 && day > 0)) {
      return UNKNOWN;
    }
    return new PartialDate(year, month, day);
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean separator(char c) {
    return c == '-' || c == '/' || c == '.';
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!digit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
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
    // both dates have a day, so both are eight digits (the year is at least 1800): compared
    // digit by digit as numbers, with no text made
    int a = year * 10000 + month * 100 + day;
    int b = other.year * 10000 + other.month * 100 + other.day;
    int differing = 0;
    for (; a > 0 || b > 0; a /= 10, b /= 10) {
      if (a % 10 != b % 10) {
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
