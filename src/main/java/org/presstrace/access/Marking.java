package org.presstrace.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;

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
      } else {
        compartment = compound(compartmentParts(compartment));
      }
    }
  }

  /**
   * The compartments a reader must belong to, all of them: one for an ordinary marking; several for
   * a record derived from records of different compartments, whose compartment is the compound code
   * {@code A+B} (the parts sorted).
   */
  public SortedSet<String> compartments() {
    return compartment == null ? new TreeSet<>() : compartmentParts(compartment);
  }

  private static SortedSet<String> compartmentParts(String code) {
    var parts = new TreeSet<String>();
    for (String part : code.split("\\+", -1)) {
      String trimmed = part.trim().toUpperCase(Locale.ROOT);
      if (!COMPARTMENT.matcher(trimmed).matches()) {
        throw new InvalidRequest(
            "marking.compartment",
            "compartment '" + code + "' must be 2-64 letters, digits or dashes");
      }
      parts.add(trimmed);
    }
    return parts;
  }

  /** The code standing for membership of every one of {@code parts}; null for none. */
  static String compound(SortedSet<String> parts) {
    if (parts.isEmpty()) {
      return null;
    }
    String code = String.join(COMPOUND_SEPARATOR, parts);
    if (code.length() > 64) {
      throw new InvalidRequest(
          "marking.compartment",
          "compartments " + parts + " together need more than 64 characters");
    }
    return code;
  }

  /** Joins the parts of a compound compartment code. */
  static final String COMPOUND_SEPARATOR = "+";

  /**
   * The join of the sources' markings, the marking of anything derived from all of them: the
   * highest TLP, the union of compartments, NOFORN if any source has it, the intersection of the
   * REL TO lists that are set (an empty intersection, or REL TO beside NOFORN, keeps the join with
   * its owner: NOFORN and at least TLP:AMBER+STRICT), the CUI category of the most restrictive
   * source that has one, and the owning agency of the most restrictive source (the first such
   * source on a tie, so list the writer's own source first). Whoever may read the join may read
   * each source on its marking alone; {@link Derivations} also checks the owner.
   */
  public static Marking join(java.util.List<Marking> sources) {
    if (sources == null || sources.isEmpty()) {
      throw new IllegalArgumentException("a join needs at least one source marking");
    }
    Marking strictest = sources.get(0);
    var compartments = new TreeSet<String>();
    boolean noforn = false;
    SortedSet<CountryCode> relTo = null;
    String cui = null;
    Marking cuiFrom = null;
    for (Marking source : sources) {
      if (source.tlp().ordinal() > strictest.tlp().ordinal()) {
        strictest = source;
      }
      compartments.addAll(source.compartments());
      noforn |= source.noforn();
      if (!source.relTo().isEmpty()) {
        if (relTo == null) {
          relTo = new TreeSet<>(source.relTo());
        } else {
          relTo.retainAll(source.relTo());
        }
      }
      if (source.cuiCategory() != null
          && (cuiFrom == null || source.tlp().ordinal() > cuiFrom.tlp().ordinal())) {
        cui = source.cuiCategory();
        cuiFrom = source;
      }
    }
    Tlp tlp = strictest.tlp();
    if (relTo != null && (relTo.isEmpty() || noforn)) {
      // No country is on every list, or one source is NOFORN and another lists the countries that
      // may read it (a marking cannot say both): nobody outside the owning agency reads the join.
      noforn = true;
      if (tlp.leavesOwner()) {
        tlp = Tlp.AMBER_STRICT;
      }
    }
    if (noforn) {
      relTo = null;
    }
    return new Marking(strictest.ownerAgency(), tlp, cui, noforn, relTo, compound(compartments));
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

  /**
   * What moving from this marking to {@code to} would loosen, in words, one item per part; empty
   * when {@code to} is as tight or tighter. A loosening is a release: it needs four eyes.
   */
  public List<String> looseningsTo(Marking to) {
    Marking from = this;
    var parts = new ArrayList<String>();
    if (!from.ownerAgency().equals(to.ownerAgency())) {
      parts.add("owner " + from.ownerAgency() + " to " + to.ownerAgency());
    }
    if (to.tlp().ordinal() < from.tlp().ordinal()) {
      parts.add("TLP:" + from.tlp().label() + " to TLP:" + to.tlp().label());
    }
    if (from.compartment() != null && !from.compartment().equals(to.compartment())) {
      parts.add(
          to.compartment() == null
              ? "compartment " + from.compartment() + " removed"
              : "compartment " + from.compartment() + " replaced by " + to.compartment());
    }
    if (from.cuiCategory() != null && !from.cuiCategory().equals(to.cuiCategory())) {
      parts.add(
          to.cuiCategory() == null
              ? "CUI//" + from.cuiCategory() + " removed"
              : "CUI//" + from.cuiCategory() + " replaced by CUI//" + to.cuiCategory());
    }
    if (from.noforn() && !to.noforn()) {
      parts.add(to.relTo().isEmpty() ? "NOFORN removed" : "NOFORN replaced by REL TO " + codes(to));
    }
    if (!from.relTo().isEmpty() && to.noforn()) {
      // NOFORN keeps foreign partners out but lets in every domestic agency the list left out.
      parts.add("REL TO " + codes(from) + " replaced by NOFORN");
    } else if (!from.relTo().isEmpty()) {
      if (to.relTo().isEmpty()) {
        parts.add("REL TO " + codes(from) + " removed");
      } else if (!from.relTo().containsAll(to.relTo())) {
        parts.add("REL TO " + codes(from) + " widened to " + codes(to));
      }
    }
    return parts;
  }

  private static String codes(Marking marking) {
    return marking.relTo().stream().map(CountryCode::alpha3).collect(Collectors.joining(", "));
  }
}
