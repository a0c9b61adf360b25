package org.presstrace.substances.internal;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.openscience.cdk.config.Elements;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IPseudoAtom;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;
import org.presstrace.shared.InvalidRequest;

/** Parsing, salt stripping and canonical forms of structures, with CDK. */
public final class Molecules {

  /** Longest SMILES accepted: a drug-like molecule is far shorter. */
  public static final int MAX_SMILES = 2000;

  /** Heaviest element with a symbol of its own. */
  private static final int LAST_ELEMENT = 118;

  /** Atomic numbers other than carbon and hydrogen in the alphabetical order of their symbols. */
  private static final int[] ALPHABETICAL_AFTER_CH =
      IntStream.rangeClosed(1, LAST_ELEMENT)
          .filter(n -> n != 1 && n != 6)
          .boxed()
          .sorted(Comparator.comparing(Molecules::symbol))
          .mapToInt(Integer::intValue)
          .toArray();

  /** Every atomic number in the alphabetical order of its symbol (Hill order without carbon). */
  private static final int[] ALPHABETICAL =
      IntStream.rangeClosed(1, LAST_ELEMENT)
          .boxed()
          .sorted(Comparator.comparing(Molecules::symbol))
          .mapToInt(Integer::intValue)
          .toArray();

  private static final String[] SYMBOLS =
      IntStream.rangeClosed(0, LAST_ELEMENT)
          .mapToObj(n -> n == 0 ? "" : symbol(n))
          .toArray(String[]::new);

  /**
   * One parser per thread, used again: creating a parser looks up its logger and its builder's
   * factories each time. A parser keeps nothing of one structure for the next.
   */
  /**
   * The most atoms a structure may have. Controlled drugs and precursors have well under a hundred
   * heavy atoms; writing SMILES (CDK's generator recurses along chains) overflowed a 1 MB thread
   * stack at about two thousand.
   */
  static final int MAX_ATOMS = 500;

  private static final ThreadLocal<SmilesParser> PARSER =
      ThreadLocal.withInitial(() -> new SmilesParser(SilentChemObjectBuilder.getInstance()));

  private Molecules() {}

  /** Parses SMILES, or refuses it naming the field {@code smiles}. */
  public static IAtomContainer parse(String smiles) {
    if (smiles == null || smiles.isBlank()) {
      throw new InvalidRequest("smiles", "SMILES is missing");
    }
    if (smiles.length() > MAX_SMILES) {
      throw new InvalidRequest(
          "smiles", "SMILES is " + smiles.length() + " characters, more than " + MAX_SMILES);
    }
    IAtomContainer molecule;
    try {
      molecule = PARSER.get().parseSmiles(smiles.strip());
    } catch (CDKException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      why =
          why.lines()
              .findFirst()
              .orElse(why)
              .replace("could not parse '" + smiles + "', ", "")
              .replaceAll("[:\\s]+$", "");
      throw new InvalidRequest(
          "smiles", "SMILES '" + shorten(smiles) + "' cannot be parsed: " + why);
    }
    if (molecule.getAtomCount() > MAX_ATOMS) {
      throw new InvalidRequest(
          "smiles",
          "SMILES '"
              + shorten(smiles)
              + "' has "
              + molecule.getAtomCount()
              + " atoms, more than "
              + MAX_ATOMS
              + ": only drug-sized structures are screened");
    }
    return molecule;
  }

  /**
   * The largest organic fragment (most heavy atoms, then most carbons), hydrogens suppressed and
   * prepared for SMARTS matching; {@code null} when no fragment contains carbon (a bare salt).
   */
  public static IAtomContainer parent(IAtomContainer molecule) {
    if (ConnectivityChecker.isConnected(molecule)) {
      // One fragment: copying it apart would give the same atoms and bonds in the same order.
      return hasCarbon(molecule) ? prepared(molecule) : null;
    }
    IAtomContainer best = null;
    int bestHeavy = -1;
    int bestCarbons = -1;
    for (IAtomContainer part :
        ConnectivityChecker.partitionIntoMolecules(molecule).atomContainers()) {
      int heavy = 0;
      int carbons = 0;
      for (IAtom atom : part.atoms()) {
        int number = atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
        if (number > 1) {
          heavy++;
        }
        if (number == 6) {
          carbons++;
        }
      }
      if (carbons > 0 && (heavy > bestHeavy || heavy == bestHeavy && carbons > bestCarbons)) {
        best = part;
        bestHeavy = heavy;
        bestCarbons = carbons;
      }
    }
    return best == null ? null : prepared(best);
  }

  private static boolean hasCarbon(IAtomContainer molecule) {
    for (IAtom atom : molecule.atoms()) {
      if (atom.getAtomicNumber() != null && atom.getAtomicNumber() == 6) {
        return true;
      }
    }
    return false;
  }

  private static IAtomContainer prepared(IAtomContainer fragment) {
    IAtomContainer parent = AtomContainerManipulator.suppressHydrogens(fragment);
    neutralise(parent);
    SmartsPattern.prepare(parent);
    return parent;
  }

  /**
   * Takes back the proton a salt's acid put on the parent, or took from it, as a seized drug's
   * hydrochloride or citrate is often written: a nitrogen with a positive charge and a hydrogen
   * ({@code [NH+]}, {@code [NH2+]}, {@code [NH3+]}, {@code [nH+]}) gives up the hydrogen, and an
   * oxygen or sulphur with a negative charge and one neighbour that carries no charge (a
   * carboxylate, phenolate or thiolate) takes one. A charge that no proton explains stays: a
   * quaternary ammonium ({@code [N+]} with four carbons) is another substance, and the charges of a
   * nitro group or an N-oxide belong to its structure.
   */
  static void neutralise(IAtomContainer molecule) {
    for (IAtom atom : molecule.atoms()) {
      Integer charge = atom.getFormalCharge();
      Integer number = atom.getAtomicNumber();
      if (charge == null || number == null || charge == 0) {
        continue;
      }
      int hydrogens = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
      if (charge == 1 && number == 7 && hydrogens > 0) {
        atom.setFormalCharge(0);
        atom.setImplicitHydrogenCount(hydrogens - 1);
      } else if (charge == -1
          && (number == 8 || number == 16)
          && onlyUnchargedNeighbour(molecule, atom)) {
        atom.setFormalCharge(0);
        atom.setImplicitHydrogenCount(hydrogens + 1);
      }
    }
  }

  private static boolean onlyUnchargedNeighbour(IAtomContainer molecule, IAtom atom) {
    var neighbours = molecule.getConnectedAtomsList(atom);
    if (neighbours.size() != 1) {
      return false;
    }
    Integer charge = neighbours.get(0).getFormalCharge();
    return (charge == null || charge == 0)
        && molecule.getBond(atom, neighbours.get(0)).getOrder() == IBond.Order.SINGLE;
  }

  /** Canonical SMILES without stereochemistry: the same for every isomer of one constitution. */
  public static String canonical(IAtomContainer molecule) {
    try {
      return new SmilesGenerator(SmiFlavor.Unique | SmiFlavor.UseAromaticSymbols).create(molecule);
    } catch (CDKException e) {
      throw new IllegalStateException("cannot write SMILES: " + e.getMessage(), e);
    }
  }

  /**
   * The molecular formula in Hill order (carbon, hydrogen, then the other elements alphabetically;
   * all alphabetically without carbon), implicit hydrogens counted, and the net charge after a
   * bracketed formula ({@code [C3H2O4]2-}): what CDK's {@code MolecularFormulaManipulator} writes,
   * counted in one pass over the atoms instead of a walk through CDK's element table. A structure
   * with an attachment point or another pseudo atom, an isotope, or an atom without an atomic
   * number, hydrogen count or charge is left to CDK.
   */
  public static String formula(IAtomContainer molecule) {
    int[] counts = new int[LAST_ELEMENT + 1];
    int charge = 0;
    for (IAtom atom : molecule.atoms()) {
      Integer number = atom.getAtomicNumber();
      Integer hydrogens = atom.getImplicitHydrogenCount();
      Integer formalCharge = atom.getFormalCharge();
      if (number == null
          || number < 1
          || number > LAST_ELEMENT
          || hydrogens == null
          || formalCharge == null
          || atom.getMassNumber() != null
          || atom instanceof IPseudoAtom) {
        return cdkFormula(molecule);
      }
      counts[number]++;
      counts[1] += hydrogens;
      charge += formalCharge;
    }
    var text = new StringBuilder(charge == 0 ? "" : "[");
    if (counts[6] > 0) {
      append(text, 6, counts[6]);
      append(text, 1, counts[1]);
      for (int number : ALPHABETICAL_AFTER_CH) {
        append(text, number, counts[number]);
      }
    } else {
      for (int number : ALPHABETICAL) {
        append(text, number, counts[number]);
      }
    }
    if (charge != 0) {
      text.append(']');
      if (Math.abs(charge) > 1) {
        text.append(Math.abs(charge));
      }
      text.append(charge > 0 ? '+' : '-');
    }
    return text.toString();
  }

  private static void append(StringBuilder text, int number, int count) {
    if (count > 0) {
      text.append(SYMBOLS[number]);
      if (count > 1) {
        text.append(count);
      }
    }
  }

  static String cdkFormula(IAtomContainer molecule) {
    return MolecularFormulaManipulator.getString(
        MolecularFormulaManipulator.getMolecularFormula(molecule));
  }

  private static String symbol(int number) {
    return Elements.ofNumber(number).symbol();
  }

  private static String shorten(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }
}
