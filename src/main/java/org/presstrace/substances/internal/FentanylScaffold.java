package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.ringsearch.RingSearch;
import org.openscience.cdk.smarts.SmartsPattern;

/**
 * Finds the 4-anilidopiperidine scaffold of fentanyl (an N-acyl-N-aryl-piperidin-4-amine) and
 * describes how a structure departs from fentanyl at each of its parts: the acyl group, the N-aryl
 * ring, the piperidine ring, and the group on the piperidine nitrogen. The class rules of each
 * jurisdiction read this description against their own text.
 */
final class FentanylScaffold {

  /**
   * The scaffold as the law's pattern gives it, {@code
   * [CX3](=[OX1])[NX3;!R]([a])[CX4;R1]1[CX4;R1][CX4;R1][NX3;R1][CX4;R1][CX4;R1]1}: 0 carbonyl C, 1
   * carbonyl O, 2 amide N, 3 N-aryl ring atom, 4 piperidine C4, 5 C3, 6 C2, 7 N1, 8 C6, 9 C5. CDK
   * works out {@code R1} (in exactly one ring of the minimum cycle basis) by computing that basis
   * for the whole molecule again at every atom it tries, so the pattern is matched with {@code R}
   * (in a ring, from the ring flags set once) and the piperidine atoms of each match are then held
   * to one ring each, from a basis computed once per molecule. For one set of atoms, every mapping
   * puts the same atoms on the piperidine, so the matches kept, and their order, are the same.
   */
  private static final SmartsPattern CORE =
      SmartsPattern.create("[CX3](=[OX1])[NX3;!R]([a])[CX4;R]1[CX4;R][CX4;R][NX3;R][CX4;R][CX4;R]1")
          .setPrepare(false);

  /** The positions the law's pattern holds to {@code R1}. */
  private static final int[] IN_ONE_RING = {4, 5, 6, 7, 8, 9};

  private static final String[] PIPERIDINE = {
    "",
    "",
    "",
    "",
    "piperidine C4",
    "piperidine C3",
    "piperidine C2",
    "piperidine N1",
    "piperidine C2",
    "piperidine C3"
  };

  /** How a structure with the scaffold departs from fentanyl. */
  record Description(
      String acyl,
      boolean propionyl,
      boolean acylGroup,
      boolean alkoxycarbonyl,
      boolean arylMonocycle,
      boolean arylAromatic,
      boolean arylPhenyl,
      String aryl,
      List<Substituent> arylSubstituents,
      List<Substituent> piperidineSubstituents,
      String nitrogenGroup,
      Optional<Phenethyl> phenethyl) {

    boolean nitrogenSubstituted() {
      return nitrogenGroup != null;
    }
  }

  /**
   * A phenethyl-like group on N1: two open-chain sp3 carbons, then a ring.
   *
   * @param monocycle whether that ring stands alone (is not fused to another)
   * @param ring the ring as SMILES
   * @param phenyl whether the ring is a benzene ring
   */
  record Phenethyl(
      boolean monocycle,
      boolean phenyl,
      String ring,
      List<Substituent> chainSubstituents,
      List<Substituent> ringSubstituents) {

    boolean unmodified() {
      return phenyl && chainSubstituents.isEmpty() && ringSubstituents.isEmpty();
    }
  }

  private FentanylScaffold() {}

  /** One description per way the scaffold maps onto the molecule (usually one or two). */
  static List<Description> describe(IAtomContainer molecule) {
    if (!mayHoldTheScaffold(molecule)) {
      return List.of();
    }
    int[][] maps = CORE.matchAll(molecule).uniqueAtoms().toArray();
    if (maps.length == 0) {
      return List.of();
    }
    int[] ringCounts = ringCounts(molecule);
    var descriptions = new ArrayList<Description>();
    RingSearch rings = null;
    for (int[] map : maps) {
      if (inOneRingEach(map, ringCounts)) {
        rings = rings == null ? new RingSearch(molecule) : rings;
        descriptions.add(describe(molecule, rings, map));
      }
    }
    return descriptions;
  }

  /**
   * A screen before any matching: the scaffold needs two nitrogens, an oxygen and an aromatic atom.
   */
  private static boolean mayHoldTheScaffold(IAtomContainer molecule) {
    int nitrogens = 0;
    int oxygens = 0;
    boolean aromatic = false;
    for (IAtom atom : molecule.atoms()) {
      switch (Substituent.number(atom)) {
        case 7 -> nitrogens++;
        case 8 -> oxygens++;
        default -> {}
      }
      aromatic |= atom.isAromatic();
    }
    return nitrogens >= 2 && oxygens >= 1 && aromatic;
  }

  /** How many rings of the minimum cycle basis each atom is in (CDK's count for {@code R}). */
  private static int[] ringCounts(IAtomContainer molecule) {
    int[] counts = new int[molecule.getAtomCount()];
    for (int[] path : Cycles.mcb(molecule).paths()) {
      for (int i = 1; i < path.length; i++) {
        counts[path[i]]++;
      }
    }
    return counts;
  }

  private static boolean inOneRingEach(int[] map, int[] ringCounts) {
    for (int position : IN_ONE_RING) {
      if (ringCounts[map[position]] != 1) {
        return false;
      }
    }
    return true;
  }

  private static Description describe(IAtomContainer molecule, RingSearch rings, int[] map) {
    IAtom carbonyl = molecule.getAtom(map[0]);
    IAtom amide = molecule.getAtom(map[2]);
    IAtom arylAtom = molecule.getAtom(map[3]);
    Set<IAtom> scaffold = new HashSet<>();
    for (int index : map) {
      scaffold.add(molecule.getAtom(index));
    }
    Set<IAtom> arylRing = ringOf(molecule, rings, arylAtom);
    scaffold.addAll(arylRing);

    IAtom acylRoot = null;
    for (IAtom next : molecule.getConnectedAtomsList(carbonyl)) {
      if (!scaffold.contains(next)) {
        acylRoot = next;
      }
    }
    boolean alkoxycarbonyl = acylRoot != null && alkoxy(molecule, acylRoot, carbonyl);
    boolean acylGroup = acylRoot == null || Substituent.number(acylRoot) == 6 || alkoxycarbonyl;
    String acyl;
    boolean propionyl = false;
    if (acylRoot == null) {
      acyl = "C=O";
    } else {
      Set<IAtom> group = Substituent.reach(molecule, acylRoot, scaffold);
      var withCarbonyl = new ArrayList<IAtom>(group);
      withCarbonyl.add(carbonyl);
      withCarbonyl.add(molecule.getAtom(map[1]));
      acyl = Fragments.smiles(molecule, withCarbonyl);
      propionyl =
          group.size() == 2
              && group.stream().allMatch(atom -> Substituent.number(atom) == 6 && !atom.isInRing())
              && saturated(molecule, group);
    }

    boolean monocycle = isolated(rings, molecule, arylAtom);
    boolean aromatic = arylRing.stream().allMatch(IAtom::isAromatic);
    boolean phenyl =
        monocycle
            && aromatic
            && arylRing.size() == 6
            && arylRing.stream().allMatch(atom -> Substituent.number(atom) == 6);
    var arylSubstituents = new ArrayList<Substituent>();
    for (IAtom ringAtom : arylRing) {
      for (IAtom next : molecule.getConnectedAtomsList(ringAtom)) {
        if (!scaffold.contains(next)) {
          arylSubstituents.add(Substituent.of(molecule, ringAtom, next, scaffold, "N-aryl ring"));
        }
      }
    }

    var piperidine = new ArrayList<Substituent>();
    for (int position : new int[] {4, 5, 6, 8, 9}) {
      IAtom ringAtom = molecule.getAtom(map[position]);
      for (IAtom next : molecule.getConnectedAtomsList(ringAtom)) {
        if (!scaffold.contains(next)) {
          piperidine.add(Substituent.of(molecule, ringAtom, next, scaffold, PIPERIDINE[position]));
        }
      }
    }

    IAtom nitrogen = molecule.getAtom(map[7]);
    IAtom alpha = null;
    for (IAtom next : molecule.getConnectedAtomsList(nitrogen)) {
      if (!scaffold.contains(next)) {
        alpha = next;
      }
    }
    String nitrogenGroup = null;
    Optional<Phenethyl> phenethyl = Optional.empty();
    if (alpha != null) {
      nitrogenGroup = Fragments.smiles(molecule, Substituent.reach(molecule, alpha, scaffold));
      phenethyl = phenethyl(molecule, rings, nitrogen, alpha, scaffold);
    }
    return new Description(
        acyl,
        propionyl,
        acylGroup,
        alkoxycarbonyl,
        monocycle,
        aromatic,
        phenyl,
        Fragments.smiles(molecule, arylRing),
        arylSubstituents,
        piperidine,
        nitrogenGroup,
        phenethyl);
  }

  private static Optional<Phenethyl> phenethyl(
      IAtomContainer molecule, RingSearch rings, IAtom nitrogen, IAtom alpha, Set<IAtom> scaffold) {
    if (!sp3Chain(alpha)) {
      return Optional.empty();
    }
    for (IAtom beta : molecule.getConnectedAtomsList(alpha)) {
      if (beta == nitrogen || !sp3Chain(beta)) {
        continue;
      }
      for (IAtom ringAtom : molecule.getConnectedAtomsList(beta)) {
        if (ringAtom == alpha || !ringAtom.isInRing()) {
          continue;
        }
        Set<IAtom> ring = ringOf(molecule, rings, ringAtom);
        boolean monocycle = isolated(rings, molecule, ringAtom);
        boolean phenyl =
            monocycle
                && ring.size() == 6
                && ring.stream().allMatch(a -> a.isAromatic() && Substituent.number(a) == 6);
        Set<IAtom> core = new HashSet<>(scaffold);
        core.add(alpha);
        core.add(beta);
        core.addAll(ring);
        var chain = new ArrayList<Substituent>();
        for (IAtom link : List.of(alpha, beta)) {
          String at = link == alpha ? "phenethyl C-alpha" : "phenethyl C-beta";
          for (IAtom next : molecule.getConnectedAtomsList(link)) {
            if (!core.contains(next)) {
              chain.add(Substituent.of(molecule, link, next, core, at));
            }
          }
        }
        var onRing = new ArrayList<Substituent>();
        for (IAtom member : ring) {
          for (IAtom next : molecule.getConnectedAtomsList(member)) {
            if (!core.contains(next)) {
              onRing.add(Substituent.of(molecule, member, next, core, "phenethyl ring"));
            }
          }
        }
        return Optional.of(
            new Phenethyl(monocycle, phenyl, Fragments.smiles(molecule, ring), chain, onRing));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the carbonyl carries an ether oxygen bound to carbon (C(=O)-O-C): an alkoxycarbonyl (or
   * aryloxycarbonyl) group, which makes the amide a carbamate. Such a group is an acyl group (of a
   * carbonic acid monoester); DEA listed fentanyl carbamate as a fentanyl-related substance (86 FR
   * 23602). Carbamic acids (O-H) and ureas (N on the carbonyl) are not read as acyl groups.
   */
  private static boolean alkoxy(IAtomContainer molecule, IAtom root, IAtom carbonyl) {
    if (Substituent.number(root) != 8 || root.isAromatic()) {
      return false;
    }
    var link = molecule.getBond(carbonyl, root);
    if (link == null || link.getOrder() != org.openscience.cdk.interfaces.IBond.Order.SINGLE) {
      return false;
    }
    var others = molecule.getConnectedAtomsList(root);
    return others.size() == 2
        && others.stream().filter(a -> a != carbonyl).allMatch(a -> Substituent.number(a) == 6);
  }

  private static boolean sp3Chain(IAtom atom) {
    return Substituent.number(atom) == 6 && !atom.isInRing() && !atom.isAromatic();
  }

  private static boolean saturated(IAtomContainer molecule, Set<IAtom> group) {
    for (var bond : molecule.bonds()) {
      if ((group.contains(bond.getBegin()) || group.contains(bond.getEnd()))
          && bond.getOrder() != org.openscience.cdk.interfaces.IBond.Order.SINGLE) {
        return false;
      }
    }
    return true;
  }

  /** Whether the atom's ring stands alone: not fused, bridged or spiro-joined to another ring. */
  private static boolean isolated(RingSearch rings, IAtomContainer molecule, IAtom atom) {
    int index = molecule.indexOf(atom);
    for (int[] fragment : rings.isolated()) {
      for (int member : fragment) {
        if (member == index) {
          return true;
        }
      }
    }
    return false;
  }

  /** The atoms of the ring system the atom belongs to. */
  private static Set<IAtom> ringOf(IAtomContainer molecule, RingSearch rings, IAtom atom) {
    int index = molecule.indexOf(atom);
    var members = new HashSet<IAtom>();
    for (int[][] group : new int[][][] {rings.isolated(), rings.fused()}) {
      for (int[] fragment : group) {
        for (int member : fragment) {
          if (member == index) {
            for (int m : fragment) {
              members.add(molecule.getAtom(m));
            }
            return members;
          }
        }
      }
    }
    members.add(atom);
    return members;
  }
}
