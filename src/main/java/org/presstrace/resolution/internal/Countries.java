package org.presstrace.resolution.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country names and ISO codes (alpha-2, alpha-3, English names, common aliases) to alpha-2. */
public final class Countries {

  private static final Map<String, String> ALPHA2 = build();

  private Countries() {}

  /** The ISO alpha-2 code of {@code text}, or {@code ""} when it names no country. */
  public static String alpha2(String text) {
    if (text == null) {
      return "";
    }
    String trimmed = text.trim();
    String han = ALPHA2.get(trimmed);
    if (han != null) {
      return han;
    }
    return ALPHA2.getOrDefault(Text.fold(trimmed), "");
  }

  private static Map<String, String> build() {
    var map = new HashMap<String, String>();
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale.Builder().setRegion(code).build();
      map.put(code.toLowerCase(Locale.ROOT), code);
      map.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
      map.put(Text.fold(country.getDisplayCountry(Locale.ENGLISH)), code);
    }
    map.put("usa", "US");
    map.put("united states of america", "US");
    map.put("uk", "GB");
    map.put("great britain", "GB");
    map.put("prc", "CN");
    map.put("people s republic of china", "CN");
    map.put("peoples republic of china", "CN");
    map.put("hong kong sar", "HK");
    map.put("中国", "CN");
    map.put("香港", "HK");
    map.put("墨西哥", "MX");
    map.put("美国", "US");
    return map;
  }
}
