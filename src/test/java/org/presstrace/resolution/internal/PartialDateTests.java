package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Dates of birth read character by character give what the two regular expressions they replace
 * gave, on well-formed dates and on every kind of near miss.
 */
class PartialDateTests {

  private static final Pattern ISO =
      Pattern.compile("(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})?");

  /** The reading by regular expressions, as it was. */
  private static PartialDate reference(String text) {
    if (text == null) {
      return PartialDate.UNKNOWN;
    }
    String trimmed = text.trim();
    var match = COMPACT.matcher(trimmed);
    if (!match.matches()) {
      match = ISO.matcher(trimmed);
      if (!match.matches()) {
        return PartialDate.UNKNOWN;
      }
    }
    int year = Integer.parseInt(match.group(1));
    int month = match.group(2) == null ? 0 : Integer.parseInt(match.group(2));
    int day = match.group(3) == null ? 0 : Integer.parseInt(match.group(3));
    if (year < 1800 || year > 2200 || month > 12 || day > 31 || (month == 0 && day > 0)) {
      return PartialDate.UNKNOWN;
    }
    return new PartialDate(year, month, day);
  }

  @Test
  void readsWhatTheRegularExpressionsRead() {
    List<String> cases =
        List.of(
            "1985-03-12",
            "1985/3/1",
            "1985.03",
            "1985",
            "198503",
            "19850312",
            " 1985-03-12 ",
            "1985-",
            "1985-03-",
            "1985--03",
            "1985-123",
            "1985-03-123",
            "1985-03-12-01",
            "85-03-12",
            "19850",
            "1985031",
            "198503121",
            "1985-00-12",
            "1985-13-01",
            "1985-12-32",
            "1799",
            "2201",
            "2200-12-31",
            "1985x03",
            "1985-0a",
            "١٩٨٥-٠٣-١٢",
            "",
            " ",
            "1985 03 12",
            "1985-03/12",
            "1985.3.9",
            "0000-00-00",
            "1985-3-09",
            "1985-03-7");
    for (String text : cases) {
      assertThat(PartialDate.parse(text)).as(text).isEqualTo(reference(text));
    }
    assertThat(PartialDate.parse(null)).isEqualTo(PartialDate.UNKNOWN);
  }

  /** The comparison as it was, on the dates' digits written out. */
  private static PartialDate.Level referenceCompare(PartialDate x, PartialDate y) {
    if (!x.known() || !y.known()) {
      return PartialDate.Level.MISSING;
    }
    boolean bothDays = x.day() > 0 && y.day() > 0;
    boolean bothMonths = x.month() > 0 && y.month() > 0;
    if (x.equals(y) && bothDays) {
      return PartialDate.Level.EXACT;
    }
    if (bothDays) {
      boolean swapped = x.year() == y.year() && x.month() == y.day() && x.day() == y.month();
      String a = x.digits();
      String b = y.digits();
      int differing = 0;
      for (int i = 0; i < a.length(); i++) {
        differing += a.charAt(i) != b.charAt(i) ? 1 : 0;
      }
      if (swapped || differing == 1) {
        return PartialDate.Level.CLOSE;
      }
    }
    if (x.year() == y.year()
        && (!bothMonths || x.month() == y.month())
        && !(bothDays && x.month() == y.month())) {
      return PartialDate.Level.PARTIAL;
    }
    return PartialDate.Level.DIFFERENT;
  }

  @Test
  void comparesAsTheDigitsWrittenOutCompared() {
    var random = new SplittableRandom(5);
    int close = 0;
    for (int i = 0; i < 300_000; i++) {
      PartialDate x = randomDate(random);
      // often one slip away from the first
      PartialDate y = random.nextBoolean() ? randomDate(random) : slipped(random, x);
      assertThat(x.compare(y)).as("%s / %s", x, y).isEqualTo(referenceCompare(x, y));
      close += x.compare(y) == PartialDate.Level.CLOSE ? 1 : 0;
    }
    assertThat(close).isGreaterThan(10_000);
  }

  private static PartialDate randomDate(SplittableRandom random) {
    int month = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(12);
    int day = month == 0 || random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(31);
    return new PartialDate(random.nextInt(20) == 0 ? 0 : 1800 + random.nextInt(401), month, day);
  }

  private static PartialDate slipped(SplittableRandom random, PartialDate x) {
    return switch (random.nextInt(4)) {
      case 0 -> new PartialDate(x.year() + (random.nextBoolean() ? 1 : 10), x.month(), x.day());
      case 1 -> new PartialDate(x.year(), x.day() <= 12 ? x.day() : x.month(), x.month());
      case 2 -> new PartialDate(x.year(), x.month(), Math.max(1, (x.day() + 10) % 32));
      default -> new PartialDate(x.year(), x.month(), Math.max(1, (x.day() / 10) * 10 + 9));
    };
  }

  @Test
  void readsWhatTheRegularExpressionsReadOnRandomText() {
    var random = new SplittableRandom(3);
    String alphabet = "0123456789-/. x";
    int known = 0;
    for (int i = 0; i < 300_000; i++) {
      var text = new StringBuilder();
      int length = random.nextInt(13);
      for (int j = 0; j < length; j++) {
        // mostly digits, so that many are dates
        text.append(
            random.nextInt(3) > 0
                ? (char) ('0' + random.nextInt(10))
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextBoolean() && text.length() >= 1) {
        text.replace(0, Math.min(4, text.length()), "19" + (10 + random.nextInt(90)));
      }
      PartialDate expected = reference(text.toString());
      assertThat(PartialDate.parse(text.toString())).as(text.toString()).isEqualTo(expected);
      if (expected.known()) {
        known++;
      }
    }
    assertThat(known).isGreaterThan(5_000);
  }
}
