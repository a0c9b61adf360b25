package org.presstrace.seizures;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One period (and group) of a seizure series. Doses are never summed across methods: each method
 * has its own total over the items it applies to, and the best-available total says how many items
 * each method supplied.
 *
 * @param period a month ({@code 2025-03}), a fiscal year ({@code FY2025}) or {@code all}
 * @param group the region, port, substance or context; {@code all} without a breakdown
 * @param seizures seizures with at least one item in the group (by substance) or in total
 * @param presses presses seized; {@code null} in a breakdown by substance, where it has no meaning
 * @param netKg net weight of every item, all substances, in kilograms
 * @param pills pills seized
 * @param byMethod per method: fentanyl mass, doses and how many items the method covered
 * @param best the best available estimate per item, summed, and how many items used each method
 * @param basis the threshold and assumed purities every dose figure of the row rests on
 */
public record SeriesRow(
    String period,
    String group,
    long seizures,
    Long presses,
    BigDecimal netKg,
    long pills,
    Map<DoseMethod, MethodTotal> byMethod,
    BestAvailable best,
    Basis basis) {

  /** Kilograms in one international avoirdupois pound, exactly (1959 agreement). */
  private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

  /** The net weight in pounds (CBP reports seizures by pounds), to three decimals. */
  public BigDecimal netLb() {
    return netKg.divide(KG_PER_LB, 3, java.math.RoundingMode.HALF_UP);
  }

  /**
   * The total of one method.
   *
   * @param method what the method does, in words
   * @param assumptions what the figure assumes, including the threshold
   */
  public record MethodTotal(
      String method, BigDecimal fentanylMg, long doses, long items, String assumptions) {}

  /**
   * The best available method per item (lab purity, then pill content, then assumed purity, then
   * unadjusted gross weight), summed.
   *
   * @param assumptions how the method was chosen per item and what the figure assumes
   */
  public record BestAvailable(
      long doses, Map<DoseMethod, Long> itemsByMethod, String assumptions) {}

  /**
   * The configured figures the row's doses rest on.
   *
   * @param lethalDoseMg the threshold every dose figure divides by
   * @param assumedPowderPurityPct the purity the assumed-purity method takes for powder and liquid
   * @param assumedPillMg the fentanyl per pill the assumed-purity method takes for pills
   */
  public record Basis(
      BigDecimal lethalDoseMg, BigDecimal assumedPowderPurityPct, BigDecimal assumedPillMg) {}
}
