package org.presstrace.substances;

import java.time.OffsetDateTime;

/**
 * A stored manifest screening: who screened it, when, against which list version, and its marking.
 *
 * @param listVersion the list version screened against (0: the built-in list, no designation yet)
 * @param banner the marking banner, e.g. {@code TLP:AMBER}
 */
public record ScreeningSummary(
    String id,
    String title,
    int lines,
    int flagged,
    int listVersion,
    String screenedBy,
    OffsetDateTime screenedAt,
    String ownerAgency,
    String banner) {}
