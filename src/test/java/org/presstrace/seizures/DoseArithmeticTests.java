package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

/** Exact unit conversion and the dose arithmetic, with the published checks of DOMAIN.md 5. */
class DoseArithmeticTests {

  final DoseCalculator calculator = new DoseCalculator(DoseSettings.published());
  final Screening fentanyl = new Screening("LISTED", "fentanyl", "fentanyl", "fentanyl", "exact");

  @Test
  void poundsAndOuncesConvertExactlyByTheirDefinitions() {
    assertThat(MassUnit.LB.toMilligrams(BigDecimal.ONE)).isEqualByComparingTo("453592.37");
    assertThat(MassUnit.OZ.toMilligrams(BigDecimal.ONE)).isEqualByComparingTo("28349.523125");
    assertThat(MassUnit.OZ.toMilligrams(BigDecimal.valueOf(16)))
        .as("16 oz are exactly 1 lb")
        .isEqualByComparingTo(MassUnit.LB.toMilligrams(BigDecimal.ONE));
    assertThat(MassUnit.KG.toMilligrams(new BigDecimal("2.5"))).isEqualByComparingTo("2500000");
    assertThat(MassUnit.G.toMilligrams(new BigDecimal("0.001"))).isEqualByComparingTo("1");
    assertThat(MassUnit.LB.fromMilligrams(new BigDecimal("1000000"), 9))
        .isEqualByComparingTo("2.204622622");
  }

  @Test
  void unitsParseBySymbolAndNameAndAnUnknownUnitNamesTheField() {
    assertThat(MassUnit.parse("LBS", "u")).isEqualTo(MassUnit.LB);
    assertThat(MassUnit.parse(" kilograms ", "u")).isEqualTo(MassUnit.KG);
    assertThatThrownBy(() -> MassUnit.parse("stone", "items[0].netUnit"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("'stone' is not one of mg, g, kg, oz, lb")
        .extracting(e -> ((InvalidRequest) e).field())
        .isEqualTo("items[0].netUnit");
  }

  @Test
  void onePoundByTheUnadjustedMethodIs226796Doses() {
    assertThat(calculator.unadjustedDoses(new Quantity(BigDecimal.ONE, MassUnit.LB)))
        .isEqualTo(226_796L);
  }

  @Test
  void twentySevenThousandPoundsAtTwelvePercentIsAbout738MillionDoses() {
    long doses =
        calculator.purityDoses(
            new Quantity(BigDecimal.valueOf(27_000), MassUnit.LB), new BigDecimal("12"));
    assertThat(doses).isEqualTo(734_819_639L);
    assertThat(Math.abs(doses - 738_500_000.0) / 738_500_000.0)
        .as("within 1%% of the published 738.5 million")
        .isLessThan(0.01);
  }

  @Test
  void cbpFiscalYear2023PoundsBecomeAboutSixBillionUnadjustedDoses() {
    long doses = calculator.unadjustedDoses(new Quantity(BigDecimal.valueOf(27_023), MassUnit.LB));
    assertThat(doses).isBetween(6_100_000_000L, 6_200_000_000L);
  }

  @Test
  void everyMethodThatAppliesIsEstimatedBestFirstWithItsAssumptionsStated() {
    var pills = item(ItemForm.PILLS, "2", MassUnit.KG, "2.2", 20_000L, "1.5", "2.5");
    var estimates = calculator.estimates(pills);
    assertThat(estimates)
        .extracting(DoseEstimate::method)
        .containsExactly(
            DoseMethod.LAB_PURITY, DoseMethod.PILL_CONTENT, DoseMethod.GROSS_UNADJUSTED);
    // 2 kg x 1.5% = 30 g = 15,000 doses; 20,000 pills x 2.5 mg = 50 g = 25,000 doses
    assertThat(estimates.get(0).doses()).isEqualTo(15_000L);
    assertThat(estimates.get(1).doses()).isEqualTo(25_000L);
    assertThat(estimates.get(2).doses()).isEqualTo(1_100_000L);
    assertThat(estimates.get(0).assumptions())
        .contains("2 kg net x 1.5% lab purity")
        .contains("2 mg per potentially lethal dose");
    assertThat(estimates.get(2).assumptions())
        .contains("2.2 kg gross, whole pills (binder and filler included) taken as 100% fentanyl")
        .contains("110 mg per pill, 55 doses per pill");
  }

  @Test
  void withoutLabResultsTheConfiguredDefaultsApplyAndSaySo() {
    var powder = item(ItemForm.POWDER, "1", MassUnit.KG, null, null, null, null);
    var estimates = calculator.estimates(powder);
    assertThat(estimates)
        .extracting(DoseEstimate::method)
        .containsExactly(DoseMethod.ASSUMED_PURITY, DoseMethod.GROSS_UNADJUSTED);
    // 1 kg x 10.3% = 103 g = 51,500 doses
    assertThat(estimates.get(0).doses()).isEqualTo(51_500L);
    assertThat(estimates.get(0).assumptions()).contains("10.3% purity (configured)");
    assertThat(estimates.get(1).assumptions()).contains("no gross weight recorded");

    var pills = item(ItemForm.PILLS, null, null, null, 1_000L, null, null);
    assertThat(calculator.estimates(pills))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.method()).isEqualTo(DoseMethod.ASSUMED_PURITY);
              assertThat(e.doses()).isEqualTo(970L);
              assertThat(e.assumptions()).contains("1000 pills x 1.94 mg per pill (configured)");
            });
  }

  @Test
  void theThresholdIsConfigurationAndChangesEveryFigure() {
    var settings =
        new DoseSettings(BigDecimal.ONE, new BigDecimal("10.3"), new BigDecimal("1.94"), "DEA");
    assertThat(
            new DoseCalculator(settings).unadjustedDoses(new Quantity(BigDecimal.ONE, MassUnit.G)))
        .isEqualTo(1000L);
    assertThatThrownBy(
            () -> new DoseSettings(BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ONE, "DEA"))
        .isInstanceOf(InvalidRequest.class);
  }

  @Test
  void precursorsAndOtherDrugsHaveNoDoseEstimate() {
    var precursor =
        new SeizureItem(
            "4-ANPP",
            null,
            ItemForm.PRECURSOR,
            new Quantity(BigDecimal.TEN, MassUnit.KG),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new Screening("LISTED", "4-anpp", "4-ANPP", "fentanyl-precursor", "exact"));
    assertThat(calculator.estimates(precursor)).isEmpty();
    var meth =
        new SeizureItem(
            "methamphetamine",
            null,
            ItemForm.POWDER,
            new Quantity(BigDecimal.TEN, MassUnit.KG),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Screening.notListed());
    assertThat(calculator.estimates(meth)).isEmpty();
  }

  @Test
  void fiscalYearsRunOctoberToSeptember() {
    assertThat(FiscalYear.of(java.time.LocalDate.of(2023, 10, 1))).isEqualTo(2024);
    assertThat(FiscalYear.of(java.time.LocalDate.of(2024, 9, 30))).isEqualTo(2024);
    assertThat(FiscalYear.firstDay(2025)).isEqualTo(java.time.LocalDate.of(2024, 10, 1));
  }

  private SeizureItem item(
      ItemForm form,
      String net,
      MassUnit unit,
      String gross,
      Long pills,
      String purity,
      String mgPerPill) {
    return new SeizureItem(
        "fentanyl",
        null,
        form,
        net == null ? null : new Quantity(new BigDecimal(net), unit),
        gross == null ? null : new Quantity(new BigDecimal(gross), unit),
        pills,
        null,
        null,
        purity == null ? null : new BigDecimal(purity),
        mgPerPill == null ? null : new BigDecimal(mgPerPill),
        null,
        fentanyl);
  }
}
