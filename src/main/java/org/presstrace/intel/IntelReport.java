package org.presstrace.intel;

import java.time.Instant;
import org.presstrace.access.Marking;

/** An intelligence report as a reader who may see it sees it. */
public record IntelReport(
    String id,
    String title,
    String summary,
    Marking marking,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
