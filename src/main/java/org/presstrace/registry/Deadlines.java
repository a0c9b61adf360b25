package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.presstrace.shared.ConflictingState;

/**
 * When each report is due, and whether it was filed in time. The numbers and the calendar are
 * configuration ({@code presstrace.registry.deadlines.*} and {@code
 * presstrace.registry.calendar.*}, docs/registry.md); the defaults follow 21 CFR 1310.05 and
 * British Columbia's Pill Press and Related Equipment Control Act.
 *
 * <p>A day count may be negative: a report then falls due before its event, as the pending rule RIN
 * 1117-AB80 would have a domestic sale notified 15 days before shipment. A due day after the event
 * that is not a business day moves to the next business day ({@code rollToBusinessDay}); a due day
 * before the event is a minimum lead time and does not move. Loss, theft and destruction are due
 * the next business day after the event (for a loss, after its discovery).
 *
 * @param transferDays days after shipment a domestic transfer must be reported (15; negative:
 *     before shipment)
 * @param acquisitionDays days after an acquisition (10)
 * @param relocationDays days after a change of storage location (10)
 * @param importExportLeadDays days before the movement an import or export report is due (15)
 * @param calendar the business days
 * @param rollToBusinessDay whether a due day after its event that is not a business day moves to
 *     the next business day
 * @param filingZone the zone a filer whose record names none files in: a report's filing day is the
 *     day on the filer's clock, not in UTC
 */
public record Deadlines(
    int transferDays,
    int acquisitionDays,
    int relocationDays,
    int importExportLeadDays,
    BusinessCalendar calendar,
    boolean rollToBusinessDay,
    ZoneId filingZone) {

  /** The longest offset either way, in days. */
  public static final int MAX_DAYS = 366;

  public Deadlines {
    for (int days :
        new int[] {transferDays, acquisitionDays, relocationDays, importExportLeadDays}) {
      if (Math.abs(days) > MAX_DAYS) {
        throw new IllegalArgumentException(
            "deadline of " + days + " days is more than " + MAX_DAYS + " days either way");
      }
    }
    java.util.Objects.requireNonNull(calendar, "calendar");
    java.util.Objects.requireNonNull(filingZone, "filingZone");
  }

  /** These day counts on the US federal calendar, due days moved to the next business day. */
  public Deadlines(
      int transferDays, int acquisitionDays, int relocationDays, int importExportLeadDays) {
    this(
        transferDays,
        acquisitionDays,
        relocationDays,
        importExportLeadDays,
        BusinessCalendar.usFederal(),
        true,
        DEFAULT_ZONE);
  }

  /** The zone a filer files in unless configured otherwise. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");

  /** The zone named by {@code zone} (an IANA id), or the default filing zone when it is null. */
  public ZoneId zone(String zone) {
    if (zone == null || zone.isBlank()) {
      return filingZone;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (java.time.DateTimeException e) {
      return filingZone;
    }
  }

  /**
   * The day a report made at {@code at} was filed on, on the clock of a filer in {@code zone}
   * (null: the default filing zone).
   */
  public LocalDate filingDay(Instant at, String zone) {
    return LocalDate.ofInstant(at, zone(zone));
  }

  public static Deadlines defaults() {
    return new Deadlines(15, 10, 10, 15);
  }

  /**
   * The last day on which a report of {@code kind} for an event on {@code eventDay} is on time; for
   * imports and exports that day lies before the movement. For a loss or theft the event day is the
   * day it was discovered.
   */
  public LocalDate due(ReportKind kind, LocalDate eventDay) {
    return switch (kind) {
      case TRANSFER -> after(eventDay, transferDays);
      case ACQUISITION -> after(eventDay, acquisitionDays);
      case RELOCATION -> after(eventDay, relocationDays);
      case LOSS, THEFT, DESTRUCTION -> calendar.nextBusinessDay(eventDay);
      case IMPORT, EXPORT -> eventDay.minusDays(importExportLeadDays);
    };
  }

  private LocalDate after(LocalDate eventDay, int days) {
    LocalDate due = eventDay.plusDays(days);
    return rollToBusinessDay && !due.isBefore(eventDay) ? calendar.onOrAfter(due) : due;
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
              + " refused: the transaction report must be filed "
              + (importExportLeadDays >= 0
                  ? "at least " + importExportLeadDays + " days before"
                  : "within " + -importExportLeadDays + " days after")
              + " the movement (by "
              + due
              + ")"
              + (filedOn == null ? ", and none was filed" : ", but it was filed on " + filedOn));
    }
  }
}
