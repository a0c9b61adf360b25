package org.presstrace.access;

import java.time.Instant;
import java.util.List;

/**
 * A request to loosen the marking of one record, and its four-eyes decision. Until it is approved
 * the record keeps {@code from}.
 */
public record MarkingChange(
    String id,
    String kind,
    String recordId,
    String ownerAgency,
    Marking from,
    Marking to,
    String justification,
    MarkingChangeStatus status,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionReason) {

  /**
   * What the change loosens, in words, e.g. {@code TLP:AMBER to TLP:CLEAR}, {@code NOFORN removed}.
   */
  public List<String> loosens() {
    return from.looseningsTo(to);
  }
}
