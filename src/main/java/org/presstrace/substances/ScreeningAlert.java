package org.presstrace.substances;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A line of a stored manifest that matches a substance a later designation controls.
 *
 * @param reason how the line matched the substance (exact CAS, fuzzy name ...)
 */
public record ScreeningAlert(
    String id,
    String screeningId,
    int line,
    String description,
    String substanceId,
    String substanceName,
    String reason,
    double score,
    String designationId,
    String jurisdiction,
    String instrument,
    String category,
    LocalDate effectiveFrom,
    OffsetDateTime raisedAt,
    String banner) {

  /** "Manifest line 3 now matches carfentanil, controlled in CHN since 2026-01-01 (...)". */
  public String message() {
    return "Manifest line "
        + line
        + " now matches "
        + substanceName
        + ", controlled in "
        + jurisdiction
        + " since "
        + effectiveFrom
        + " ("
        + instrument
        + ", "
        + category
        + ") by designation "
        + designationId
        + "; matched by "
        + reason;
  }
}
