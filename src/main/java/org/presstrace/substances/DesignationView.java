package org.presstrace.substances;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An applied designation: one announcement, one list version. */
public record DesignationView(
    String id,
    int listVersion,
    String jurisdiction,
    String instrument,
    String category,
    LocalDate effectiveFrom,
    String source,
    int substances,
    int newSubstances,
    int endedActions,
    String appliedBy,
    OffsetDateTime appliedAt) {}
