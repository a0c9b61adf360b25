package org.presstrace.shared;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-3 country code, as CUI dissemination controls write it (USA, CHN, MEX). */
public record CountryCode(String alpha3) implements Comparable<CountryCode> {

  private static final Set<String> KNOWN =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

  public CountryCode {
    if (alpha3 == null || !KNOWN.contains(alpha3)) {
      throw new InvalidRequest(
          "country", "country code '" + alpha3 + "' is not an ISO 3166-1 alpha-3 code");
    }
  }

  /** Parses a code in any case; {@code field} names the request field in the error. */
  public static CountryCode parse(String text, String field) {
    String code = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (!KNOWN.contains(code)) {
      throw new InvalidRequest(
          field, "country code '" + text + "' is not an ISO 3166-1 alpha-3 code");
    }
    return new CountryCode(code);
  }

  @Override
  public int compareTo(CountryCode other) {
    return alpha3.compareTo(other.alpha3);
  }

  @Override
  public String toString() {
    return alpha3;
  }
}
