package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An item of the compliance queue.
 *
 * @param subject what it is about, e.g. {@code custody-event:…}, {@code transaction-report:…}
 * @param dueOn the day the missing or late report was due, or the registration's expiry day
 */
public record ComplianceItem(
    String id,
    ComplianceKind kind,
    String subject,
    String registrantId,
    String machineId,
    String reportId,
    String summary,
    LocalDate dueOn,
    ComplianceStatus status,
    String assignedTo,
    Instant assignedAt,
    String resolvedBy,
    Instant resolvedAt,
    String resolution,
    Instant createdAt) {}
