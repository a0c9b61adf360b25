package org.presstrace.registry;

import java.time.LocalDate;

/**
 * A registrant amended its transaction report: {@code version} is the new one; the earlier versions
 * are kept.
 *
 * @param timing the timing judged again for the proposed movement day of this version
 * @param by the user who amended it
 */
public record TransactionReportAmended(
    String reportId,
    int version,
    LocalDate proposedOn,
    ReportTiming timing,
    String reason,
    String by) {}
