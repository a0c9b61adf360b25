package org.presstrace.access;

import java.time.Instant;

/** A request to share one record with one other agency, and its four-eyes decision. */
public record Release(
    String id,
    String kind,
    String recordId,
    String ownerAgency,
    String targetAgency,
    String justification,
    ReleaseStatus status,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionReason,
    String revokedBy,
    Instant revokedAt,
    String revokeReason) {}
