package org.presstrace.access;

/**
 * An audit entry was written. Published inside the writing transaction, so a listener that appends
 * it elsewhere (the ledger) commits or rolls back with it.
 */
public record AuditRecorded(AuditEntry entry) {}
