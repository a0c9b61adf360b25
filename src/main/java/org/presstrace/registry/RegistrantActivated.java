package org.presstrace.registry;

import java.time.LocalDate;

/**
 * An operator administrator activated the registration, or reactivated it, for a year from that
 * day.
 */
public record RegistrantActivated(
    String registrantId, LocalDate expiresOn, String reason, String by)
    implements RegistrationChanged {

  @Override
  public RegistrantStatus status() {
    return RegistrantStatus.ACTIVE;
  }
}
