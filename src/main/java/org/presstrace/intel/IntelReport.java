package org.presstrace.intel;

import java.time.Instant;
import org.presstrace.access.Caller;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;

/**
 * An intelligence report as a reader who may see it sees it.
 *
 * @param version the edit counter an editor states when changing the report; {@code null} for a
 *     reader who may not edit it, since the count of stored versions would reveal versions hidden
 *     from that reader
 */
public record IntelReport(
    String id,
    String title,
    String summary,
    Marking marking,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Integer version) {

  /**
   * Whether {@code caller} may change the report: an investigator or supervisor of the owning
   * agency, or a liaison of an owning foreign partner (whose agency has no other roles). Analysts
   * file reports but do not change them, theirs or others'.
   */
  public boolean editableBy(Caller caller) {
    return caller.agency().equals(marking.ownerAgency())
        && (caller.has(Role.INVESTIGATOR)
            || caller.has(Role.SUPERVISOR)
            || caller.has(Role.FOREIGN_LIAISON));
  }

  /** The report as {@code reader} sees it: the edit counter only for those who may edit. */
  IntelReport seenBy(Caller reader) {
    return editableBy(reader)
        ? this
        : new IntelReport(id, title, summary, marking, createdBy, createdAt, updatedAt, null);
  }
}
