package org.presstrace.intel;

import java.time.Instant;

/** One stored version of a report: what it said and how it was marked. */
public record IntelRevision(
    int version,
    String title,
    String summary,
    String banner,
    String changedBy,
    Instant changedAt) {}
