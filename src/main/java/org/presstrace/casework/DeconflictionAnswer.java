package org.presstrace.casework;

import java.time.Instant;

/**
 * One overlap answer given about an agency's planned operation, as its supervisors see it: who was
 * told that someone works there, when, for which of their own operations, and whether the answer
 * was coarse (the agency and its duty contact only).
 */
public record DeconflictionAnswer(
    Instant answeredAt,
    String askingAgency,
    String askingUser,
    String askingOperationId,
    String owningOperationId,
    boolean coarse) {}
