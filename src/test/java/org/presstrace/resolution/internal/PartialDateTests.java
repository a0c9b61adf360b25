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
