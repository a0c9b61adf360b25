package org.presstrace.substances.internal;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * A group of atoms hanging off a scaffold atom, with the kind the class definitions name: alkyl,
 * alkenyl, alkoxyl, hydroxyl, halo, haloalkyl, amino, nitro, ester, ether; anything else is named
 * for what it is (oxo, ring, acyl, ...) so that the explanation says why a rule does not apply.
 *
 * @param at where on the scaffold it sits, e.g. {@code piperidine C4}
 * @param kind the kind
 * @param smiles the group as SMILES, for the explanation
 */
record Substituent(String at, String kind, String smiles) {

  @Override
  public String toString() {
    return kind + " " + smiles + " on " + at;
  }

  /** The group reached from {@code start} without crossing {@code scaffold}. */
  static Substituent of(
      IAtomContainer molecule, IAtom anchor, IAtom start, Set<IAtom> scaffold, String at) {
    Set<IAtom> group = reach(molecule, start, scaffold);
    return new Substituent(
        at, kind(molecule, anchor, start, group), Fragments.smiles(molecule, group));
  }

  static Set<IAtom> reach(IAtomContainer molecule, IAtom start, Set<IAtom> scaffold) {
    var group = new LinkedHashSet<IAtom>();
    var queue = new ArrayDeque<IAtom>();
    group.add(start);
    queue.add(start);
    while (!queue.isEmpty()) {
      for (IAtom next : molecule.getConnectedAtomsList(queue.poll())) {
        if (!scaffold.contains(next) && group.add(next)) {
          queue.add(next);
        }
      }
    }
    return group;
  }

  private static String kind(IAtomContainer molecule, IAtom anchor, IAtom start, Set<IAtom> group) {
    int carbons = 0;
    int oxygens = 0;
    int nitrogens = 0;
    int halogens = 0;
    int others = 0;
    for (IAtom atom : group) {
      if (atom.isInRing()) {
        return "ring";
      }
      switch (number(atom)) {
        case 6 -> carbons++;
        case 7 -> nitrogens++;
        case 8 -> oxygens++;
        case 9, 17, 35, 53 -> halogens++;
        default -> others++;
      }
    }
    IBond link = molecule.getBond(anchor, start);
    if (link != null && link.getOrder() != IBond.Order.SINGLE) {
      return number(start) == 8 ? "oxo" : "double-bonded group";
    }
    boolean multiple = false;
    boolean triple = false;
    for (IBond bond : molecule.bonds()) {
      if (group.contains(bond.getBegin()) && group.contains(bond.getEnd())) {
        multiple |= bond.getOrder() != IBond.Order.SINGLE;
        triple |= bond.getOrder() == IBond.Order.TRIPLE;
      }
    }
    if (others > 0) {
      return "other";
    }
    if (group.size() == 1) {
      return switch (number(start)) {
        case 9, 17, 35, 53 -> "halo";
        case 8 -> "hydroxyl";
        case 7 -> "amino";
        case 6 -> "alkyl";
        default -> "other";
      };
    }
    if (nitrogens == 1 && oxygens == 2 && carbons == 0 && number(start) == 7) {
      return "nitro";
    }
    if (number(start) == 8) {
      if (oxygens == 1 && nitrogens == 0 && halogens == 0 && !multiple) {
        return "alkoxyl";
      }
      if (nitrogens == 0 && halogens == 0 && hasEster(molecule, group)) {
        return "ester";
      }
      return "other";
    }
    if (number(start) == 7) {
      return oxygens == 0 && halogens == 0 && nitrogens == 1 && !multiple ? "amino" : "other";
    }
    if (number(start) != 6) {
      return "other";
    }
    if (oxygens == 0 && nitrogens == 0) {
      if (halogens > 0) {
        return multiple ? "other" : "haloalkyl";
      }
      return triple ? "alkynyl" : multiple ? "alkenyl" : "alkyl";
    }
    if (nitrogens == 0 && halogens == 0) {
      if (hasEster(molecule, group)) {
        return "ester";
      }
      if (!multiple && everyOxygenBetweenCarbons(molecule, group)) {
        return "ether";
      }
      if (!multiple) {
        return "hydroxyalkyl";
      }
      return "acyl";
    }
    return "other";
  }

  /** A carbonyl carbon in the group bonded to an oxygen that is bonded to another carbon. */
  private static boolean hasEster(IAtomContainer molecule, Set<IAtom> group) {
    for (IAtom carbon : group) {
      if (number(carbon) != 6) {
        continue;
      }
      boolean carbonyl = false;
      boolean ether = false;
      for (IBond bond : molecule.getConnectedBondsList(carbon)) {
        IAtom other = bond.getOther(carbon);
        if (number(other) != 8) {
          continue;
        }
        if (bond.getOrder() == IBond.Order.DOUBLE) {
          carbonyl = true;
        } else if (molecule.getConnectedAtomsList(other).stream()
            .anyMatch(atom -> atom != carbon && number(atom) == 6)) {
          ether = true;
        }
      }
      if (carbonyl && ether) {
        return true;
      }
    }
    return false;
  }

  private static boolean everyOxygenBetweenCarbons(IAtomContainer molecule, Set<IAtom> group) {
    for (IAtom atom : group) {
      if (number(atom) == 8
          && molecule.getConnectedAtomsList(atom).stream().filter(n -> number(n) == 6).count()
              != 2) {
        return false;
      }
    }
    return true;
  }

  static int number(IAtom atom) {
    return atom.getAtomicNumber() == null ? 0 : atom.getAtomicNumber();
  }
}
