package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.ConflictingState;

class DeadlinesTests {

  private final Deadlines deadlines = Deadlines.defaults();
  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
  private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);

  @Test
  void transfersAreDueFifteenDaysAfterShipment() {
    LocalDate due = deadlines.due(ReportKind.TRANSFER, WEDNESDAY);
    assertThat(due).isEqualTo(LocalDate.of(2026, 3, 19));
    assertThat(deadlines.timing(ReportKind.TRANSFER, WEDNESDAY, due, due.plusDays(30)))
        .isEqualTo(ReportTiming.ON_TIME);
    assertThat(deadlines.timing(ReportKind.TRANSFER, WEDNESDAY, due.plusDays(1), due.plusDays(30)))
        .isEqualTo(ReportTiming.LATE);
    assertThat(deadlines.timing(ReportKind.TRANSFER, WEDNESDAY, null, due))
        .isEqualTo(ReportTiming.NOT_YET_DUE);
    assertThat(deadlines.timing(ReportKind.TRANSFER, WEDNESDAY, null, due.plusDays(1)))
        .isEqualTo(ReportTiming.MISSING);
  }

  @Test
  void acquisitionsAndRelocationsAreDueTenDaysAfter() {
    for (ReportKind kind : new ReportKind[] {ReportKind.ACQUISITION, ReportKind.RELOCATION}) {
      LocalDate due = deadlines.due(kind, WEDNESDAY);
      assertThat(due)
          .as(kind.name() + ": the tenth day is Saturday the 14th, due moves to Monday")
          .isEqualTo(LocalDate.of(2026, 3, 16));
      assertThat(deadlines.timing(kind, WEDNESDAY, WEDNESDAY, WEDNESDAY))
          .isEqualTo(ReportTiming.ON_TIME);
      assertThat(deadlines.timing(kind, WEDNESDAY, due.plusDays(1), due.plusDays(1)))
          .isEqualTo(ReportTiming.LATE);
      assertThat(deadlines.timing(kind, WEDNESDAY, null, due.plusDays(1)))
          .isEqualTo(ReportTiming.MISSING);
    }
  }

  @Test
  void lossTheftAndDestructionAreDueTheNextBusinessDay() {
    for (ReportKind kind :
        new ReportKind[] {ReportKind.LOSS, ReportKind.THEFT, ReportKind.DESTRUCTION}) {
      assertThat(deadlines.due(kind, WEDNESDAY)).isEqualTo(WEDNESDAY.plusDays(1));
      assertThat(deadlines.due(kind, FRIDAY)).as("Friday to Monday").isEqualTo(FRIDAY.plusDays(3));
      assertThat(deadlines.due(kind, FRIDAY.plusDays(1))).isEqualTo(FRIDAY.plusDays(3));
      assertThat(deadlines.due(kind, FRIDAY.plusDays(2))).isEqualTo(FRIDAY.plusDays(3));
    }
    assertThat(deadlines.timing(ReportKind.THEFT, FRIDAY, FRIDAY.plusDays(3), FRIDAY.plusDays(9)))
        .isEqualTo(ReportTiming.ON_TIME);
    assertThat(deadlines.timing(ReportKind.THEFT, FRIDAY, FRIDAY.plusDays(4), FRIDAY.plusDays(9)))
        .isEqualTo(ReportTiming.LATE);
    assertThat(deadlines.timing(ReportKind.LOSS, FRIDAY, null, FRIDAY.plusDays(4)))
        .isEqualTo(ReportTiming.MISSING);
  }

  @Test
  void importAndExportReportsAreDueFifteenDaysBeforeTheMovement() {
    LocalDate movement = LocalDate.of(2026, 4, 20);
    LocalDate due = deadlines.due(ReportKind.EXPORT, movement);
    assertThat(due).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(deadlines.timing(ReportKind.EXPORT, movement, due, movement))
        .isEqualTo(ReportTiming.ON_TIME);
    assertThat(deadlines.timing(ReportKind.IMPORT, movement, due.plusDays(1), movement))
        .isEqualTo(ReportTiming.LATE);
    assertThat(deadlines.timing(ReportKind.IMPORT, movement, null, due.plusDays(1)))
        .isEqualTo(ReportTiming.MISSING);
    assertThat(deadlines.timing(ReportKind.IMPORT, movement, null, due))
        .isEqualTo(ReportTiming.NOT_YET_DUE);
  }

  @Test
  void aReportFiledAfterTheAsOfDayDoesNotCountYet() {
    assertThat(deadlines.timing(ReportKind.TRANSFER, WEDNESDAY, WEDNESDAY.plusDays(2), WEDNESDAY))
        .isEqualTo(ReportTiming.NOT_YET_DUE);
  }

  @Test
  void refusesAnExportWhoseReportWasFiledTooLate() {
    LocalDate movement = LocalDate.of(2026, 4, 20);
    deadlines.requireFiledInAdvance(ReportKind.EXPORT, movement, LocalDate.of(2026, 4, 5));
    assertThatThrownBy(
            () ->
                deadlines.requireFiledInAdvance(
                    ReportKind.EXPORT, movement, LocalDate.of(2026, 4, 6)))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "export on 2026-04-20 refused: the transaction report must be filed at least 15 days"
                + " before the movement (by 2026-04-05), but it was filed on 2026-04-06");
    assertThatThrownBy(() -> deadlines.requireFiledInAdvance(ReportKind.IMPORT, movement, null))
        .hasMessageEndingWith("and none was filed");
  }

  @Test
  void theNumbersAreConfigurable() {
    var strict = new Deadlines(5, 3, 2, 30);
    assertThat(strict.due(ReportKind.TRANSFER, WEDNESDAY)).isEqualTo(WEDNESDAY.plusDays(5));
    assertThat(strict.due(ReportKind.ACQUISITION, WEDNESDAY))
        .as("Saturday moves to Monday")
        .isEqualTo(WEDNESDAY.plusDays(5));
    assertThat(strict.due(ReportKind.RELOCATION, WEDNESDAY)).isEqualTo(WEDNESDAY.plusDays(2));
    assertThat(strict.due(ReportKind.IMPORT, WEDNESDAY)).isEqualTo(WEDNESDAY.minusDays(30));
    assertThatThrownBy(() -> new Deadlines(400, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("400 days");
  }

  // ---- the calendar --------------------------------------------------------------------------

  @Test
  void aLossOnChristmasEveIsDueAfterChristmas() {
    LocalDate christmasEve = LocalDate.of(2026, 12, 24);
    assertThat(deadlines.due(ReportKind.LOSS, christmasEve)).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(
            deadlines.timing(
                ReportKind.LOSS,
                christmasEve,
                LocalDate.of(2026, 12, 28),
                christmasEve.plusDays(9)))
        .isEqualTo(ReportTiming.ON_TIME);
    assertThat(deadlines.timing(ReportKind.THEFT, christmasEve, null, LocalDate.of(2026, 12, 25)))
        .isEqualTo(ReportTiming.NOT_YET_DUE);
  }

  @Test
  void aLossTheDayBeforeThanksgivingIsDueOnFridayAndOneBeforeMlkDayOnTuesday() {
    assertThat(deadlines.due(ReportKind.LOSS, LocalDate.of(2026, 11, 25)))
        .isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(deadlines.due(ReportKind.THEFT, LocalDate.of(2027, 1, 15)))
        .isEqualTo(LocalDate.of(2027, 1, 19));
  }

  @Test
  void aDueDayOnThanksgivingOrMlkDayMovesToTheNextBusinessDay() {
    // Shipped 2026-11-11: the fifteenth day is Thanksgiving.
    assertThat(deadlines.due(ReportKind.TRANSFER, LocalDate.of(2026, 11, 11)))
        .isEqualTo(LocalDate.of(2026, 11, 27));
    // Acquired 2026-01-09: the tenth day is MLK Day.
    assertThat(deadlines.due(ReportKind.ACQUISITION, LocalDate.of(2026, 1, 9)))
        .isEqualTo(LocalDate.of(2026, 1, 20));
    var literal =
        new Deadlines(15, 10, 10, 15, BusinessCalendar.usFederal(), false, Deadlines.DEFAULT_ZONE);
    assertThat(literal.due(ReportKind.TRANSFER, LocalDate.of(2026, 11, 11)))
        .as("the rule is configuration")
        .isEqualTo(LocalDate.of(2026, 11, 26));
  }

  @Test
  void aNegativeOffsetMakesATransferDueBeforeShipmentWithoutMovingIt() {
    var pendingRule = new Deadlines(-15, 10, 10, 15);
    LocalDate shipment = LocalDate.of(2026, 12, 10);
    LocalDate due = pendingRule.due(ReportKind.TRANSFER, shipment);
    assertThat(due)
        .as("a Wednesday fifteen days before, never moved later")
        .isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(pendingRule.timing(ReportKind.TRANSFER, shipment, due, shipment))
        .isEqualTo(ReportTiming.ON_TIME);
    assertThat(pendingRule.timing(ReportKind.TRANSFER, shipment, shipment, shipment))
        .isEqualTo(ReportTiming.LATE);
    // Sunday 2026-11-29 as a lead day stays: a minimum notice is not shortened by a weekend.
    assertThat(pendingRule.due(ReportKind.TRANSFER, LocalDate.of(2026, 12, 14)))
        .isEqualTo(LocalDate.of(2026, 11, 29));
  }

  @Test
  void anExportLeadTimeIsNotShortenedByAWeekend() {
    // 2026-04-05, fifteen days before the movement, is a Sunday: filing on it is on time, and
    // filing on Monday the 6th is still late.
    LocalDate movement = LocalDate.of(2026, 4, 20);
    assertThat(deadlines.due(ReportKind.EXPORT, movement)).isEqualTo(LocalDate.of(2026, 4, 5));
  }

  @Test
  void theFilingDayIsTakenOnTheFilersClock() {
    var fivePmPacific = java.time.Instant.parse("2026-03-20T00:00:00Z");
    assertThat(deadlines.filingDay(fivePmPacific, "America/Los_Angeles"))
        .isEqualTo(LocalDate.of(2026, 3, 19));
    assertThat(deadlines.filingDay(fivePmPacific, null))
        .as("the default zone, New York: 20:00")
        .isEqualTo(LocalDate.of(2026, 3, 19));
    assertThat(deadlines.filingDay(fivePmPacific, "Asia/Shanghai"))
        .isEqualTo(LocalDate.of(2026, 3, 20));
  }
}
