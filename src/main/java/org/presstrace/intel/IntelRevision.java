package org.presstrace.intel;

import java.time.Instant;

/**
 * One stored version of a report as a reader sees it: what it said and how it was marked.
 *
 * @param version the version's place among the versions the reader may see (1 for the oldest), not
 *     its stored number, so that versions hidden from the reader leave no gap
 */
public record IntelRevision(
    int version,
    String title,
    String summary,
    String banner,
    String changedBy,
    Instant changedAt) {}
