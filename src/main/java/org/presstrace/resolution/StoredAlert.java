package org.presstrace.resolution;

import java.time.Instant;

/**
 * A pointer alert as its recipient agency sees it: which of its own records (subject or planned
 * operation) touches another agency's work, and who to call there. Nothing else of the other
 * agency's record is stored or shown.
 */
public record StoredAlert(
    String id,
    String kind,
    String ownRecordId,
    String ownReference,
    String otherAgency,
    String otherCaseReference,
    String otherContact,
    Instant raisedAt,
    String acknowledgedBy,
    Instant acknowledgedAt) {

  /** The alert as one sentence. */
  public String text() {
    return new PointerAlert("", ownReference, otherAgency, otherCaseReference, otherContact).text();
  }
}
