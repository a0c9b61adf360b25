package org.presstrace.seizures;

import java.time.Instant;

/**
 * An alert raised to an agency: what happened ({@code kind}), the record it concerns, and a
 * message. Only the recipient agency reads it.
 */
public record Alert(
    String id,
    String kind,
    String subjectKind,
    String subjectId,
    String title,
    String message,
    String recipientAgency,
    String raisedByAgency,
    Instant raisedAt,
    String status,
    String acknowledgedBy,
    Instant acknowledgedAt) {}
