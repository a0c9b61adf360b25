package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.substances.internal.ReferenceList;

/**
 * Every verdict of the class rules, whole (parent, formula, classes with their modifications and
 * explanations, listings, verdict lines), for the structures the benchmark screens and for edge
 * structures (salts, charges, isotopes, fused and bridged piperidines, two scaffolds in one
 * molecule, no carbon at all), as the rules gave them before aromaticity, rings and the scaffold
 * description were worked out once per molecule. {@code structure-verdicts.txt} holds one SMILES
 * and its verdict per line.
 */
class StructureVerdictsPinnedTests {

  static final List<String> EDGES =
      List.of(
          "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.Cl",
          "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1.OC(=O)CC(O)(CC(O)=O)C(O)=O",
          "CCC(=O)N(c1ccccc1)C1CC[NH+](CCc2ccccc2)CC1",
          "[2H]C([2H])([2H])CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
          "[13CH3]CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
          "CCC(=O)N(c1ccccc1)C1CCN2CCCC2C1",
          "CCC(=O)N(c1ccccc1)C1CC2CCC(C1)N2CCc1ccccc1",
          "CCC(=O)N(c1ccccc1)C12CCN(CCc3ccccc3)CC1C2",
          "CCC(=O)N(c1ccccc1)C1CCN(CCN2CCC(N(C(=O)CC)c3ccccc3)CC2)CC1",
          "CCC(=O)N(c1ccc2ccccc2c1)C1CCN(CCc2ccccc2)CC1",
          "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccc3ccccc3c2)CC1",
          "CCC(=O)N(C1CCCCC1)C1CCN(CCc2ccccc2)CC1",
          "C(c1ccccc1)c1nc2ccccc2[nH]1",
          "CCN(CC)CCn1c(Cc2ccc(OC(C)C)cc2)nc2cc([N+](=O)[O-])ccc21",
          "CCN(CC)CCn1c(Cc2ccc(OCC)cc2)nc2ccccc21",
          "[Na+].[Cl-]",
          "C[N+](C)(C)C.[I-]",
          "Oc1ccccc1",
          "C");

  @Test
  void everyVerdictIsTheOneTheRulesGaveBefore() throws IOException {
    var expected = new ArrayList<String>();
    var smiles = new ArrayList<String>();
    String pinned = resource("/substances/structure-verdicts.txt");
    if (pinned != null) {
      for (String line : pinned.lines().toList()) {
        smiles.add(line.substring(0, line.indexOf('\t')));
        expected.add(line);
      }
    } else {
      smiles.addAll(structures());
    }
    var actual = new ArrayList<String>();
    for (String s : smiles) {
      actual.add(s + "\t" + StructureScreen.builtIn().screen(s));
    }
    if (!actual.equals(expected)) {
      Path written = Path.of("target", "structure-verdicts.txt");
      Files.createDirectories(written.getParent());
      Files.write(written, actual, StandardCharsets.UTF_8);
    }
    assertThat(smiles).hasSizeGreaterThan(450);
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  /** The benchmark's structures: analogues built from parts, the listed ones, and the edges. */
  static List<String> structures() {
    String[] acyl = {"CC", "CCC", "CCCC", "C=C", "c1ccoc1", "C1CC1", "COC", "C"};
    String[] aryl = {"c1ccccc1", "c1ccc(F)cc1", "c1ccc(C)cc1", "c1ccccc1F", "c1ccc(OC)cc1"};
    String[] tail = {"CCc1ccccc1", "CCc1cccs1", "CCc1ccc(F)cc1", "CC(O)c1ccccc1", "Cc1ccccc1"};
    Set<String> all = new LinkedHashSet<>();
    for (String a : acyl) {
      for (String r : aryl) {
        for (String t : tail) {
          all.add(a + "C(=O)N(" + r + ")C1CCN(" + t + ")CC1");
          all.add(a + "C(=O)N(" + r + ")C1CCN(" + t + ")CC1C");
        }
      }
    }
    for (Substance s : ReferenceList.builtIn().substances()) {
      if (s.smiles() != null) {
        all.add(s.smiles());
      }
    }
    all.addAll(EDGES);
    return new ArrayList<>(all);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = StructureVerdictsPinnedTests.class.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
