package org.presstrace.seizures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The dose arithmetic: for one seized item, the fentanyl mass each method finds, and the doses in
 * it. Only fentanyl-class items have doses; a method that lacks its inputs does not apply.
 */
public final class DoseCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final DoseSettings settings;
  private final RelativePotencies potencies;

  /** A calculator with the relative potencies shipped with PressTrace. */
  public DoseCalculator(DoseSettings settings) {
    this(settings, RelativePotencies.published());
  }

  public DoseCalculator(DoseSettings settings, RelativePotencies potencies) {
    this.settings = settings;
    this.potencies = potencies;
  }

  public RelativePotencies potencies() {
    return potencies;
  }

  /**
   * The potency-adjusted figure of {@code item} from its best plain estimate {@code best}: the
   * substance mass times its sourced relative potency to fentanyl, or a figure that says the
   * potency is unknown and gives no doses.
   */
  public PotencyAdjusted potencyAdjusted(SeizureItem item, DoseEstimate best) {
    String id = item.screening() == null ? null : item.screening().substanceId();
    RelativePotencies.Potency potency = potencies.of(id);
    String name = substanceName(item);
    String list = " (relative-potency list version " + potencies.version() + ")";
    if (potency.relativePotency() == null) {
      return new PotencyAdjusted(
          PotencyAdjusted.METHOD,
          id,
          null,
          potency.source(),
          best.method(),
          null,
          null,
          "relative potency of "
              + name
              + " to fentanyl unknown"
              + list
              + ": "
              + potency.source()
              + "; no potency-adjusted figure");
    }
    BigDecimal equivalent = best.fentanylMg().multiply(potency.relativePotency());
    return new PotencyAdjusted(
        PotencyAdjusted.METHOD,
        id,
        potency.relativePotency(),
        potency.source(),
        best.method(),
        equivalent,
        DoseEstimate.doses(equivalent, settings),
        plain(best.fentanylMg())
            + " mg of "
            + name
            + " by "
            + best.method()
            + " x "
            + plain(potency.relativePotency())
            + " x fentanyl by mass"
            + list
            + ", source: "
            + potency.source()
            + "; at "
            + plain(settings.lethalDoseMg())
            + " mg of fentanyl per potentially lethal dose");
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
    return basis(method, item) + threshold() + asFentanyl(item);
  }

  /** The threshold clause every plain figure carries. */
  public String threshold() {
    return " at " + plain(settings.lethalDoseMg()) + " mg per potentially lethal dose";
  }

  /**
   * For an item that is not fentanyl itself, the clause saying its mass is counted as fentanyl: the
   * plain figures are not potency-adjusted.
   */
  public String asFentanyl(SeizureItem item) {
    String id = item.screening() == null ? null : item.screening().substanceId();
    if ("fentanyl".equals(id)) {
      return "";
    }
    return "; " + substanceName(item) + " counted as fentanyl (not potency-adjusted)";
  }

  private static String substanceName(SeizureItem item) {
    Screening screening = item.screening();
    if (screening != null && screening.substanceName() != null) {
      return screening.substanceName();
    }
    return "'" + item.substance() + "' (a fentanyl-related substance by class)";
  }

  private String basis(DoseMethod method, SeizureItem item) {
    return switch (method) {
      case LAB_PURITY -> item.net() + " net x " + plain(item.purityPct()) + "% lab purity";
      case PILL_CONTENT ->
          item.pillCount() + " pills x " + plain(item.mgPerPill()) + " mg per pill (lab)";
      case ASSUMED_PURITY -> assumedBasis(item);
      case GROSS_UNADJUSTED -> grossBasis(item);
    };
  }

  /**
   * What the unadjusted method takes for {@code item}; on pills, the whole pill weight and the
   * "doses" per pill that makes.
   */
  public String grossBasis(SeizureItem item) {
    Quantity weight = item.gross() != null ? item.gross() : item.net();
    String which =
        item.gross() != null
            ? item.gross() + " gross"
            : item.net() + " net (no gross weight recorded)";
    if (item.form() == ItemForm.PILLS && item.pillCount() != null && item.pillCount() > 0) {
      BigDecimal perPill =
          weight.milligrams().divide(BigDecimal.valueOf(item.pillCount()), 0, RoundingMode.HALF_UP);
      BigDecimal dosesPerPill = perPill.divide(settings.lethalDoseMg(), 0, RoundingMode.HALF_UP);
      return which
          + ", whole pills (binder and filler included) taken as 100% fentanyl, an upper bound:"
          + " about "
          + plain(perPill)
          + " mg per pill, "
          + plain(dosesPerPill)
          + " doses per pill";
    }
    if (item.form() == ItemForm.PILLS) {
      return which + ", whole pills (binder and filler included) taken as 100% fentanyl";
    }
    return which + " taken as 100% fentanyl";
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
