package org.presstrace.substances.internal;

import java.util.Collection;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/** Writes part of a molecule as SMILES, for explanations. */
final class Fragments {

  private Fragments() {}

  static String smiles(IAtomContainer molecule, Collection<IAtom> atoms) {
    int[] indices = atoms.stream().mapToInt(molecule::indexOf).sorted().toArray();
    IAtomContainer part;
    try {
      part = AtomContainerManipulator.extractSubstructure(molecule, indices);
    } catch (CloneNotSupportedException e) {
      return atoms.size() + " atoms";
    }
    try {
      return Molecules.canonical(part);
    } catch (RuntimeException e) {
      return Molecules.formula(part);
    }
  }
}
