package org.presstrace.substances.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.substances.StructureEdgeVerdictsPinnedTests;

/**
 * The molecular formula, the parent fragment and the parser, each worked out faster than CDK's
 * general path, against that path on every structure the benchmark screens and every edge
 * structure.
 */
class MoleculesTests {

  /** Every structure of the pinned verdicts (the benchmark's) and every edge structure. */
  static List<String> structures() throws IOException {
    var all = new LinkedHashSet<String>();
    try (InputStream in =
        MoleculesTests.class.getResourceAsStream("/substances/structure-verdicts.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        all.add(line.substring(0, line.indexOf('\t')));
      }
    }
    all.addAll(StructureEdgeVerdictsPinnedTests.edges());
    all.addAll(
        List.of(
            "[NH4+]",
            "[Cl-]",
            "[Ca+2]",
            "[O-][O-]",
            "[O-2]",
            "IBr",
            "OS(=O)(=O)O",
            "[H][H]",
            "[H]",
            "[Fe+3]",
            "[Rf]",
            "[He]",
            "ClC(Cl)(Cl)Cl",
            "C[N+](C)(C)C.C[N+](C)(C)C",
            "[13CH4]",
            "[2H]O[2H]",
            "CC[Cu]CC",
            "C[Ag]",
            "C[Pt](Cl)(Cl)N",
            "c1ccccc1[Te]C",
            "C[Xe]"));
    assertThat(all).hasSizeGreaterThan(500);
    return new ArrayList<>(all);
  }

  private static IAtomContainer parsedOrNull(String smiles) {
    try {
      return Molecules.parse(smiles);
    } catch (InvalidRequest e) {
      return null;
    }
  }

  @Test
  void theFormulaIsCdksOnEveryStructureItsParentAndEveryFragment() throws IOException {
    int compared = 0;
    for (String smiles : structures()) {
      IAtomContainer molecule = parsedOrNull(smiles);
      if (molecule == null) {
        continue;
      }
      var forms = new ArrayList<IAtomContainer>();
      forms.add(molecule);
      for (IAtomContainer part :
          ConnectivityChecker.partitionIntoMolecules(molecule).atomContainers()) {
        forms.add(part);
      }
      IAtomContainer parent = Molecules.parent(Molecules.parse(smiles));
      if (parent != null) {
        forms.add(parent);
      }
      for (IAtomContainer form : forms) {
        String cdk =
            MolecularFormulaManipulator.getString(
                MolecularFormulaManipulator.getMolecularFormula(form));
        assertThat(Molecules.formula(form)).as(smiles).isEqualTo(cdk);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  @Test
  void theFormulaFollowsHillOrderAndShowsTheCharge() {
    assertThat(Molecules.formula(Molecules.parse("CCO"))).isEqualTo("C2H6O");
    assertThat(Molecules.formula(Molecules.parse("Br[Mg]C"))).isEqualTo("CH3BrMg");
    assertThat(Molecules.formula(Molecules.parse("OS(=O)(=O)O"))).isEqualTo("H2O4S");
    assertThat(Molecules.formula(Molecules.parse("[NH4+]"))).isEqualTo("[H4N]+");
    assertThat(Molecules.formula(Molecules.parse("[O-]C(=O)CC(=O)[O-]"))).isEqualTo("[C3H2O4]2-");
    assertThat(Molecules.formula(Molecules.parse("[NH3+]CC([O-])=O"))).isEqualTo("C2H5NO2");
  }

  /**
   * The parent as it was found before: every fragment copied apart, the largest organic one kept,
   * its hydrogens suppressed and prepared for matching.
   */
  private static IAtomContainer parentByPartition(IAtomContainer molecule) {
    IAtomContainer best = null;
    int bestHeavy = -1;
    int bestCarbons = -1;
    for (IAtomContainer part :
        ConnectivityChecker.partitionIntoMolecules(molecule).atomContainers()) {
      int heavy = 0;
      int carbons = 0;
      for (IAtom atom : part.atoms()) {
        int number = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
        heavy += number > 1 ? 1 : 0;
        carbons += number == 6 ? 1 : 0;
      }
      if (carbons > 0 && (heavy > bestHeavy || heavy == bestHeavy && carbons > bestCarbons)) {
        best = part;
        bestHeavy = heavy;
        bestCarbons = carbons;
      }
    }
    if (best == null) {
      return null;
    }
    IAtomContainer parent = AtomContainerManipulator.suppressHydrogens(best);
    Molecules.neutralise(parent);
    SmartsPattern.prepare(parent);
    return parent;
  }

  /** Atoms in order with everything the rules read, then bonds in order, then stereo. */
  private static String layout(IAtomContainer molecule) {
    if (molecule == null) {
      return "none";
    }
    var text = new StringBuilder();
    for (IAtom atom : molecule.atoms()) {
      text.append(atom.getSymbol())
          .append(atom.getAtomicNumber())
          .append('/')
          .append(atom.getMassNumber())
          .append('h')
          .append(atom.getImplicitHydrogenCount())
          .append('q')
          .append(atom.getFormalCharge())
          .append(atom.isAromatic() ? 'a' : '-')
          .append(atom.isInRing() ? 'r' : '-')
          .append(' ');
    }
    for (IBond bond : molecule.bonds()) {
      text.append(molecule.indexOf(bond.getBegin()))
          .append(bond.getOrder())
          .append(bond.isAromatic() ? 'a' : '-')
          .append(bond.isInRing() ? 'r' : '-')
          .append(molecule.indexOf(bond.getEnd()))
          .append(' ');
    }
    molecule.stereoElements().forEach(s -> text.append(s.getConfigOrder()).append(' '));
    return text.toString();
  }

  @Test
  void theParentIsTheOneEveryFragmentCopiedApartGave() throws IOException {
    int compared = 0;
    for (String smiles : structures()) {
      IAtomContainer molecule = parsedOrNull(smiles);
      if (molecule == null) {
        continue;
      }
      IAtomContainer reference = parentByPartition(molecule);
      IAtomContainer parent = Molecules.parent(Molecules.parse(smiles));
      assertThat(layout(parent)).as(smiles).isEqualTo(layout(reference));
      if (reference != null) {
        assertThat(Molecules.canonical(parent))
            .as(smiles)
            .isEqualTo(Molecules.canonical(reference));
      }
      compared++;
    }
    assertThat(compared).isGreaterThan(500);
  }

  @Test
  void aParserUsedAgainOnManyThreadsReadsEachStructureAsAFreshOne() throws Exception {
    List<String> structures = structures();
    var fresh = new ArrayList<String>();
    for (String smiles : structures) {
      fresh.add(read(smiles, true));
    }
    var pool = Executors.newFixedThreadPool(4);
    try {
      var runs = new ArrayList<Future<List<String>>>();
      for (int run = 0; run < 4; run++) {
        int shift = run * 37;
        Callable<List<String>> task =
            () -> {
              var answers = new ArrayList<String>(structures.size());
              for (int i = 0; i < structures.size(); i++) {
                answers.add(null);
              }
              for (int k = 0; k < structures.size(); k++) {
                int i = (k + shift) % structures.size();
                answers.set(i, read(structures.get(i), false));
              }
              return answers;
            };
        runs.add(pool.submit(task));
      }
      for (var run : runs) {
        assertThat(run.get()).containsExactlyElementsOf(fresh);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The structure as read, atom by atom, or the refusal's message. */
  private static String read(String smiles, boolean freshParser) {
    if (freshParser && smiles != null && !smiles.isBlank() && smiles.length() <= 2000) {
      try {
        IAtomContainer parsed =
            new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles.strip());
        if (parsed.getAtomCount() <= Molecules.MAX_ATOMS) {
          return layout(parsed);
        }
      } catch (Exception e) {
        try {
          Molecules.parse(smiles);
          return "parsed where a fresh parser refused";
        } catch (InvalidRequest refused) {
          return refused.getMessage();
        }
      }
    }
    try {
      return layout(Molecules.parse(smiles));
    } catch (InvalidRequest refused) {
      return refused.getMessage();
    }
  }
}
