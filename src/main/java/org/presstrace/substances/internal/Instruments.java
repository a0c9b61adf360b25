package org.presstrace.substances.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The instruments a designation may name, per jurisdiction, with their categories, spelled as the
 * built-in list spells them. A designation naming anything else is refused with the known choices.
 */
public final class Instruments {

  private static final List<String> ROMAN_SCHEDULES =
      List.of("Schedule I", "Schedule II", "Schedule III", "Schedule IV");

  private static final Map<String, Map<String, List<String>>> KNOWN = known();

  private Instruments() {}

  private static Map<String, Map<String, List<String>>> known() {
    var all = new LinkedHashMap<String, Map<String, List<String>>>();
    all.put(
        "USA",
        Map.of(
            "CSA",
            List.of(
                "Schedule I",
                "Schedule II",
                "Schedule III",
                "Schedule IV",
                "Schedule V",
                "List I",
                "List II")));
    var un = new LinkedHashMap<String, List<String>>();
    un.put("1961 Convention", ROMAN_SCHEDULES);
    un.put("1971 Convention", ROMAN_SCHEDULES);
    un.put("1988 Convention", List.of("Table I", "Table II"));
    all.put("UN", un);
    var china = new LinkedHashMap<String, List<String>>();
    china.put("Narcotic drugs", List.of("narcotic drug"));
    china.put("Psychotropic substances", List.of("Category I", "Category II"));
    china.put(
        "Non-medical narcotic and psychotropic substances (supplementary list)",
        List.of("non-medical NPS"));
    china.put("Precursor chemicals", List.of("Category I", "Category II", "Category III"));
    all.put("CHN", china);
    all.put(
        "GBR",
        Map.of(
            "Misuse of Drugs Act 1971",
            List.of("Class A", "Class B", "Class C", "temporary class drug")));
    return all;
  }

  /** Jurisdictions designations may be imported for. */
  public static List<String> jurisdictions() {
    return List.copyOf(KNOWN.keySet());
  }

  /** The instruments of {@code jurisdiction}, empty when it is not known. */
  public static List<String> instruments(String jurisdiction) {
    var instruments = KNOWN.get(jurisdiction);
    return instruments == null ? List.of() : List.copyOf(instruments.keySet());
  }

  /** The instrument as spelled here, matched without regard to case. */
  public static Optional<String> instrument(String jurisdiction, String name) {
    return instruments(jurisdiction).stream()
        .filter(known -> known.equalsIgnoreCase(name == null ? "" : name.strip()))
        .findFirst();
  }

  /** The categories of an instrument. */
  public static List<String> categories(String jurisdiction, String instrument) {
    var instruments = KNOWN.get(jurisdiction);
    return instruments == null
        ? List.of()
        : instruments.getOrDefault(instrument, List.of()).stream().toList();
  }

  /**
   * The category as spelled here; a qualifier in brackets after it is kept ({@code List I
   * (carbamates of 4-piperidone)}).
   */
  public static Optional<String> category(String jurisdiction, String instrument, String name) {
    String text = name == null ? "" : name.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    for (String known : categories(jurisdiction, instrument)) {
      String knownLower = known.toLowerCase(Locale.ROOT);
      if (lower.equals(knownLower)) {
        return Optional.of(known);
      }
      if (lower.startsWith(knownLower + " (") && lower.endsWith(")")) {
        return Optional.of(known + text.substring(known.length()));
      }
    }
    return Optional.empty();
  }
}
