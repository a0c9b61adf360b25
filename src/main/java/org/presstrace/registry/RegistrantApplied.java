package org.presstrace.registry;

import java.time.LocalDate;

/** An applicant was registered as PENDING; it holds no equipment until activated. */
public record RegistrantApplied(String registrantId, String reason, String by)
    implements RegistrationChanged {

  @Override
  public RegistrantStatus status() {
    return RegistrantStatus.PENDING;
  }

  @Override
  public LocalDate expiresOn() {
    return null;
  }
}
