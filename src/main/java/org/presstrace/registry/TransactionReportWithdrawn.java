package org.presstrace.registry;

/**
 * A registrant withdrew its transaction report; final. {@code version} is the withdrawal's own
 * version.
 *
 * @param by the user who withdrew it
 */
public record TransactionReportWithdrawn(String reportId, int version, String reason, String by) {}
