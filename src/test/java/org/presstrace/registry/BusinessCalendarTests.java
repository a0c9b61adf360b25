package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.registry.BusinessCalendar.FederalHoliday;

/** The federal holidays as OPM publishes them, computed by rule, and a calendar's configuration. */
class BusinessCalendarTests {

  private final BusinessCalendar federal = BusinessCalendar.usFederal();

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  @Test
  void the2026HolidaysAreOpmsList() {
    assertThat(federal.holidays(2026).keySet())
        .containsExactly(
            day("2026-01-01"),
            day("2026-01-19"),
            day("2026-02-16"),
            day("2026-05-25"),
            day("2026-06-19"),
            day("2026-07-03"),
            day("2026-07-04"),
            day("2026-09-07"),
            day("2026-10-12"),
            day("2026-11-11"),
            day("2026-11-26"),
            day("2026-12-25"));
    assertThat(federal.holiday(day("2026-07-03"))).contains("Independence Day (observed)");
  }

  @Test
  void aSaturdayHolidayIsObservedOnFridayAndASundayOneOnMonday() {
    // 2027: Juneteenth and Christmas fall on Saturdays, Independence Day on a Sunday, and New
    // Year's Day 2028 on a Saturday, observed on the last day of 2027.
    assertThat(federal.isBusinessDay(day("2027-06-18"))).isFalse();
    assertThat(federal.isBusinessDay(day("2027-07-05"))).isFalse();
    assertThat(federal.isBusinessDay(day("2027-12-24"))).isFalse();
    assertThat(federal.holiday(day("2027-12-31"))).contains("New Year's Day (observed)");
    assertThat(federal.holidays(2027)).containsKey(day("2027-12-31"));
    assertThat(federal.isBusinessDay(day("2027-12-30"))).isTrue();
    assertThat(federal.isBusinessDay(day("2027-07-06"))).isTrue();
  }

  @Test
  void rulesFollowTheWeekdayNotTheDate() {
    assertThat(federal.holiday(day("2027-01-18"))).contains("Birthday of Martin Luther King, Jr.");
    assertThat(federal.holiday(day("2028-11-23"))).contains("Thanksgiving Day");
    assertThat(federal.holiday(day("2026-05-25"))).contains("Memorial Day");
    assertThat(federal.holiday(day("2031-05-26"))).contains("Memorial Day");
    assertThat(federal.isBusinessDay(day("2031-05-19"))).isTrue();
  }

  @Test
  void juneteenthIsAHolidayFrom2021Only() {
    assertThat(federal.isBusinessDay(day("2020-06-19"))).isTrue();
    assertThat(federal.isBusinessDay(day("2021-06-18"))).as("observed, a Saturday").isFalse();
  }

  @Test
  void theNextBusinessDaySkipsWeekendsAndHolidays() {
    assertThat(federal.nextBusinessDay(day("2026-12-24"))).isEqualTo(day("2026-12-28"));
    assertThat(federal.nextBusinessDay(day("2026-11-25"))).isEqualTo(day("2026-11-27"));
    assertThat(federal.nextBusinessDay(day("2027-01-15"))).isEqualTo(day("2027-01-19"));
    assertThat(federal.onOrAfter(day("2026-11-26"))).isEqualTo(day("2026-11-27"));
    assertThat(federal.onOrAfter(day("2026-11-27"))).isEqualTo(day("2026-11-27"));
    assertThat(federal.onOrBefore(day("2026-07-05"))).isEqualTo(day("2026-07-02"));
  }

  @Test
  void anotherJurisdictionAddsItsDatesByConfiguration() {
    var canada =
        new BusinessCalendar(
            Set.of(FederalHoliday.NEW_YEARS_DAY, FederalHoliday.CHRISTMAS_DAY),
            List.of(MonthDay.of(7, 1), MonthDay.of(12, 26)),
            Set.of(day("2026-09-30")),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            true);

    assertThat(canada.isBusinessDay(day("2026-07-01"))).isFalse();
    assertThat(canada.isBusinessDay(day("2026-09-30"))).isFalse();
    assertThat(canada.isBusinessDay(day("2026-11-26"))).as("no US Thanksgiving").isTrue();
    // Boxing Day 2026 is a Saturday: observed on Friday the 25th, which is Christmas already.
    assertThat(canada.nextBusinessDay(day("2026-12-24"))).isEqualTo(day("2026-12-28"));
    assertThat(canada.holiday(day("2027-07-01"))).contains("holiday on --07-01");
  }

  @Test
  void withoutTheObservedShiftAWeekendHolidayMovesNothing() {
    var literal =
        new BusinessCalendar(
            EnumSet.allOf(FederalHoliday.class),
            List.of(),
            Set.of(),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            false);
    assertThat(literal.isBusinessDay(day("2026-07-03"))).isTrue();
  }

  @Test
  void aCalendarWithoutBusinessDaysIsRefusedInsteadOfLoopingForever() {
    assertThatThrownBy(
            () ->
                new BusinessCalendar(
                    Set.of(), List.of(), Set.of(), EnumSet.allOf(DayOfWeek.class), true))
        .isInstanceOf(IllegalArgumentException.class);
    var everyWeekday = new java.util.HashSet<LocalDate>();
    for (LocalDate d = day("2026-01-01"); d.getYear() < 2028; d = d.plusDays(1)) {
      everyWeekday.add(d);
    }
    var closed =
        new BusinessCalendar(Set.of(), List.of(), everyWeekday, EnumSet.of(DayOfWeek.SUNDAY), true);
    assertThatThrownBy(() -> closed.nextBusinessDay(day("2026-03-02")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no business day within a year");
  }

  @Test
  void calendarsThatDifferAnswerTheSameYearEachByItsOwnRules() {
    // Each calendar keeps its years' holidays once computed; asking two calendars about the same
    // year in turn shows that one's answer never stands in for the other's.
    var local =
        new BusinessCalendar(
            Set.of(), List.of(MonthDay.of(7, 1)), Set.of(), EnumSet.of(DayOfWeek.SUNDAY), false);
    var shifted =
        new BusinessCalendar(
            Set.of(), List.of(MonthDay.of(7, 1)), Set.of(), EnumSet.of(DayOfWeek.SUNDAY), true);
    for (int round = 0; round < 3; round++) {
      assertThat(federal.holiday(day("2029-07-01"))).isEmpty();
      assertThat(local.holiday(day("2029-07-01"))).contains("holiday on --07-01");
      // 1 July 2029 is a Sunday: only the calendar that shifts observes it on Monday 2 July.
      assertThat(local.holiday(day("2029-07-02"))).isEmpty();
      assertThat(shifted.holiday(day("2029-07-02"))).contains("holiday on --07-01 (observed)");
      // Veterans Day 2029 is a Sunday, observed on Monday 12 November: 12 days in all.
      assertThat(federal.holidays(2029)).hasSize(12).doesNotContainKey(day("2029-07-01"));
      assertThat(local.holidays(2029).keySet()).containsExactly(day("2029-07-01"));
    }
  }

  @Test
  void aYearsHolidaysHandedOutCannotChangeTheCalendar() {
    var handedOut = federal.holidays(2031);
    int days = handedOut.size();
    assertThat(handedOut).containsKey(day("2031-12-25"));
    handedOut.clear();
    assertThat(federal.holidays(2031)).hasSize(days).containsKey(day("2031-12-25"));
    assertThat(federal.isBusinessDay(day("2031-12-25"))).isFalse();
  }

  @Test
  void manyCalendarsAndYearsAskedAtOnceAnswerAsOneAskedAlone() throws Exception {
    // Threads asking many calendars about many years fill and empty the memo under one another;
    // every answer still has to be the calendar's own.
    var calendars = new java.util.ArrayList<BusinessCalendar>();
    for (int month = 1; month <= 12; month++) {
      calendars.add(
          new BusinessCalendar(
              EnumSet.of(FederalHoliday.CHRISTMAS_DAY),
              List.of(MonthDay.of(month, 15)),
              Set.of(),
              EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
              true));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
      for (int worker = 0; worker < 4; worker++) {
        answers.add(
            pool.submit(
                () -> {
                  for (int year = 1700; year < 2100; year++) {
                    for (int month = 1; month <= 12; month++) {
                      var holidays = calendars.get(month - 1).holidays(year);
                      var fifteenth = LocalDate.of(year, month, 15);
                      boolean own =
                          holidays.containsKey(fifteenth)
                              || holidays.containsKey(fifteenth.minusDays(1))
                              || holidays.containsKey(fifteenth.plusDays(1));
                      if (!own || holidays.size() > 4) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (var answer : answers) {
        assertThat(answer.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
