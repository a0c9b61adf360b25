package org.presstrace.registry;

import java.time.LocalDate;

/**
 * A transaction report as it stands.
 *
 * @param transactionId the registry-issued id, e.g. {@code PT-2026-7KQ2M9XAH} ({@link
 *     TransactionReportId})
 * @param version the current version (1 for the original)
 * @param filedOn the day the original was filed
 * @param dueOn the last day on which filing was on time (the proposed movement less the lead days)
 * @param timing ON_TIME or LATE: the original's filing day against the current proposed movement
 */
public record TransactionReportView(
    String transactionId,
    String registrantId,
    ReportKind direction,
    TransactionReportStatus status,
    int version,
    LocalDate proposedOn,
    LocalDate filedOn,
    LocalDate dueOn,
    ReportTiming timing) {}
