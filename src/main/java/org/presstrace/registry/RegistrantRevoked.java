package org.presstrace.registry;

import java.time.LocalDate;

/** The registration was revoked; final. */
public record RegistrantRevoked(String registrantId, LocalDate expiresOn, String reason, String by)
    implements RegistrationChanged {

  @Override
  public RegistrantStatus status() {
    return RegistrantStatus.REVOKED;
  }
}
