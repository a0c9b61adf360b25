package org.presstrace.substances;

import java.util.List;

/**
 * What the class rules and the reference list say about one structure.
 *
 * @param valid whether the SMILES parsed
 * @param parent canonical SMILES of the largest organic fragment (counter-ions stripped), or {@code
 *     null} when there is none
 * @param formula molecular formula of the parent
 * @param classes the class rules the parent falls under
 * @param listed listed substances with the same structure (stereochemistry ignored)
 * @param listings the controls of those listed substances, each naming its instrument, category,
 *     citation, DEA code and dates: the specific listings a charge or a lab report cites
 * @param verdict one line per listing first, then one line per class rule: what the structure is
 *     controlled as, the specific listing before the class
 */
public record StructureVerdict(
    boolean valid,
    String smiles,
    String parent,
    String formula,
    List<ClassMatch> classes,
    List<ListedHit> listed,
    List<ControlAction> listings,
    List<String> verdict) {

  public StructureVerdict {
    classes = List.copyOf(classes);
    listed = List.copyOf(listed);
    listings = List.copyOf(listings);
    verdict = List.copyOf(verdict);
  }
}
