package org.presstrace.substances;

import java.time.LocalDate;
import java.util.List;

/**
 * A designation changed a controlled list. Published inside the transaction that applies it, so a
 * listener either sees it committed or not at all.
 *
 * @param designationId the applied designation
 * @param listVersion the list version it created (1, 2, 3 ... in the order designations apply)
 * @param jurisdiction ISO 3166 alpha-3, or {@code UN}
 * @param instrument the law or convention
 * @param category schedule, list, table or category within the instrument
 * @param effectiveFrom the day the new controls take effect
 * @param substanceIds substances newly controlled by this designation (including new ones)
 * @param newSubstanceIds substances the designation added to the reference list
 * @param endedSubstanceIds substances whose earlier control under this instrument it ended (they
 *     moved to {@code category})
 */
public record ControlListChanged(
    String designationId,
    int listVersion,
    String jurisdiction,
    String instrument,
    String category,
    LocalDate effectiveFrom,
    List<String> substanceIds,
    List<String> newSubstanceIds,
    List<String> endedSubstanceIds) {

  public ControlListChanged {
    substanceIds = List.copyOf(substanceIds);
    newSubstanceIds = List.copyOf(newSubstanceIds);
    endedSubstanceIds = List.copyOf(endedSubstanceIds);
  }
}
