package org.presstrace.registry;

import java.time.LocalDate;

/**
 * A registrant's stored status changed (applied, activated, renewed, suspended, revoked, lapsed),
 * published inside the transaction that changed it. Each change is one past-tense record; this is
 * what they share, one entry of the status history.
 */
public sealed interface RegistrationChanged
    permits RegistrantApplied,
        RegistrantActivated,
        RegistrationRenewed,
        RegistrantSuspended,
        RegistrantRevoked,
        RegistrationExpired {

  String registrantId();

  /** The stored status after the change. */
  RegistrantStatus status();

  /** The expiry day after the change; none for an application. */
  LocalDate expiresOn();

  /** Why, as the status history records it. */
  String reason();

  /** The user who made the change. */
  String by();
}
