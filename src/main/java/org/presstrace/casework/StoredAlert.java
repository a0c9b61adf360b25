package org.presstrace.casework;

import java.time.Instant;
import org.presstrace.access.Marking;

/**
 * A pointer alert as its recipient agency sees it: which of its own records (subject or planned
 * operation) touches another agency's work, and who to call there. Nothing else of the other
 * agency's record is stored or shown. When that record may not leave its agency (in a compartment,
 * TLP:RED or TLP:AMBER+STRICT) the alert is {@code dutyContactOnly}: {@code otherCaseReference} is
 * null and {@code otherContact} is the other agency's duty contact (null while it has none).
 *
 * <p>A {@code PROBING} alert goes to the supervisors of the agency whose planned operation another
 * agency has been answered about again and again: {@code otherAgency} is the asking agency, {@code
 * otherCaseReference} says how many answers to whom within which window, and {@code otherContact}
 * is the asking agency's duty contact.
 *
 * @param marking the marking of the recipient's own record: only its readers see the alert
 */
public record StoredAlert(
    String id,
    String kind,
    String ownRecordId,
    String ownReference,
    String otherAgency,
    String otherCaseReference,
    String otherContact,
    boolean dutyContactOnly,
    Marking marking,
    Instant raisedAt,
    String acknowledgedBy,
    Instant acknowledgedAt) {

  /** The alert as one sentence. */
  public String text() {
    if (PointerAlerts.PROBING.equals(kind)) {
      return "Your "
          + ownReference
          + " is being probed: "
          + otherAgency
          + " was given "
          + otherCaseReference
          + " that another agency works there. "
          + (otherContact == null
              ? "Reach " + otherAgency + " through the operator"
              : "Its duty contact is " + otherContact)
          + ".";
    }
    if (dutyContactOnly) {
      return "Your "
          + ownReference
          + " conflicts with restricted work of "
          + otherAgency
          + ". "
          + (otherContact == null
              ? otherAgency + " has no duty contact on record: reach it through the operator"
              : "Contact the " + otherAgency + " duty contact, " + otherContact + ",")
          + " before acting.";
    }
    return new PointerAlert("", ownReference, otherAgency, otherCaseReference, otherContact).text();
  }
}
