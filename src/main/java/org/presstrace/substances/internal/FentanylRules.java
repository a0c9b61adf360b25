package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.presstrace.substances.ClassMatch;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.Substance;

/**
 * The fentanyl class definitions of the US (HALT Fentanyl Act, modifications A-E) and of China
 * (2019, modifications 1-4), read against a {@link FentanylScaffold.Description}.
 */
final class FentanylRules {

  static final String US_RULE = "us-fentanyl-related";
  static final String CN_RULE = "cn-fentanyl-class";

  /** Substituents the US text allows in or on the phenethyl group (B). */
  static final Set<String> US_PHENETHYL =
      Set.of("alkyl", "alkenyl", "alkoxyl", "hydroxyl", "halo", "haloalkyl", "amino", "nitro");

  /** Substituents allowed in or on the piperidine ring (US C, China 3). */
  static final Set<String> PIPERIDINE =
      Set.of(
          "alkyl",
          "alkenyl",
          "alkoxyl",
          "ester",
          "ether",
          "hydroxyl",
          "halo",
          "haloalkyl",
          "amino",
          "nitro");

  private static final String US_TEXT =
      "fentanyl-related substance, 21 U.S.C. 812(c) Schedule I(e) (HALT Fentanyl Act)";
  private static final String CN_TEXT =
      "fentanyl-related substance, China's class listing of 2019-05-01";

  private FentanylRules() {}

  /**
   * The US rule over the scaffold's descriptions ({@link FentanylScaffold#describe}, worked out
   * once per molecule for both rules), or empty when the structure is not a fentanyl-related
   * substance in its text.
   */
  static Optional<ClassMatch> us(
      List<FentanylScaffold.Description> scaffolds, Optional<Substance> listed) {
    for (var d : scaffolds) {
      var found = us(d, listed);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<ClassMatch> us(
      FentanylScaffold.Description d, Optional<Substance> listed) {
    if (!d.acylGroup() || !d.arylMonocycle() || !d.arylAromatic() || d.phenethyl().isEmpty()) {
      return Optional.empty();
    }
    var p = d.phenethyl().get();
    if (!p.monocycle()) {
      return Optional.empty();
    }
    var modifications = new ArrayList<String>();
    var explanations = new ArrayList<String>();
    if (!p.phenyl()) {
      modifications.add("A");
      explanations.add(
          "A: the phenyl of the phenethyl group is replaced by the monocycle " + p.ring());
    }
    var phenethylGroups = new ArrayList<Substituent>(p.chainSubstituents());
    if (p.phenyl()) {
      phenethylGroups.addAll(p.ringSubstituents());
    }
    if (!phenethylGroups.isEmpty()) {
      if (!allowed(phenethylGroups, US_PHENETHYL)) {
        return Optional.empty();
      }
      modifications.add("B");
      explanations.add("B: substitution in or on the phenethyl group: " + list(phenethylGroups));
    }
    if (!d.piperidineSubstituents().isEmpty()) {
      if (!allowed(d.piperidineSubstituents(), PIPERIDINE)) {
        return Optional.empty();
      }
      modifications.add("C");
      explanations.add(
          "C: substitution in or on the piperidine ring: " + list(d.piperidineSubstituents()));
    }
    if (!d.arylPhenyl() || !d.arylSubstituents().isEmpty()) {
      modifications.add("D");
      explanations.add(
          d.arylPhenyl()
              ? "D: the aniline ring is a substituted aromatic monocycle: "
                  + list(d.arylSubstituents())
              : "D: the aniline ring is replaced by the aromatic monocycle " + d.aryl());
    }
    if (!d.propionyl()) {
      modifications.add("E");
      explanations.add(
          "E: the N-propionyl group is replaced by the acyl group "
              + d.acyl()
              + (d.alkoxycarbonyl() ? " (an alkoxycarbonyl group: a carbamate)" : ""));
    }
    return Optional.of(
        verdict(US_RULE, "USA", US_TEXT, modifications, explanations, usListing(listed)));
  }

  /** China's 2019 rule: broader at (4), where any group other than hydrogen may stand. */
  static Optional<ClassMatch> china(
      List<FentanylScaffold.Description> scaffolds, Optional<Substance> listed) {
    for (var d : scaffolds) {
      var found = china(d, listed);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<ClassMatch> china(
      FentanylScaffold.Description d, Optional<Substance> listed) {
    if (!d.acylGroup() || !d.arylMonocycle() || !d.arylAromatic() || !d.nitrogenSubstituted()) {
      return Optional.empty();
    }
    var modifications = new ArrayList<String>();
    var explanations = new ArrayList<String>();
    if (!d.propionyl()) {
      modifications.add("1");
      explanations.add(
          "1: the N-propionyl group is replaced by the acyl group "
              + d.acyl()
              + (d.alkoxycarbonyl() ? " (an alkoxycarbonyl group: a carbamate)" : ""));
    }
    if (!d.arylPhenyl() || !d.arylSubstituents().isEmpty()) {
      modifications.add("2");
      explanations.add(
          d.arylPhenyl()
              ? "2: the N-phenyl is a substituted aromatic monocycle: " + list(d.arylSubstituents())
              : "2: the N-phenyl is replaced by the aromatic monocycle " + d.aryl());
    }
    if (!d.piperidineSubstituents().isEmpty()) {
      if (!allowed(d.piperidineSubstituents(), PIPERIDINE)) {
        return Optional.empty();
      }
      modifications.add("3");
      explanations.add(
          "3: substitution on the piperidine ring: " + list(d.piperidineSubstituents()));
    }
    boolean plainPhenethyl = d.phenethyl().map(p -> p.monocycle() && p.unmodified()).orElse(false);
    if (!plainPhenethyl) {
      modifications.add("4");
      explanations.add("4: the phenethyl group is replaced by " + d.nitrogenGroup());
    }
    return Optional.of(
        verdict(CN_RULE, "CHN", CN_TEXT, modifications, explanations, chinaListing(listed)));
  }

  private static ClassMatch verdict(
      String rule,
      String jurisdiction,
      String text,
      List<String> modifications,
      List<String> explanations,
      Optional<String> listedAs) {
    if (modifications.isEmpty()) {
      return new ClassMatch(
          rule,
          jurisdiction,
          "fentanyl",
          modifications,
          List.of("the structure is fentanyl itself"),
          true,
          "fentanyl itself, not a related substance: " + listedAs.orElse("controlled as fentanyl"),
          null);
    }
    String reason =
        text
            + ": modification"
            + (modifications.size() > 1 ? "s " : " ")
            + String.join(", ", modifications);
    if (listedAs.isPresent()) {
      return new ClassMatch(
          rule,
          jurisdiction,
          "fentanyl",
          modifications,
          explanations,
          true,
          reason + "; excluded: " + listedAs.get(),
          null);
    }
    return new ClassMatch(
        rule, jurisdiction, "fentanyl", modifications, explanations, false, reason, null);
  }

  /**
   * Listed in a US schedule in its own name (Schedule I as a named analogue, or Schedule II): the
   * class, which covers only substances not otherwise controlled, does not reach it. The listing
   * still open is preferred, then a permanent one.
   */
  private static Optional<String> usListing(Optional<Substance> listed) {
    return listed.flatMap(
        substance ->
            substance.controls().stream()
                .filter(c -> c.jurisdiction().equals("USA") && c.category().startsWith("Schedule"))
                .min(
                    Comparator.comparing((ControlAction c) -> c.effectiveTo() != null)
                        .thenComparing(ControlAction::temporary))
                .map(
                    c ->
                        "listed in "
                            + c.category()
                            + " as "
                            + substance.name()
                            + " ("
                            + (c.citation() != null ? c.citation() : c.source())
                            + ")"));
  }

  /** Listed by name on one of China's lists: controlled under that list, not the class. */
  static Optional<String> chinaListing(Optional<Substance> listed) {
    return listed.flatMap(
        substance ->
            substance.controls().stream()
                .filter(
                    c -> c.jurisdiction().equals("CHN") && !c.instrument().startsWith("Precursor"))
                .findFirst()
                .map(
                    c ->
                        "listed by name as "
                            + substance.name()
                            + " ("
                            + c.instrument()
                            + (c.effectiveFrom() != null ? ", from " + c.effectiveFrom() : "")
                            + ")"));
  }

  private static boolean allowed(List<Substituent> groups, Set<String> kinds) {
    return groups.stream().allMatch(group -> kinds.contains(group.kind()));
  }

  private static String list(List<Substituent> groups) {
    return groups.stream().map(Substituent::toString).collect(Collectors.joining("; "));
  }
}
