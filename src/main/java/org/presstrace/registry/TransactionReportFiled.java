package org.presstrace.registry;

import java.time.LocalDate;

/**
 * A registrant filed the original of an import or export transaction report and received its
 * transaction id.
 *
 * @param timing whether it was filed the required lead days before the movement
 * @param by the user who filed it
 */
public record TransactionReportFiled(
    String reportId,
    String registrantId,
    ReportKind direction,
    LocalDate proposedOn,
    LocalDate filedOn,
    ReportTiming timing,
    String by) {}
