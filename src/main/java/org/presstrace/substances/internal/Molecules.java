package org.presstrace.substances.internal;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
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
    try {
      return new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles.strip());
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
  }

  /**
   * The largest organic fragment (most heavy atoms, then most carbons), hydrogens suppressed and
   * prepared for SMARTS matching; {@code null} when no fragment contains carbon (a bare salt).
   */
  public static IAtomContainer parent(IAtomContainer molecule) {
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
    if (best == null) {
      return null;
    }
    IAtomContainer parent = AtomContainerManipulator.suppressHydrogens(best);
    SmartsPattern.prepare(parent);
    return parent;
  }

  /** Canonical SMILES without stereochemistry: the same for every isomer of one constitution. */
  public static String canonical(IAtomContainer molecule) {
    try {
      return new SmilesGenerator(SmiFlavor.Unique | SmiFlavor.UseAromaticSymbols).create(molecule);
    } catch (CDKException e) {
      throw new IllegalStateException("cannot write SMILES: " + e.getMessage(), e);
    }
  }

  public static String formula(IAtomContainer molecule) {
    return MolecularFormulaManipulator.getString(
        MolecularFormulaManipulator.getMolecularFormula(molecule));
  }

  private static String shorten(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }
}
