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
 * @param citation where the law says it: Federal Register volume and page, CFR section, Public Law
 *     or announcement; {@code citation to verify} where our sources do not give it for certain;
 *     {@code null} for controls recorded before citations were kept
 * @param order {@code temporary} (a temporary scheduling order, ending on {@code effectiveTo} or
 *     when made permanent) or {@code permanent}; {@code null} when not recorded
 * @param drugCode the DEA Controlled Substances Code Number (ACSCN) the listing carries, where
 *     sourced, else {@code null}
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
    String designationId,
    String citation,
    String order,
    String drugCode) {

  /** A control recorded without a citation, order or drug code (designation imports). */
  public ControlAction(
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
    this(
        substanceId,
        classRule,
        jurisdiction,
        instrument,
        category,
        effectiveFrom,
        effectiveAsCited,
        inForceBy,
        effectiveTo,
        source,
        designationId,
        null,
        null,
        null);
  }

  /** Whether the listing is a temporary scheduling order. */
  public boolean temporary() {
    return "temporary".equals(order);
  }

  /**
   * One line naming the listing: jurisdiction, instrument and category, citation, DEA code, order
   * and dates, e.g. {@code USA CSA Schedule I, 21 CFR 1308.11(b), DEA code 9821, permanent}.
   */
  public String describe() {
    var line = new StringBuilder(jurisdiction).append(' ').append(instrument).append(' ');
    line.append(category);
    if (citation != null) {
      line.append(", ").append(citation);
    }
    if (drugCode != null) {
      line.append(", DEA code ").append(drugCode);
    }
    if (order != null) {
      line.append(", ").append(order);
    }
    if (inForceBy == null) {
      line.append(", date not recorded");
    } else {
      line.append(", from ").append(effectiveAsCited);
    }
    if (effectiveTo != null) {
      line.append(" until ").append(effectiveTo);
    }
    return line.toString();
  }

  /** Whether the control was certainly in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return inForceBy != null
        && !inForceBy.isAfter(day)
        && (effectiveTo == null || effectiveTo.isAfter(day));
  }
}
