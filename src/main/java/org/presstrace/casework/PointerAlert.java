package org.presstrace.casework;

/**
 * What deconfliction tells an agency about another's overlapping work: who to call, and nothing of
 * what they hold. {@code recipient} gets the alert about its own {@code ownReference}; {@code
 * otherAgency}, {@code otherCaseReference} and {@code otherContact} are the whole of what it
 * learns.
 */
public record PointerAlert(
    String recipient,
    String ownReference,
    String otherAgency,
    String otherCaseReference,
    String otherContact) {

  /** The alert as shown to its recipient. */
  public String text() {
    return "Your "
        + ownReference
        + " conflicts with work of "
        + otherAgency
        + " (case "
        + otherCaseReference
        + "). Contact "
        + otherContact
        + " before acting.";
  }
}
