package org.presstrace.access;

import java.time.Instant;

/**
 * One line of the audit trail.
 *
 * @param action READ, LIST, SEARCH, COUNT, AGGREGATE, EXPORT, HISTORY, or a write such as CREATE
 * @param kind the record kind, e.g. {@code intel-report}
 * @param recordId the record's id, or the ids a list returned (comma-separated, capped)
 * @param outcome SHOWN, NOT_FOUND, DENIED, WRITTEN, REFUSED
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String username,
    String agency,
    String action,
    String kind,
    String recordId,
    Channel channel,
    String purpose,
    String outcome,
    String detail,
    String requestId) {}
