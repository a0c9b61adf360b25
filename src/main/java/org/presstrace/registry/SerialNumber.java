package org.presstrace.registry;

import java.util.Locale;
import org.presstrace.shared.InvalidRequest;

/**
 * A serial number as stamped on a machine, part or mould. The text is kept exactly as entered.
 *
 * <p>{@link #identity()} is what makes two serials the same plate: the serial as stamped, in upper
 * case and without spaces and dashes, so {@code zq b-1234} and {@code ZQ-B1234} are one serial but
 * {@code ZQ-B1234} and {@code ZQ-81234} are two. Serials are unique per make by their identity.
 *
 * <p>{@link #normalised()} is the loose form a trace matches by, because a worn or misread plate
 * looks alike: also without dots and slashes, and with the look-alike letters O, I, L, S, B and Z
 * read as the digits 0, 1, 1, 5, 8 and 2. At registration a look-alike is a warning, never a
 * refusal.
 *
 * @param asEntered the serial as written on the equipment or the report
 */
public record SerialNumber(String asEntered) {

  public static final int MAX_LENGTH = 64;
  public static final int MIN_SIGNIFICANT = 3;

  public SerialNumber {
    if (asEntered == null || asEntered.isBlank()) {
      throw new InvalidRequest("serial", "serial is required");
    }
    asEntered = asEntered.strip();
    if (asEntered.length() > MAX_LENGTH) {
      throw new InvalidRequest(
          "serial", "serial '" + asEntered + "' is longer than " + MAX_LENGTH + " characters");
    }
    String normalised = normalise(asEntered, "serial", false);
    if (normalised.length() < MIN_SIGNIFICANT) {
      throw new InvalidRequest(
          "serial",
          "serial '"
              + asEntered
              + "' is shorter than "
              + MIN_SIGNIFICANT
              + " characters (spaces, dashes, dots and slashes do not count)");
    }
  }

  /**
   * The serial's identity, by which serials are unique per make: upper case in the root locale,
   * without spaces, tabs and dashes, e.g. {@code 'ab-10 o/s'} gives {@code AB10O/S}.
   */
  public String identity() {
    var out = new StringBuilder(asEntered.length());
    String upper = asEntered.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c != ' ' && c != '\t' && c != '-') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The loose form a trace matches by, e.g. {@code 'ab-10 o/s'} gives {@code A8105}. */
  public String normalised() {
    return normalise(asEntered, "serial", false);
  }

  @Override
  public String toString() {
    return asEntered;
  }

  /**
   * Normalises serial text; with {@code wildcards}, {@code ?} and {@code *} are kept as they are.
   */
  static String normalise(String text, String field, boolean wildcards) {
    var out = new StringBuilder(text.length());
    String upper = text.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      switch (c) {
        case ' ', '\t', '-', '.', '/' -> {}
        case 'O' -> out.append('0');
        case 'I', 'L' -> out.append('1');
        case 'S' -> out.append('5');
        case 'B' -> out.append('8');
        case 'Z' -> out.append('2');
        default -> {
          boolean plain = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
          boolean wildcard = wildcards && (c == '?' || c == '*');
          if (!plain && !wildcard) {
            throw new InvalidRequest(
                field,
                field
                    + " '"
                    + text
                    + "' contains '"
                    + c
                    + "'; only letters, digits, spaces, dashes, dots and slashes"
                    + (wildcards ? ", ? and *" : "")
                    + " are allowed");
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
