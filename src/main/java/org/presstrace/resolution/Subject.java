package org.presstrace.resolution;

import java.time.Instant;
import org.presstrace.access.Marking;

/** A stored case subject: the entity's header as its readers see it. */
public record Subject(
    String id,
    Schema schema,
    String label,
    String caseReference,
    String contact,
    Marking marking,
    String createdBy,
    Instant createdAt) {}
