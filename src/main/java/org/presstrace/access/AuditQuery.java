package org.presstrace.access;

import java.time.Instant;

/** What an auditor searches the trail for; every part is optional. */
public record AuditQuery(
    String username,
    String agency,
    String action,
    String kind,
    String recordId,
    Instant from,
    Instant to) {}
