package org.presstrace.substances;

import java.time.LocalDate;

/**
 * One control of a substance, or of a class of substances, in one jurisdiction.
 *
 * @param substanceId the substance controlled, or {@code null} for a class-wide control
 * @param classRule the structure rule that defines a class-wide control, or {@code null}
 * @param jurisdiction ISO 3166 alpha-3 country code, or {@code UN}
 * @param instrument the law or convention (CSA, 1988 Convention, ...)
 * @param category schedule, list, table or category within the instrument
 * @param effectiveFrom the day the control took effect, when the source gives the day
 * @param effectiveAsCited the date as the source gives it: a day, a year, or {@code not recorded}
 * @param inForceBy the first day on which the control was certainly in force (the day itself, or
 *     the last day of a year cited alone); {@code null} when no date is recorded
 * @param effectiveTo the day the control ended (exclusive), or {@code null} while in force
 * @param source citation of the source
 * @param designationId the imported designation that created the control, or {@code null} for the
 *     built-in list
 */
public record ControlAction(
    String substanceId,
    String classRule,
    String jurisdiction,
    String instrument,
    String category,
    LocalDate effectiveFrom,
    String effectiveAsCited,
    LocalDate inForceBy,
    LocalDate effectiveTo,
    String source,
    String designationId) {

  /** Whether the control was certainly in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return inForceBy != null
        && !inForceBy.isAfter(day)
        && (effectiveTo == null || effectiveTo.isAfter(day));
  }
}
