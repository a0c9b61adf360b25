package org.presstrace.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which days are business days: not a weekend day, not a holiday. Holidays are computed by rule for
 * any year: the US federal holidays of 5 U.S.C. 6103(a) as the Office of Personnel Management lists
 * them, with its observed-day rule (a holiday on a Saturday is observed on the Friday before, one
 * on a Sunday on the Monday after, 5 U.S.C. 6103(b) and Executive Order 11582); recurring dates of
 * another jurisdiction, observed by the same rule; and one-off dates taken as they are. Which of
 * these apply is configuration ({@code presstrace.registry.calendar.*}, docs/registry.md).
 *
 * @param federal the US federal holidays that apply; empty for none
 * @param annual recurring holidays of another jurisdiction, e.g. {@code 07-01}
 * @param dates one-off closures, e.g. a day of mourning, taken as they are
 * @param weekend the days of the week that are never business days
 * @param observedShift whether a holiday on a weekend day is observed on the nearest weekday
 */
public record BusinessCalendar(
    Set<FederalHoliday> federal,
    List<MonthDay> annual,
    Set<LocalDate> dates,
    Set<DayOfWeek> weekend,
    boolean observedShift) {

  /** The US federal holidays (5 U.S.C. 6103(a)), each computed by its rule for a year. */
  public enum FederalHoliday {
    NEW_YEARS_DAY("New Year's Day"),
    MARTIN_LUTHER_KING_JR_BIRTHDAY("Birthday of Martin Luther King, Jr."),
    WASHINGTONS_BIRTHDAY("Washington's Birthday"),
    MEMORIAL_DAY("Memorial Day"),
    JUNETEENTH("Juneteenth National Independence Day"),
    INDEPENDENCE_DAY("Independence Day"),
    LABOR_DAY("Labor Day"),
    COLUMBUS_DAY("Columbus Day"),
    VETERANS_DAY("Veterans Day"),
    THANKSGIVING_DAY("Thanksgiving Day"),
    CHRISTMAS_DAY("Christmas Day");

    private final String title;

    FederalHoliday(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    /**
     * The holiday's day in {@code year} by its rule, before any observed-day shift; empty for
     * Juneteenth before 2021, when it became a holiday (Public Law 117-17).
     */
    public Optional<LocalDate> in(int year) {
      return switch (this) {
        case NEW_YEARS_DAY -> Optional.of(LocalDate.of(year, 1, 1));
        case MARTIN_LUTHER_KING_JR_BIRTHDAY -> Optional.of(nth(year, Month.JANUARY, 3));
        case WASHINGTONS_BIRTHDAY -> Optional.of(nth(year, Month.FEBRUARY, 3));
        case MEMORIAL_DAY ->
            Optional.of(
                LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        case JUNETEENTH -> year >= 2021 ? Optional.of(LocalDate.of(year, 6, 19)) : Optional.empty();
        case INDEPENDENCE_DAY -> Optional.of(LocalDate.of(year, 7, 4));
        case LABOR_DAY -> Optional.of(nth(year, Month.SEPTEMBER, 1));
        case COLUMBUS_DAY -> Optional.of(nth(year, Month.OCTOBER, 2));
        case VETERANS_DAY -> Optional.of(LocalDate.of(year, 11, 11));
        case THANKSGIVING_DAY ->
            Optional.of(
                LocalDate.of(year, 11, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)));
        case CHRISTMAS_DAY -> Optional.of(LocalDate.of(year, 12, 25));
      };
    }

    private static LocalDate nth(int year, Month month, int ordinal) {
      return LocalDate.of(year, month, 1)
          .with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.MONDAY));
    }
  }

  public BusinessCalendar {
    federal = federal.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(federal));
    annual = List.copyOf(annual);
    dates = Set.copyOf(dates);
    weekend = Set.copyOf(weekend);
    if (weekend.size() >= 7) {
      throw new IllegalArgumentException("a calendar needs at least one working day of the week");
    }
  }

  /** The US federal calendar: every federal holiday, observed by OPM's rule, weekends off. */
  public static BusinessCalendar usFederal() {
    return new BusinessCalendar(
        EnumSet.allOf(FederalHoliday.class),
        List.of(),
        Set.of(),
        EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        true);
  }

  /** Whether {@code day} is a business day. */
  public boolean isBusinessDay(LocalDate day) {
    return !weekend.contains(day.getDayOfWeek()) && holiday(day).isEmpty();
  }

  /**
   * The holiday {@code day} is, or is observed on, if any, e.g. {@code "Christmas Day (observed)"}
   * for Friday 2027-12-24.
   */
  public Optional<String> holiday(LocalDate day) {
    if (dates.contains(day)) {
      return Optional.of("closure on " + day);
    }
    // A holiday on January 1 of next year may be observed on December 31 of this one.
    for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
      var found = holidaysOf(year).get(day);
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /** Every holiday observed in {@code year}, day by day. */
  public TreeMap<LocalDate, String> holidays(int year) {
    var all = new TreeMap<LocalDate, String>();
    for (int y = year; y <= year + 1; y++) {
      holidaysOf(y).forEach((day, name) -> all.putIfAbsent(day, name));
    }
    dates.forEach(day -> all.put(day, "closure on " + day));
    all.keySet().removeIf(day -> day.getYear() != year);
    return all;
  }

  /**
   * The holidays this calendar observes in {@code year} by its rules, computed once per calendar
   * and year: a deadline asks about every day it counts, and a trace counts deadlines for every
   * custody entry it shows. A calendar's rules never change (it is a record of immutable sets), so
   * a year's answer never goes stale.
   */
  private NavigableMap<LocalDate, String> holidaysOf(int year) {
    return HOLIDAYS.get(
        new CalendarYear(this, year),
        key -> Collections.unmodifiableNavigableMap(computeHolidaysOf(year)));
  }

  /** A calendar's year, as the memo of holidays knows it. */
  private record CalendarYear(BusinessCalendar calendar, int year) {}

  /** Far more calendar-years than a deployment uses; a test making many calendars stays bounded. */
  private static final Cache<CalendarYear, NavigableMap<LocalDate, String>> HOLIDAYS =
      Caffeine.newBuilder().maximumSize(4096).build();

  private TreeMap<LocalDate, String> computeHolidaysOf(int year) {
    var days = new TreeMap<LocalDate, String>();
    for (FederalHoliday holiday : federal) {
      holiday.in(year).ifPresent(day -> add(days, day, holiday.title()));
    }
    for (MonthDay recurring : annual) {
      if (recurring.isValidYear(year)) {
        add(days, recurring.atYear(year), "holiday on " + recurring);
      }
    }
    return days;
  }

  private void add(TreeMap<LocalDate, String> days, LocalDate day, String name) {
    days.put(day, name);
    LocalDate observed = observed(day);
    if (!observed.equals(day)) {
      days.putIfAbsent(observed, name + " (observed)");
    }
  }

  /** OPM's rule: Saturday's holiday is observed on Friday, Sunday's on Monday. */
  private LocalDate observed(LocalDate day) {
    if (!observedShift) {
      return day;
    }
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.minusDays(1);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }

  /** The first business day after {@code day}. */
  public LocalDate nextBusinessDay(LocalDate day) {
    return onOrAfter(day.plusDays(1));
  }

  /** {@code day} if it is a business day, else the first business day after it. */
  public LocalDate onOrAfter(LocalDate day) {
    LocalDate next = day;
    for (int tried = 0; !isBusinessDay(next); tried++) {
      requireWithinAYear(day, tried);
      next = next.plusDays(1);
    }
    return next;
  }

  /** {@code day} if it is a business day, else the last business day before it. */
  public LocalDate onOrBefore(LocalDate day) {
    LocalDate previous = day;
    for (int tried = 0; !isBusinessDay(previous); tried++) {
      requireWithinAYear(day, tried);
      previous = previous.minusDays(1);
    }
    return previous;
  }

  private static void requireWithinAYear(LocalDate from, int tried) {
    if (tried > 366) {
      throw new IllegalStateException(
          "the calendar has no business day within a year of " + from + ": check its holidays");
    }
  }
}
