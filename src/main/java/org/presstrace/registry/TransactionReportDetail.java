package org.presstrace.registry;

import java.util.List;

/** A transaction report with every version, oldest first: its full amendment history. */
public record TransactionReportDetail(
    TransactionReportView report, List<TransactionReportVersion> history) {}
