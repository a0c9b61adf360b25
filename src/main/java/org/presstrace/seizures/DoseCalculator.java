package org.presstrace.seizures;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The dose arithmetic: for one seized item, the fentanyl mass each method finds, and the doses in
 * it. Only fentanyl-class items have doses; a method that lacks its inputs does not apply.
 */
public final class DoseCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final DoseSettings settings;

  public DoseCalculator(DoseSettings settings) {
    this.settings = settings;
  }

  public DoseSettings settings() {
    return settings;
  }

  /** The fentanyl mass in mg by each method that applies to {@code item}, best method first. */
  public Map<DoseMethod, BigDecimal> fentanylMg(SeizureItem item) {
    var masses = new EnumMap<DoseMethod, BigDecimal>(DoseMethod.class);
    if (!item.fentanylClass() || item.form() == ItemForm.PRECURSOR) {
      return masses;
    }
    if (item.net() != null && item.purityPct() != null) {
      masses.put(DoseMethod.LAB_PURITY, percent(item.net().milligrams(), item.purityPct()));
    }
    if (item.pillCount() != null && item.mgPerPill() != null) {
      masses.put(
          DoseMethod.PILL_CONTENT, BigDecimal.valueOf(item.pillCount()).multiply(item.mgPerPill()));
    }
    BigDecimal assumed = assumedMg(item);
    if (assumed != null) {
      masses.put(DoseMethod.ASSUMED_PURITY, assumed);
    }
    Quantity unadjusted = item.gross() != null ? item.gross() : item.net();
    if (unadjusted != null) {
      masses.put(DoseMethod.GROSS_UNADJUSTED, unadjusted.milligrams());
    }
    return masses;
  }

  /** Every estimate that applies to {@code item}, each with its method and assumptions. */
  public java.util.List<DoseEstimate> estimates(SeizureItem item) {
    return fentanylMg(item).entrySet().stream()
        .map(e -> estimate(e.getKey(), e.getValue(), assumptions(e.getKey(), item)))
        .toList();
  }

  /** An estimate of {@code fentanylMg} by {@code method}. */
  public DoseEstimate estimate(DoseMethod method, BigDecimal fentanylMg, String assumptions) {
    return new DoseEstimate(
        method, fentanylMg, DoseEstimate.doses(fentanylMg, settings), assumptions);
  }

  /** The unadjusted doses in a gross weight: {@code mass / threshold}, as 100% fentanyl. */
  public long unadjustedDoses(Quantity gross) {
    return DoseEstimate.doses(gross.milligrams(), settings);
  }

  /** The doses in a net weight at {@code purityPct} percent. */
  public long purityDoses(Quantity net, BigDecimal purityPct) {
    return DoseEstimate.doses(percent(net.milligrams(), purityPct), settings);
  }

  /** The sentence stating what a method assumes for {@code item}. */
  public String assumptions(DoseMethod method, SeizureItem item) {
    String threshold = " at " + plain(settings.lethalDoseMg()) + " mg per potentially lethal dose";
    return switch (method) {
      case LAB_PURITY ->
          item.net() + " net x " + plain(item.purityPct()) + "% lab purity" + threshold;
      case PILL_CONTENT ->
          item.pillCount()
              + " pills x "
              + plain(item.mgPerPill())
              + " mg per pill (lab)"
              + threshold;
      case ASSUMED_PURITY -> assumedBasis(item) + threshold;
      case GROSS_UNADJUSTED ->
          (item.gross() != null
                  ? item.gross() + " gross"
                  : item.net() + " net (no gross weight recorded)")
              + " taken as 100% fentanyl"
              + threshold;
    };
  }

  /**
   * What the assumed-purity method assumed for {@code item}, or {@code null} if it does not apply.
   */
  public String assumedBasis(SeizureItem item) {
    if (item.form() == ItemForm.PILLS && item.pillCount() != null && item.mgPerPill() == null) {
      return item.pillCount()
          + " pills x "
          + plain(settings.pillMg())
          + " mg per pill (configured)";
    }
    if (item.form() != ItemForm.PILLS && item.net() != null && item.purityPct() == null) {
      return item.net() + " net x " + plain(settings.powderPurityPct()) + "% purity (configured)";
    }
    return null;
  }

  private BigDecimal assumedMg(SeizureItem item) {
    if (item.form() == ItemForm.PILLS && item.pillCount() != null && item.mgPerPill() == null) {
      return BigDecimal.valueOf(item.pillCount()).multiply(settings.pillMg());
    }
    if (item.form() != ItemForm.PILLS && item.net() != null && item.purityPct() == null) {
      return percent(item.net().milligrams(), settings.powderPurityPct());
    }
    return null;
  }

  private static BigDecimal percent(BigDecimal mg, BigDecimal pct) {
    return mg.multiply(pct).divide(HUNDRED);
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
