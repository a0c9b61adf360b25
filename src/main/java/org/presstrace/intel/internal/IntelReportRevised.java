package org.presstrace.intel.internal;

import java.time.Instant;
import org.presstrace.access.Marking;

/**
 * A report was revised: its text or its marking changed and it reached {@code version}. Recorded by
 * {@link FiledReport} and written by {@link IntelReportStore} as one row of the report's history;
 * it is not published.
 */
public record IntelReportRevised(
    String reportId,
    int version,
    String title,
    String summary,
    Marking marking,
    String changedBy,
    Instant changedAt) {}
