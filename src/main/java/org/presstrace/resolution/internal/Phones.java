package org.presstrace.resolution.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Phone numbers to E.164 ({@code +8675588881234}). A national number is read in the country the
 * record gives; without one it must carry its country code ({@code +} or {@code 00}). A number that
 * cannot be placed keeps its bare digits, prefixed {@code ?}, so it still matches itself.
 */
final class Phones {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private Phones() {}

  /**
   * {@code text} in E.164, {@code ?digits} when the country is unknown, {@code ""} if no number.
   */
  static String e164(String text, String countryAlpha2) {
    if (text == null) {
      return "";
    }
    var kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || c == '+') {
        kept.append(c);
      }
    }
    String digits = kept.toString();
    if (digits.startsWith("00")) {
      digits = "+" + digits.substring(2);
    }
    if (digits.replace("+", "").length() < 6) {
      return "";
    }
    String region = countryAlpha2.isEmpty() ? "ZZ" : countryAlpha2;
    try {
      var number = UTIL.parse(digits, region);
      if (UTIL.isPossibleNumber(number)) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
      }
    } catch (NumberParseException unplaced) {
      // falls through to the bare digits
    }
    return "?" + digits.replace("+", "");
  }
}
