package org.presstrace.casework;

import java.time.Instant;
import org.presstrace.access.Marking;

/** A planned operation as an agency enters it. */
public record OperationDraft(
    String caseReference,
    String contact,
    Instant start,
    Instant end,
    Double latitude,
    Double longitude,
    Double radiusMetres,
    Marking marking) {}
