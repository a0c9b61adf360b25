package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.presstrace.substances.ClassMatch;
import org.presstrace.substances.ControlAction;

/**
 * Writes a screening verdict as lines a charging decision or a lab report can cite: every specific
 * listing of the substances found first (name, jurisdiction, instrument, category, citation, DEA
 * code, order and dates), then every class rule the structure falls under, with whether it is
 * excluded because of such a listing.
 */
public final class VerdictLines {

  private VerdictLines() {}

  /**
   * @param listings the controls of the listed substances found
   * @param names substance id to preferred name
   * @param classes the class rules matched
   */
  public static List<String> of(
      List<ControlAction> listings, Map<String, String> names, List<ClassMatch> classes) {
    var lines = new ArrayList<String>();
    for (ControlAction listing : listings) {
      lines.add(
          "listed: "
              + names.getOrDefault(listing.substanceId(), listing.substanceId())
              + ": "
              + listing.describe());
    }
    for (ClassMatch match : classes) {
      lines.add(
          "class: "
              + match.jurisdiction()
              + " "
              + match.rule()
              + (match.excluded() ? " (excluded): " : ": ")
              + match.reason()
              + (match.source() != null ? " [" + match.source() + "]" : ""));
    }
    return lines;
  }
}
