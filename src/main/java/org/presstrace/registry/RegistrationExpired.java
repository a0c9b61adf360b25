package org.presstrace.registry;

import java.time.LocalDate;

/** An active registration passed its expiry day unrenewed and was recorded as lapsed. */
public record RegistrationExpired(
    String registrantId, LocalDate expiresOn, String reason, String by)
    implements RegistrationChanged {

  @Override
  public RegistrantStatus status() {
    return RegistrantStatus.EXPIRED;
  }
}
