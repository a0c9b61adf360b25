package org.presstrace.registry;

import java.time.LocalDate;

/** An active or lapsed registration was renewed for a year. */
public record RegistrationRenewed(
    String registrantId, LocalDate expiresOn, String reason, String by)
    implements RegistrationChanged {

  @Override
  public RegistrantStatus status() {
    return RegistrantStatus.ACTIVE;
  }
}
