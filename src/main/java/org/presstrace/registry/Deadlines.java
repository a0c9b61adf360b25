package org.presstrace.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.presstrace.shared.ConflictingState;

/**
 * When each report is due, and whether it was filed in time. The numbers are configuration ({@code
 * presstrace.registry.deadlines.*}); the defaults follow 21 CFR 1310.05 and British Columbia's Pill
 * Press and Related Equipment Control Act. Business days skip Saturdays and Sundays only: public
 * holidays are not modelled.
 *
 * @param transferDays days after shipment a domestic transfer must be reported (15)
 * @param acquisitionDays days after an acquisition (10)
 * @param relocationDays days after a change of storage location (10)
 * @param importExportLeadDays days before the movement an import or export report is due (15)
 */
public record Deadlines(
    int transferDays, int acquisitionDays, int relocationDays, int importExportLeadDays) {

  public Deadlines {
    if (transferDays < 0 || acquisitionDays < 0 || relocationDays < 0 || importExportLeadDays < 0) {
      throw new IllegalArgumentException("deadline days cannot be negative");
    }
  }

  public static Deadlines defaults() {
    return new Deadlines(15, 10, 10, 15);
  }

  /**
   * The last day on which a report of {@code kind} for an event on {@code eventDay} is on time; for
   * imports and exports that day lies before the movement.
   */
  public LocalDate due(ReportKind kind, LocalDate eventDay) {
    return switch (kind) {
      case TRANSFER -> eventDay.plusDays(transferDays);
      case ACQUISITION -> eventDay.plusDays(acquisitionDays);
      case RELOCATION -> eventDay.plusDays(relocationDays);
      case LOSS, THEFT, DESTRUCTION -> nextBusinessDay(eventDay);
      case IMPORT, EXPORT -> eventDay.minusDays(importExportLeadDays);
    };
  }

  /**
   * How the report of {@code kind} for an event on {@code eventDay} stands on {@code asOf}.
   *
   * @param filedOn the day it was filed, or {@code null} when not (yet) filed
   */
  public ReportTiming timing(
      ReportKind kind, LocalDate eventDay, LocalDate filedOn, LocalDate asOf) {
    LocalDate due = due(kind, eventDay);
    if (filedOn != null && !filedOn.isAfter(asOf)) {
      return filedOn.isAfter(due) ? ReportTiming.LATE : ReportTiming.ON_TIME;
    }
    return asOf.isAfter(due) ? ReportTiming.MISSING : ReportTiming.NOT_YET_DUE;
  }

  /**
   * Refuses an import or export whose transaction report was not filed the configured number of
   * days before the movement.
   */
  public void requireFiledInAdvance(ReportKind kind, LocalDate movementDay, LocalDate filedOn) {
    if (!kind.inAdvance()) {
      throw new IllegalArgumentException(kind + " is not reported in advance");
    }
    LocalDate due = due(kind, movementDay);
    if (filedOn == null || filedOn.isAfter(due)) {
      throw new ConflictingState(
          kind.name().toLowerCase(java.util.Locale.ROOT)
              + " on "
              + movementDay
              + " refused: the transaction report must be filed at least "
              + importExportLeadDays
              + " days before the movement (by "
              + due
              + ")"
              + (filedOn == null ? ", and none was filed" : ", but it was filed on " + filedOn));
    }
  }

  /** The first Monday-to-Friday day after {@code day}. */
  static LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plusDays(1);
    }
    return next;
  }
}
