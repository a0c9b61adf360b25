package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

/**
 * The potency-adjusted dose figure against the sourced data file, and what the plain figures and
 * the gross-weight figure on pills say they assume.
 */
class PotencyAdjustedDoseTests {

  final RelativePotencies potencies = RelativePotencies.published();
  final DoseCalculator calculator = new DoseCalculator(DoseSettings.published(), potencies);

  static Screening listed(String id) {
    return new Screening("LISTED", id, id, "fentanyl", "exact name '" + id + "'");
  }

  static SeizureItem powder(Screening screening, String grams, String purityPct) {
    return new SeizureItem(
        screening.substanceName() == null ? "fentanyl analogue" : screening.substanceName(),
        null,
        ItemForm.POWDER,
        new Quantity(new BigDecimal(grams), MassUnit.G),
        null,
        null,
        null,
        null,
        purityPct == null ? null : new BigDecimal(purityPct),
        null,
        null,
        screening);
  }

  static SeizureItem pills(long count, String grossKg, String mgPerPill) {
    return new SeizureItem(
        "fentanyl",
        null,
        ItemForm.PILLS,
        null,
        new Quantity(new BigDecimal(grossKg), MassUnit.KG),
        count,
        "M 30",
        "blue",
        null,
        mgPerPill == null ? null : new BigDecimal(mgPerPill),
        null,
        listed("fentanyl"));
  }

  @Test
  void theDataFileHasAVersionAndEverySourcedRowNamesItsSource() {
    assertThat(potencies.version()).isEqualTo("1");
    assertThat(potencies.rows()).isNotEmpty();
    potencies.rows().forEach(row -> assertThat(row.source()).as(row.substanceId()).isNotBlank());
    assertThat(potencies.of("fentanyl").relativePotency()).isEqualByComparingTo("1");
    var carfentanil = potencies.of("carfentanil");
    assertThat(carfentanil.relativePotency()).isEqualByComparingTo("100");
    assertThat(carfentanil.source()).contains("DEA").contains("2016-09-22");
    assertThat(potencies.of("acetylfentanyl").relativePotency())
        .as("no sourced value: unknown, not a guess")
        .isNull();
    assertThat(potencies.of("never-heard-of-it").relativePotency()).isNull();
  }

  @Test
  void carfentanilGetsAHundredfoldFentanylEquivalentAndThePlainFigureStaysLabelled() {
    // 1 g at 10% = 100 mg of carfentanil: 50 "doses" counted as fentanyl, 10,000 mg fentanyl
    // equivalent = 5,000 doses at 2 mg.
    SeizureItem item = powder(listed("carfentanil"), "1", "10");
    var plain = calculator.estimates(item);
    assertThat(plain)
        .extracting(DoseEstimate::method)
        .as("the plain methods, unchanged and unmixed")
        .containsExactly(DoseMethod.LAB_PURITY, DoseMethod.GROSS_UNADJUSTED);
    DoseEstimate lab = plain.get(0);
    assertThat(lab.method()).isEqualTo(DoseMethod.LAB_PURITY);
    assertThat(lab.doses()).isEqualTo(50L);
    assertThat(lab.assumptions())
        .contains("carfentanil counted as fentanyl (not potency-adjusted)");

    PotencyAdjusted adjusted = calculator.potencyAdjusted(item, lab);
    assertThat(adjusted.known()).isTrue();
    assertThat(adjusted.relativePotency()).isEqualByComparingTo("100");
    assertThat(adjusted.basedOn()).isEqualTo(DoseMethod.LAB_PURITY);
    assertThat(adjusted.fentanylEquivalentMg()).isEqualByComparingTo("10000");
    assertThat(adjusted.doses()).isEqualTo(5_000L);
    assertThat(adjusted.assumptions())
        .contains("100 x fentanyl")
        .contains("DEA")
        .contains("relative-potency list version 1")
        .contains("2 mg");
  }

  @Test
  void anItemOfUnknownPotencySaysSoAndGetsNoAdjustedFigure() {
    SeizureItem acetyl = powder(listed("acetylfentanyl"), "5", "20");
    PotencyAdjusted adjusted =
        calculator.potencyAdjusted(acetyl, calculator.estimates(acetyl).get(0));
    assertThat(adjusted.known()).isFalse();
    assertThat(adjusted.fentanylEquivalentMg()).isNull();
    assertThat(adjusted.doses()).isNull();
    assertThat(adjusted.assumptions()).contains("unknown").contains("acetylfentanyl");

    Screening classOnly = new Screening("CLASS", null, null, "fentanyl", "rule A: ...");
    SeizureItem analogue = powder(classOnly, "5", "20");
    PotencyAdjusted byClass =
        calculator.potencyAdjusted(analogue, calculator.estimates(analogue).get(0));
    assertThat(byClass.known()).isFalse();
    assertThat(byClass.doses()).isNull();
    assertThat(byClass.assumptions()).contains("unknown");
  }

  @Test
  void fentanylItselfIsNotRelabelledAndItsAdjustedFigureEqualsThePlainOne() {
    SeizureItem item = powder(listed("fentanyl"), "1", "10");
    DoseEstimate lab = calculator.estimates(item).get(0);
    assertThat(lab.assumptions()).doesNotContain("not potency-adjusted");
    assertThat(calculator.potencyAdjusted(item, lab).doses()).isEqualTo(lab.doses());
  }

  @Test
  void aFileRowWithoutSourceOrWithANonPositivePotencyIsRefused() {
    assertThatThrownBy(() -> parse("# version,2\nsubstance_id,relative_potency,source\nx,5,\n"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("x")
        .hasMessageContaining("source");
    assertThatThrownBy(() -> parse("# version,2\nsubstance_id,relative_potency,source\nx,0,DEA\n"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("x");
    assertThatThrownBy(() -> parse("substance_id,relative_potency,source\nx,5,DEA\n"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("version");
    assertThatThrownBy(
            () -> parse("# version,2\nsubstance_id,relative_potency,source\nx,5,DEA\nx,6,DEA\n"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("twice");
  }

  static RelativePotencies parse(String text) {
    return RelativePotencies.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv");
  }

  @Test
  void theGrossWeightOnPillsSaysItCountsWholePillsAsFentanylAndIsNeverBest() {
    // 10,000 pills weighing 1.18 kg: 118 mg a pill, 59 "doses" a pill by gross weight.
    for (SeizureItem item :
        java.util.List.of(pills(10_000, "1.18", null), pills(10_000, "1.18", "2.4"))) {
      var estimates = calculator.estimates(item);
      DoseEstimate gross =
          estimates.stream()
              .filter(e -> e.method() == DoseMethod.GROSS_UNADJUSTED)
              .findFirst()
              .orElseThrow();
      assertThat(gross.doses()).isEqualTo(590_000L);
      assertThat(gross.assumptions())
          .contains("whole pills (binder and filler included) taken as 100% fentanyl")
          .contains("118 mg per pill")
          .contains("59 doses per pill");
      assertThat(estimates.get(0).method())
          .as("a pill-count method applies, so the gross figure is never the best available")
          .isIn(DoseMethod.PILL_CONTENT, DoseMethod.ASSUMED_PURITY);
    }
  }
}
