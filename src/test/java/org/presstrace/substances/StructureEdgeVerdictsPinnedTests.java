package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

/**
 * Verdicts, and refusals with their messages, for structures a shortcut in the screen could get
 * wrong: charged forms and zwitterions, salts and other disconnected structures (including ties
 * between equally large fragments), isotopes, explicit hydrogens, stereochemistry, attachment
 * points, metals, radicals, structures with no carbon, very large structures and invalid SMILES
 * interleaved with valid ones. {@code structure-edge-verdicts.txt} holds what the screen answered
 * before the molecular formula, the parent fragment and the parser were worked out faster.
 */
public class StructureEdgeVerdictsPinnedTests {

  static final String FENTANYL = "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1";

  public static List<String> edges() {
    var all = new ArrayList<String>();
    all.addAll(
        List.of(
            FENTANYL,
            "CCC(=O)N(c1ccccc1)C1CC[NH+](CCc2ccccc2)CC1.[Cl-]",
            "CCC(=O)N(c1ccccc1)C1CC[N+](C)(CCc2ccccc2)CC1",
            "C[N+](C)(C)CC[N+](C)(C)C",
            "[O-]C(=O)CC(=O)[O-].[Na+].[Na+]",
            "[NH3+]CC([O-])=O",
            "CC(=O)[O-].[Na+]",
            FENTANYL + ".[Br-]",
            FENTANYL + ".OS(=O)(=O)O",
            FENTANYL + ".O.O",
            "OS(=O)(=O)O." + FENTANYL,
            "OCCO.NCCN",
            "NCCN.OCCO",
            "CCO.CCO",
            "C.C",
            "CCO.c1ccccc1",
            FENTANYL + "." + FENTANYL,
            "CCC(=O)N(c1ccccc1)C1CCNCC1.CCc1ccccc1",
            "[2H]C([2H])([2H])C(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
            "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1[3H]",
            "CC[13C](=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
            "C[18OH]",
            "[2H][2H]",
            "[H]C([H])([H])CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
            "[H]N1CCC(CC1)N(C(=O)CC)c1ccccc1",
            "[H][C@@](C)(N)C(=O)O",
            "[H]OC",
            "[H+].[Cl-]",
            "C[C@@H]1CN(CCc2ccccc2)CC[C@@H]1N(C(=O)CC)c1ccccc1",
            "C[C@H]1CN(CCc2ccccc2)CC[C@H]1N(C(=O)CC)c1ccccc1",
            "C/C=C/C(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
            "*CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
            "[*]C",
            "C[Hg]Cl",
            "CC[Se]CC",
            "[Fe+2].CC(=O)[O-].CC(=O)[O-]",
            "Br[Mg]c1ccccc1",
            "C[Si](C)(C)C",
            "CB(O)O",
            "[CH3]",
            "C[CH2]",
            "[nH]1cccc1",
            "c1ccncc1",
            "O=C=O",
            "[Na+].[Cl-]",
            "O",
            "[U]",
            "CCN(CC)CCn1c(Cc2ccc(OCC)cc2)nc2cc([N+](=O)[O-])ccc21.OC(=O)CC(O)(CC(O)=O)C(O)=O",
            "CCN(CC)CCn1c(Cc2ccc(OCC)cc2)nc2cc(N(=O)=O)ccc21",
            " " + FENTANYL + " ",
            "C1CC",
            "CC(",
            "Xx",
            "c1cccc1",
            "C)C",
            "",
            "   ",
            "C".repeat(2001),
            "C".repeat(2000),
            "C" + "CCO".repeat(666),
            (FENTANYL + ".").repeat(40) + "C",
            "CCC(=O)N(c1ccccc1)C1CCN(" + "C".repeat(1500) + ")CC1"));
    // each invalid one again after a valid one: a parser used again keeps nothing of the last
    all.addAll(List.of(FENTANYL, "C1CC", FENTANYL, "Xx", FENTANYL, "c1cccc1", FENTANYL));
    return all;
  }

  @Test
  void everyEdgeVerdictIsTheOneTheScreenGaveBefore() throws IOException {
    List<String> expected = new ArrayList<>();
    String pinned = resource("/substances/structure-edge-verdicts.txt");
    if (pinned != null) {
      expected = pinned.lines().toList();
    }
    var actual = new ArrayList<String>();
    for (String s : edges()) {
      actual.add(shorten(s) + "\t" + answer(s));
    }
    if (!actual.equals(expected)) {
      Path written = Path.of("target", "structure-edge-verdicts.txt");
      Files.createDirectories(written.getParent());
      Files.write(written, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  static String answer(String smiles) {
    try {
      return String.valueOf(StructureScreen.builtIn().screen(smiles)).replace(smiles, "<smiles>");
    } catch (InvalidRequest e) {
      return "refused " + e.field() + ": " + e.getMessage();
    }
  }

  private static String shorten(String smiles) {
    return smiles.length() <= 120 ? smiles : smiles.substring(0, 100) + "... " + smiles.length();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = StructureEdgeVerdictsPinnedTests.class.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
