package org.presstrace.registry;

import java.time.LocalDate;

/** An active registration was suspended: the registrant may no longer acquire or sell. */
public record RegistrantSuspended(
    String registrantId, LocalDate expiresOn, String reason, String by)
    implements RegistrationChanged {

  @Override
  public RegistrantStatus status() {
    return RegistrantStatus.SUSPENDED;
  }
}
