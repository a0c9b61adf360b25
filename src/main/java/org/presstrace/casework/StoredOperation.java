package org.presstrace.casework;

import java.time.Instant;
import org.presstrace.access.Marking;

/** A stored planned operation as its readers see it. */
public record StoredOperation(
    String id,
    String caseReference,
    String contact,
    Instant start,
    Instant end,
    double latitude,
    double longitude,
    double radiusMetres,
    Marking marking,
    String createdBy,
    Instant createdAt) {}
