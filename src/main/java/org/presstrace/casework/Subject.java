package org.presstrace.casework;

import java.time.Instant;
import org.presstrace.access.Marking;
import org.presstrace.resolution.Schema;

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
