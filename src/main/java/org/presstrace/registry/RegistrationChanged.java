package org.presstrace.registry;

import java.time.LocalDate;

/**
 * A registrant's stored status changed (activated, renewed, suspended, revoked, lapsed), published
 * inside the transaction that changed it.
 *
 * @param renewal whether an active registration was extended rather than (re)activated
 * @param by the user who made the change
 */
public record RegistrationChanged(
    String registrantId,
    RegistrantStatus status,
    LocalDate expiresOn,
    boolean renewal,
    String reason,
    String by) {}
