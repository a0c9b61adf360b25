package org.presstrace.substances;

import java.util.List;

/**
 * The answer to one screening request.
 *
 * @param valid whether every identifier given was well formed
 * @param parent canonical SMILES of the screened structure, when a structure was screened
 * @param classes class rules the structure (given, or of the substance found) falls under
 * @param listed listed substances found, best first, each with how it was found
 * @param listings the controls of the listed substances found (the specific listings), each with
 *     its citation, order (temporary or permanent), DEA code and dates
 * @param verdict the specific listings first, one line each, then the class rules
 */
public record ScreeningResult(
    boolean valid,
    String parent,
    List<ClassMatch> classes,
    List<ListedHit> listed,
    List<ControlAction> listings,
    List<String> verdict) {

  public ScreeningResult {
    classes = List.copyOf(classes);
    listed = List.copyOf(listed);
    listings = List.copyOf(listings);
    verdict = List.copyOf(verdict);
  }
}
