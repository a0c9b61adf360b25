package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;

/** Every rule of a seizure report names its field; one report can break several at once. */
class SeizureRulesTests {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  static SeizureDraft.SeizureItemDraft pills(String count) {
    return new SeizureDraft.SeizureItemDraft(
        "fentanyl",
        null,
        "pills",
        "1.2",
        "kg",
        null,
        null,
        count,
        "M 30",
        "blue",
        null,
        "2.1",
        "60");
  }

  static SeizureDraft draft(String when, List<SeizureDraft.SeizureItemDraft> items) {
    return new SeizureDraft(
        null,
        when,
        "America/Phoenix",
        "PORT_OF_ENTRY",
        "Nogales",
        "AZ",
        null,
        "31.3322",
        "-110.9381",
        null,
        Marking.of("CBP", Tlp.AMBER),
        items,
        List.of(),
        List.of());
  }

  @Test
  void aGoodReportHasNoProblems() {
    assertThat(SeizureRules.problems(draft("2025-05-31T09:30", List.of(pills("5000"))), NOW))
        .isEmpty();
  }

  @Test
  void badValuesAreEachReportedBesideTheirField() {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl",
            "437-38-8",
            "powder",
            "-3",
            "kg",
            "2",
            "stone",
            "40",
            null,
            null,
            "120",
            null,
            null);
    var problems = SeizureRules.problems(draft("2025-05-31T09:30", List.of(item)), NOW);
    assertThat(problems)
        .extracting(FieldProblem::field)
        .contains(
            "items[0].netWeight", "items[0].grossUnit", "items[0].pillCount", "items[0].purityPct");
    assertThat(problems)
        .extracting(FieldProblem::message)
        .anyMatch(m -> m.contains("must be positive"))
        .anyMatch(m -> m.contains("'stone' is not one of"))
        .anyMatch(m -> m.contains("a pill count is for pills, not for powder"))
        .anyMatch(m -> m.contains("120% is not between 0 and 100%"));
  }

  @Test
  void aFutureDateAndCoordinatesOutOfRangeAreRefused() {
    var future = SeizureRules.problems(draft("2025-06-02T09:30", List.of(pills("10"))), NOW);
    assertThat(future)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("occurredAt");
              assertThat(p.message()).contains("in the future");
            });
    var far =
        new SeizureDraft(
            null,
            "2025-05-31T09:30",
            "America/Phoenix",
            "INTERIOR",
            null,
            "AZ",
            null,
            "91",
            "-181",
            null,
            Marking.of("CBP", Tlp.AMBER),
            List.of(pills("10")),
            List.of(),
            List.of());
    assertThat(SeizureRules.problems(far, NOW))
        .extracting(FieldProblem::field)
        .containsExactly("latitude", "longitude");
  }

  @Test
  void aPortSeizureNamesItsPortAndTheRegionIsAState() {
    var noPort =
        new SeizureDraft(
            null,
            "2025-05-31T09:30",
            "America/Phoenix",
            "port of entry",
            " ",
            "ZZ",
            null,
            null,
            null,
            null,
            Marking.of("CBP", Tlp.AMBER),
            List.of(pills("10")),
            List.of(),
            List.of());
    assertThat(SeizureRules.problems(noPort, NOW))
        .extracting(FieldProblem::field)
        .containsExactly("portOfEntry", "region");
  }

  @Test
  void theLocalMonthAndFiscalYearFollowTheZoneOfThePlace() {
    var checked = SeizureRules.checkOrThrow(draft("2024-09-30T23:30", List.of(pills("10"))), NOW);
    assertThat(checked.month()).isEqualTo("2024-09");
    assertThat(checked.fiscalYear()).isEqualTo(2024);
    var withOffset =
        SeizureRules.checkOrThrow(draft("2024-10-01T06:30:00Z", List.of(pills("10"))), NOW);
    assertThat(withOffset.occurredAt().getZone().getId()).isEqualTo("America/Phoenix");
    assertThat(withOffset.month()).as("23:30 in Phoenix on 30 September").isEqualTo("2024-09");
  }

  @Test
  void aZoneIsNeededForALocalTimeAndAnUnknownZoneIsRefused() {
    var noZone =
        new SeizureDraft(
            null,
            "2025-05-31T09:30",
            null,
            "INTERIOR",
            null,
            "AZ",
            null,
            null,
            null,
            null,
            Marking.of("CBP", Tlp.AMBER),
            List.of(pills("10")),
            List.of(),
            List.of());
    assertThat(SeizureRules.problems(noZone, NOW))
        .extracting(FieldProblem::field)
        .containsExactly("zone");
    var badZone =
        new SeizureDraft(
            null,
            "2025-05-31T09:30",
            "Mars/Olympus",
            "INTERIOR",
            null,
            "AZ",
            null,
            null,
            null,
            null,
            Marking.of("CBP", Tlp.AMBER),
            List.of(pills("10")),
            List.of(),
            List.of());
    assertThat(SeizureRules.problems(badZone, NOW))
        .extracting(FieldProblem::field)
        .containsExactly("zone");
  }

  @Test
  void hostileNumbersInEveryNumericFieldAreReportedBesideTheirField() {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl",
            null,
            "pills",
            "1e20000000",
            "kg",
            "NaN",
            "kg",
            "\u0665,000",
            null,
            null,
            "1e-2147483647",
            "5,5",
            "Infinity");
    var problems = SeizureRules.problems(draft("2025-05-31T09:30", List.of(item)), NOW);
    assertThat(problems)
        .extracting(FieldProblem::field)
        .containsOnly(
            "items[0].netWeight",
            "items[0].grossWeight",
            "items[0].pillCount",
            "items[0].purityPct",
            "items[0].shareAtLeast2mgPct",
            "items[0].mgPerPill");
  }

  @Test
  void anImplausiblePillCountIsRefusedBesideItsField() {
    var billion = pills("1000000000");
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl",
            null,
            "pills",
            null,
            null,
            null,
            null,
            "1000000000",
            null,
            null,
            null,
            "1000",
            null);

    assertThat(SeizureRules.problems(draft("2025-05-31T09:30", List.of(billion)), NOW))
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "items[0].pillCount", "items[0].pillCount 1000000000 is outside 0 to 50000000"));
    assertThat(SeizureRules.problems(draft("2025-05-31T09:30", List.of(item)), NOW))
        .extracting(FieldProblem::field)
        .contains("items[0].pillCount");
  }

  @Test
  void thePillCountLimitIsConfigurable() {
    var limits = new SeizureLimits(100);

    assertThat(SeizureRules.problems(draft("2025-05-31T09:30", List.of(pills("100"))), NOW, limits))
        .isEmpty();
    assertThat(SeizureRules.problems(draft("2025-05-31T09:30", List.of(pills("101"))), NOW, limits))
        .extracting(FieldProblem::field)
        .containsExactly("items[0].pillCount");
  }

  @Test
  void negativeAndSignedPillCountsAreRefused() {
    for (String count : List.of("-1", "+5", "5.5", "1e3x", "\uFF15")) {
      assertThat(SeizureRules.problems(draft("2025-05-31T09:30", List.of(pills(count))), NOW))
          .as(count)
          .extracting(FieldProblem::field)
          .containsExactly("items[0].pillCount");
    }
  }
}
