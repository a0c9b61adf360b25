package org.presstrace.substances.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.Substance;

/**
 * The controls of the built-in list as the law lists them, read from the list file: every US
 * control cites the Federal Register or the CFR and says whether it is temporary or permanent; the
 * nitazenes, the named fentanyl analogues and the precursors carry their listings and dates.
 */
class ControlDataTests {

  private static final Pattern US_CITATION =
      Pattern.compile(
          "(\\d+ FR \\d+|21 CFR 13\\d\\d\\.\\d+|Public Law \\d+-\\d+|FR Doc\\. \\d{4}-\\d+"
              + "|citation to verify).*");

  private static Substance builtIn(String id) {
    return ReferenceList.builtIn().substances().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " is not in the built-in list"));
  }

  private static List<ControlAction> us(String id) {
    return builtIn(id).controls().stream().filter(c -> c.jurisdiction().equals("USA")).toList();
  }

  private static List<ControlAction> everyControl() {
    var all = new ArrayList<ControlAction>(ReferenceList.builtIn().classControls());
    ReferenceList.builtIn().substances().forEach(s -> all.addAll(s.controls()));
    return all;
  }

  @Test
  void everyUsControlCitesTheFederalRegisterOrTheCfrAndItsOrder() {
    String domain = "PressTrace DOMAIN.md section 4";
    for (ControlAction control : everyControl()) {
      if (!control.jurisdiction().equals("USA")) {
        continue;
      }
      String what = control.substanceId() + "/" + control.classRule() + " " + control.category();
      assertThat(control.citation()).as(what).matches(US_CITATION);
      assertThat(control.order()).as(what).isIn("temporary", "permanent");
      assertThat(control.source()).as(what).doesNotStartWith(domain);
      if (control.drugCode() != null) {
        assertThat(control.drugCode()).as(what).matches("\\d{4}");
      }
    }
  }

  @Test
  void isotonitazeneTemporaryOrderEndsWhenThePermanentListingBegins() {
    var controls = us("isotonitazene");
    assertThat(controls).hasSize(2);
    ControlAction temporary = controls.stream().filter(ControlAction::temporary).findFirst().get();
    ControlAction permanent = controls.stream().filter(c -> !c.temporary()).findFirst().get();

    assertThat(temporary.category()).isEqualTo("Schedule I");
    assertThat(temporary.effectiveFrom()).isEqualTo(LocalDate.of(2020, 8, 20));
    assertThat(temporary.citation()).startsWith("85 FR 51342");
    assertThat(temporary.effectiveTo()).isEqualTo(LocalDate.of(2021, 12, 6));
    assertThat(permanent.effectiveFrom()).isEqualTo(temporary.effectiveTo());
    assertThat(permanent.citation()).startsWith("86 FR 60761");
    assertThat(permanent.drugCode()).isEqualTo("9614");

    LocalDate underTheOrder = LocalDate.of(2021, 1, 1);
    LocalDate afterIt = LocalDate.of(2025, 1, 1);
    assertThat(temporary.inForceOn(underTheOrder)).isTrue();
    assertThat(permanent.inForceOn(underTheOrder)).isFalse();
    assertThat(temporary.inForceOn(afterIt)).isFalse();
    assertThat(permanent.inForceOn(afterIt)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "metonitazene",
        "protonitazene",
        "etonitazepyne",
        "butonitazene",
        "flunitazene",
        "metodesnitazene",
        "etodesnitazene"
      })
  void theNitazenesOf2022AreInScheduleIByTheTemporaryOrder(String id) {
    ControlAction order =
        us(id).stream().filter(ControlAction::temporary).findFirst().orElseThrow();

    assertThat(order.category()).isEqualTo("Schedule I");
    assertThat(order.effectiveFrom()).isEqualTo(LocalDate.of(2022, 4, 12));
    assertThat(order.citation()).startsWith("87 FR 21556");
    assertThat(us(id)).anyMatch(c -> c.inForceOn(LocalDate.of(2023, 1, 1)));
    assertThat(us(id)).as("still controlled").anyMatch(c -> c.inForceOn(LocalDate.of(2025, 1, 1)));
  }

  @Test
  void protonitazeneMovesFromTheTemporaryOrderToThePermanentRule() {
    ControlAction permanent =
        us("protonitazene").stream().filter(c -> !c.temporary()).findFirst().orElseThrow();

    assertThat(permanent.citation()).startsWith("89 FR 25514");
    assertThat(permanent.effectiveFrom()).isEqualTo(LocalDate.of(2024, 4, 11));
    assertThat(us("protonitazene").stream().filter(ControlAction::temporary))
        .singleElement()
        .extracting(ControlAction::effectiveTo)
        .isEqualTo(LocalDate.of(2024, 4, 11));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"etonitazene", "clonitazene"})
  void etonitazeneAndClonitazeneAreListedOfLongStanding(String id) {
    assertThat(us(id))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.category()).isEqualTo("Schedule I");
              assertThat(c.citation()).startsWith("21 CFR 1308.11(b)");
              assertThat(c.order()).isEqualTo("permanent");
              assertThat(c.inForceOn(LocalDate.of(2025, 1, 1))).isTrue();
            });
    assertThat(builtIn(id).controls())
        .anyMatch(c -> c.jurisdiction().equals("UN") && c.instrument().equals("1961 Convention"))
        .anyMatch(c -> c.jurisdiction().equals("CHN") && c.instrument().equals("Narcotic drugs"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "acetylfentanyl, Schedule I, 9821",
    "acrylfentanyl, Schedule I, 9811",
    "furanylfentanyl, Schedule I,",
    "para-fluorofentanyl, Schedule I,",
    "3-methylfentanyl, Schedule I,",
    "alpha-methylfentanyl, Schedule I,",
    "beta-hydroxyfentanyl, Schedule I,",
    "thiofentanyl, Schedule I,",
    "methoxyacetylfentanyl, Schedule I,",
    "isobutyrylfentanyl, Schedule I,",
    "cyclopropylfentanyl, Schedule I,",
    "ocfentanil, Schedule I,",
    "valerylfentanyl, Schedule I,",
    "butyrylfentanyl, Schedule I,",
    "para-fluorobutyrylfentanyl, Schedule I,",
    "tetrahydrofuranylfentanyl, Schedule I,",
    "4-fluoroisobutyrylfentanyl, Schedule I,",
    "fentanyl-carbamate, Schedule I,",
    "carfentanil, Schedule II, 9743",
    "alfentanil, Schedule II, 9737",
    "fentanyl, Schedule II, 9801"
  })
  void namedFentanylsCarryTheirOwnListing(String id, String schedule, String code) {
    ControlAction listing = us(id).get(0);

    assertThat(listing.category()).isEqualTo(schedule);
    assertThat(listing.citation())
        .contains(schedule.equals("Schedule I") ? "21 CFR 1308.11(b)" : "21 CFR 1308.12(c)");
    assertThat(listing.drugCode()).isEqualTo(code);
  }

  @Test
  void fentanylCarbamateIsListedFrom2021ByTheRuleOfFourSubstances() {
    ControlAction listing = us("fentanyl-carbamate").get(0);

    assertThat(listing.citation()).startsWith("86 FR 23602");
    assertThat(listing.effectiveFrom()).isEqualTo(LocalDate.of(2021, 5, 4));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"npp", "1-boc-4-ap", "fentanyl", "4-ap", "benzylfentanyl", "anpp"})
  void precursorsAndFentanylAreControlledInTheUsOnTheFirstDayOf2025(String id) {
    assertThat(us(id)).anyMatch(c -> c.inForceOn(LocalDate.of(2025, 1, 1)));
  }

  @Test
  void oneBocFourApIsControlledFromTheFourApRuleNotFromItsOwnListing() {
    ControlAction listing = us("1-boc-4-ap").get(0);

    assertThat(listing.effectiveFrom()).isEqualTo(LocalDate.of(2020, 5, 15));
    assertThat(listing.citation()).startsWith("85 FR 20822").contains("87 FR 67550");
  }

  @Test
  void chinasNamedNitazenesCiteTheAnnouncement() {
    for (String id : List.of("metonitazene", "protonitazene")) {
      assertThat(builtIn(id).controls())
          .filteredOn(c -> c.jurisdiction().equals("CHN"))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.effectiveFrom()).isEqualTo(LocalDate.of(2024, 7, 1));
                assertThat(c.citation()).contains("46");
              });
    }
  }

  private static ReferenceList parse(String control) {
    String json =
        """
        {"version": "t", "sources": {"s": "a source", "domain": "PressTrace DOMAIN.md",
          "no-cas": "none"},
         "substances": [{"id": "x", "name": "x", "cas": null, "casNote": "no-cas",
           "family": "fentanyl", "smiles": "C", "controls": [%s]}], "classes": []}
        """
            .formatted(control);
    return ReferenceList.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aUsControlWithoutACitationOrOrderOrCitingDomainIsRefused() {
    String base =
        "\"jurisdiction\": \"USA\", \"instrument\": \"CSA\", \"category\": \"Schedule I\","
            + " \"effective\": \"2020-01-01\"";
    assertThatThrownBy(() -> parse("{" + base + ", \"order\": \"permanent\", \"source\": \"s\"}"))
        .hasMessageContaining("needs 'citation'");
    assertThatThrownBy(() -> parse("{" + base + ", \"citation\": \"1 FR 2\", \"source\": \"s\"}"))
        .hasMessageContaining("needs 'order'");
    assertThatThrownBy(
            () ->
                parse(
                    "{"
                        + base
                        + ", \"citation\": \"1 FR 2\", \"order\": \"permanent\","
                        + " \"source\": \"domain\"}"))
        .hasMessageContaining("cites DOMAIN.md");
    assertThatThrownBy(
            () ->
                parse(
                    "{"
                        + base
                        + ", \"citation\": \"1 FR 2\", \"order\": \"forever\", \"source\": \"s\"}"))
        .hasMessageContaining("not temporary or permanent");
    assertThatThrownBy(
            () ->
                parse(
                    "{"
                        + base
                        + ", \"citation\": \"1 FR 2\", \"order\": \"permanent\","
                        + " \"drugCode\": \"98O1\", \"source\": \"s\"}"))
        .hasMessageContaining("not four digits");
    assertThatThrownBy(
            () ->
                parse(
                    "{"
                        + base
                        + ", \"until\": \"2019-01-01\", \"citation\": \"1 FR 2\","
                        + " \"order\": \"temporary\", \"source\": \"s\"}"))
        .hasMessageContaining("ends on or before it starts");
  }
}
