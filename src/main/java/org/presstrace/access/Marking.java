package org.presstrace.access;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The handling marking every protected record carries: who owns it, its TLP level, an optional CUI
 * category with its dissemination controls (NOFORN, or REL TO a list of countries), and an optional
 * need-to-know compartment. A marking that breaks a rule cannot be constructed.
 *
 * @param ownerAgency the owning agency's code
 * @param tlp the TLP 2.0 level
 * @param cuiCategory a CUI category abbreviation such as {@code LEI}, or {@code null}
 * @param noforn not releasable to foreign nationals
 * @param relTo the countries the record may be released to; empty for no REL TO control
 * @param compartment a compartment code (a case team), or {@code null}
 */
public record Marking(
    String ownerAgency,
    Tlp tlp,
    String cuiCategory,
    boolean noforn,
    SortedSet<CountryCode> relTo,
    String compartment) {

  /**
   * CUI category abbreviations PressTrace accepts (from the CUI registry's law-enforcement set).
   */
  public static final Set<String> CUI_CATEGORIES =
      Set.of("LEI", "INF", "INTEL", "PRVCY", "PROPIN", "EXPT", "TAX", "OPSEC", "WIT");

  private static final Pattern COMPARTMENT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");

  public Marking {
    if (ownerAgency == null || ownerAgency.isBlank()) {
      throw new InvalidRequest("marking.ownerAgency", "a marking needs an owning agency");
    }
    if (tlp == null) {
      throw new InvalidRequest("marking.tlp", "a marking needs a TLP level");
    }
    relTo = relTo == null ? new TreeSet<>() : new TreeSet<>(relTo);
    if (cuiCategory != null) {
      cuiCategory = cuiCategory.trim().toUpperCase(Locale.ROOT);
      if (cuiCategory.isEmpty()) {
        cuiCategory = null;
      } else if (!CUI_CATEGORIES.contains(cuiCategory)) {
        throw new InvalidRequest(
            "marking.cuiCategory",
            "CUI category '" + cuiCategory + "' is not one of " + new TreeSet<>(CUI_CATEGORIES));
      }
    }
    if ((noforn || !relTo.isEmpty()) && cuiCategory == null) {
      throw new InvalidRequest(
          "marking.cuiCategory",
          "dissemination controls (NOFORN, REL TO) need a CUI category such as LEI");
    }
    if (noforn && !relTo.isEmpty()) {
      throw new InvalidRequest(
          "marking.relTo", "a marking cannot be both NOFORN and REL TO " + relTo);
    }
    if (compartment != null) {
      compartment = compartment.trim().toUpperCase(Locale.ROOT);
      if (compartment.isEmpty()) {
        compartment = null;
      } else if (!COMPARTMENT.matcher(compartment).matches()) {
        throw new InvalidRequest(
            "marking.compartment",
            "compartment '" + compartment + "' must be 2-64 letters, digits or dashes");
      }
    }
  }

  /** A marking with no CUI category, dissemination control or compartment. */
  public static Marking of(String ownerAgency, Tlp tlp) {
    return new Marking(ownerAgency, tlp, null, false, null, null);
  }

  /** Parses REL TO codes, naming {@code marking.relTo[i]} when one is not a country. */
  public static SortedSet<CountryCode> relTo(Collection<String> codes) {
    var parsed = new TreeSet<CountryCode>();
    if (codes == null) {
      return parsed;
    }
    int i = 0;
    for (String code : codes) {
      parsed.add(CountryCode.parse(code, "marking.relTo[" + i++ + "]"));
    }
    return parsed;
  }

  /** The REL TO list as stored: {@code ,CHN,USA,} so that one LIKE finds a country; or null. */
  public String relToColumn() {
    if (relTo.isEmpty()) {
      return null;
    }
    return relTo.stream().map(CountryCode::alpha3).collect(Collectors.joining(",", ",", ","));
  }

  /** Reads the stored REL TO column back. */
  public static SortedSet<CountryCode> relToFromColumn(String column) {
    var codes = new TreeSet<CountryCode>();
    if (column != null) {
      for (String code : column.split(",")) {
        if (!code.isBlank()) {
          codes.add(new CountryCode(code));
        }
      }
    }
    return codes;
  }

  /** The banner line shown above a record, e.g. {@code TLP:AMBER // CUI//LEI//REL TO CHN, USA}. */
  public String banner() {
    var banner = new StringBuilder("TLP:").append(tlp.label());
    if (cuiCategory != null) {
      banner.append(" // CUI//").append(cuiCategory);
      if (noforn) {
        banner.append("//NOFORN");
      }
      if (!relTo.isEmpty()) {
        banner
            .append("//REL TO ")
            .append(relTo.stream().map(CountryCode::alpha3).collect(Collectors.joining(", ")));
      }
    }
    if (compartment != null) {
      banner.append(" // ").append(compartment);
    }
    return banner.toString();
  }
}
