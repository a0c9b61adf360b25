package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a registrant's status history. */
public record StatusChange(
    RegistrantStatus status,
    String reason,
    LocalDate expiresOn,
    String changedBy,
    Instant changedAt) {}
