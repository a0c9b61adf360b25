package org.presstrace.seizures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Potentially lethal doses in an amount of fentanyl, by one stated method.
 *
 * @param fentanylMg the fentanyl mass the method finds
 * @param doses {@code fentanylMg / lethalDoseMg}, rounded half up to a whole dose
 * @param assumptions what the figure assumes, in words, including the threshold
 */
public record DoseEstimate(
    DoseMethod method, BigDecimal fentanylMg, long doses, String assumptions) {

  /** The doses in {@code fentanylMg} at the configured threshold. */
  public static long doses(BigDecimal fentanylMg, DoseSettings settings) {
    return fentanylMg.divide(settings.lethalDoseMg(), 0, RoundingMode.HALF_UP).longValueExact();
  }
}
