package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.presstrace.substances.ClassMatch;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.ListedHit;
import org.presstrace.substances.StructureVerdict;
import org.presstrace.substances.Substance;

/**
 * Screens structures against the class rules and against the listed structures of a reference list.
 * Each class match cites the law that defines the class (the sources of the rule's controls in the
 * list). Thread-safe; built once per reference list.
 */
public final class ClassRules {

  private final Map<String, Substance> byStructure = new HashMap<>();
  private final Map<String, String> ruleSources = new LinkedHashMap<>();

  public ClassRules(List<Substance> listed, List<ControlAction> classControls) {
    for (Substance substance : listed) {
      if (substance.smiles() != null) {
        IAtomContainer parent = Molecules.parent(Molecules.parse(substance.smiles()));
        byStructure.putIfAbsent(Molecules.canonical(parent), substance);
      }
    }
    for (ControlAction control : classControls) {
      ruleSources.merge(
          control.classRule(), control.source(), (a, b) -> a.contains(b) ? a : a + "; " + b);
    }
  }

  /** Screens one SMILES; refuses one that does not parse, naming the field {@code smiles}. */
  public StructureVerdict screen(String smiles) {
    IAtomContainer parent = Molecules.parent(Molecules.parse(smiles));
    if (parent == null) {
      return new StructureVerdict(
          true, smiles, null, null, List.of(), List.of(), List.of(), List.of());
    }
    String canonical = Molecules.canonical(parent);
    Optional<Substance> listed = Optional.ofNullable(byStructure.get(canonical));
    var classes = new ArrayList<ClassMatch>();
    // Aromaticity and ring flags were set once in Molecules.parent; the scaffold is found and
    // described once and read by both fentanyl rules.
    var scaffolds = FentanylScaffold.describe(parent);
    FentanylRules.us(scaffolds, listed).ifPresent(classes::add);
    FentanylRules.china(scaffolds, listed).ifPresent(classes::add);
    NitazeneRule.china(parent, listed).ifPresent(classes::add);
    classes.replaceAll(match -> match.withSource(ruleSources.get(match.rule())));
    List<ListedHit> hits =
        listed
            .map(
                s ->
                    List.of(
                        new ListedHit(
                            s.id(), s.name(), s.family(), canonical, "same structure", 1.0)))
            .orElse(List.of());
    List<ControlAction> listings = listed.map(Substance::controls).orElse(List.of());
    Map<String, String> names = listed.map(s -> Map.of(s.id(), s.name())).orElse(Map.of());
    return new StructureVerdict(
        true,
        smiles,
        canonical,
        Molecules.formula(parent),
        classes,
        hits,
        listings,
        VerdictLines.of(listings, names, classes));
  }
}
