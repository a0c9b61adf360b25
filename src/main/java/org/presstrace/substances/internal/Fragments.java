package org.presstrace.substances.internal;

import java.util.Collection;
import java.util.HashSet;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IPseudoAtom;

/**
 * Writes part of a molecule as SMILES for explanations, with {@code *} where it was attached to the
 * rest ({@code *C(=O)OC} for a methyl ester).
 */
final class Fragments {

  private Fragments() {}

  static String smiles(IAtomContainer molecule, Collection<IAtom> atoms) {
    var members = new HashSet<>(atoms);
    IAtomContainer part = molecule.getBuilder().newAtomContainer();
    var copies = new java.util.HashMap<IAtom, IAtom>();
    for (IAtom atom : molecule.atoms()) {
      if (members.contains(atom)) {
        IAtom copy = molecule.getBuilder().newInstance(IAtom.class, atom.getSymbol());
        copy.setAtomicNumber(atom.getAtomicNumber());
        copy.setImplicitHydrogenCount(atom.getImplicitHydrogenCount());
        copy.setFormalCharge(atom.getFormalCharge());
        copy.setIsAromatic(atom.isAromatic());
        part.addAtom(copy);
        copies.put(atom, part.getAtom(part.getAtomCount() - 1));
      }
    }
    for (IBond bond : molecule.bonds()) {
      IAtom begin = copies.get(bond.getBegin());
      IAtom end = copies.get(bond.getEnd());
      if (begin == null && end == null) {
        continue;
      }
      if (begin == null || end == null) {
        IPseudoAtom attachment = molecule.getBuilder().newInstance(IPseudoAtom.class, "*");
        attachment.setImplicitHydrogenCount(0);
        part.addAtom(attachment);
        begin = begin == null ? part.getAtom(part.getAtomCount() - 1) : begin;
        end = end == null ? part.getAtom(part.getAtomCount() - 1) : end;
      }
      IBond copy = molecule.getBuilder().newInstance(IBond.class, begin, end, bond.getOrder());
      copy.setIsAromatic(bond.isAromatic());
      part.addBond(copy);
    }
    try {
      return Molecules.canonical(part);
    } catch (RuntimeException e) {
      return Molecules.formula(part);
    }
  }
}
