package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registration certificate as issued, with the registrant's details as printed on it.
 *
 * @param state CURRENT, or why it no longer stands: SUPERSEDED, SUSPENDED, REVOKED, EXPIRED
 */
public record CertificateView(
    String id,
    String registrantId,
    VerificationCode code,
    String registrationNumber,
    String legalName,
    String tradeName,
    RegistrantCategory category,
    String deaNumber,
    RegistrantStatus statusAtIssue,
    LocalDate validFrom,
    LocalDate validUntil,
    Instant issuedAt,
    String state,
    Instant endedAt) {

  /** Whether the certificate stands: current and not past its last valid day. */
  public boolean valid() {
    return "CURRENT".equals(state);
  }
}
