package org.presstrace.registry;

import org.presstrace.shared.InvalidRequest;

/**
 * A pattern for a partly obliterated serial: {@code ?} stands for one unreadable character and
 * {@code *} for any run of them, e.g. {@code A1?3-55*}. The readable characters are normalised like
 * a {@link SerialNumber}, so the pattern matches the normalised serials.
 *
 * @param asEntered the pattern as typed
 */
public record SerialPattern(String asEntered) {

  public static final int MIN_KNOWN = 2;

  public SerialPattern {
    if (asEntered == null || asEntered.isBlank()) {
      throw new InvalidRequest("pattern", "pattern is required");
    }
    asEntered = asEntered.strip();
    if (asEntered.length() > SerialNumber.MAX_LENGTH) {
      throw new InvalidRequest(
          "pattern",
          "pattern '" + asEntered + "' is longer than " + SerialNumber.MAX_LENGTH + " characters");
    }
    String normalised = SerialNumber.normalise(asEntered, "pattern", true);
    long known = normalised.chars().filter(c -> c != '?' && c != '*').count();
    if (known < MIN_KNOWN) {
      throw new InvalidRequest(
          "pattern",
          "pattern '"
              + asEntered
              + "' has "
              + known
              + " known characters; a trace needs at least "
              + MIN_KNOWN);
    }
  }

  /** The normalised pattern, runs of {@code *} collapsed to one, e.g. {@code A1?355*}. */
  public String normalised() {
    return SerialNumber.normalise(asEntered, "pattern", true).replaceAll("\\*+", "*");
  }

  /** The known characters before the first wildcard, e.g. {@code A1} for {@code A1?3-55*}. */
  public String fixedPrefix() {
    String normalised = normalised();
    int end = 0;
    while (end < normalised.length()
        && normalised.charAt(end) != '?'
        && normalised.charAt(end) != '*') {
      end++;
    }
    return normalised.substring(0, end);
  }

  /**
   * The pattern as a SQL {@code LIKE} over normalised serials, escaped with the backslash (LIKE's
   * default escape character on PostgreSQL and H2): {@code ?} becomes {@code _}, {@code *} becomes
   * {@code %}, and any literal {@code _}, {@code %} or backslash is escaped.
   */
  public String like() {
    var like = new StringBuilder();
    for (char c : normalised().toCharArray()) {
      switch (c) {
        case '?' -> like.append('_');
        case '*' -> like.append('%');
        case '_', '%', '\\' -> like.append('\\').append(c);
        default -> like.append(c);
      }
    }
    return like.toString();
  }

  /**
   * Whether {@code serial} matches; the same test the SQL form makes, for use in memory. Matched in
   * one pass that goes back only to the last {@code *} (at most serial times pattern steps), so a
   * pattern of many wildcards cannot make it backtrack without end as a regular expression did.
   */
  public boolean matches(SerialNumber serial) {
    String text = serial.normalised();
    String pattern = normalised();
    int at = 0;
    int next = 0;
    int star = -1;
    int starAt = 0;
    while (at < text.length()) {
      char c = next < pattern.length() ? pattern.charAt(next) : 0;
      if (next < pattern.length() && (c == '?' || c == text.charAt(at))) {
        at++;
        next++;
      } else if (c == '*') {
        star = next++;
        starAt = at;
      } else if (star >= 0) {
        // the last * takes one character more, and the rest of the pattern starts again after it
        next = star + 1;
        at = ++starAt;
      } else {
        return false;
      }
    }
    while (next < pattern.length() && pattern.charAt(next) == '*') {
      next++;
    }
    return next == pattern.length();
  }

  @Override
  public String toString() {
    return asEntered;
  }
}
