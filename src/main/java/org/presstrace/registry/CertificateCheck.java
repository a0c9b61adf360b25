package org.presstrace.registry;

import java.time.LocalDate;

/**
 * What anyone signed in learns by checking a verification code, and nothing more.
 *
 * @param found whether the code belongs to a certificate the registry issued
 * @param valid whether that certificate stands today
 * @param state CURRENT, SUPERSEDED, SUSPENDED, REVOKED or EXPIRED; null when not found
 */
public record CertificateCheck(
    String code,
    boolean found,
    boolean valid,
    String state,
    String legalName,
    String registrationNumber,
    LocalDate validUntil) {

  static CertificateCheck notFound(VerificationCode code) {
    return new CertificateCheck(code.display(), false, false, null, null, null, null);
  }

  static CertificateCheck of(CertificateView certificate) {
    return new CertificateCheck(
        certificate.code().display(),
        true,
        certificate.valid(),
        certificate.state(),
        certificate.legalName(),
        certificate.registrationNumber(),
        certificate.validUntil());
  }
}
