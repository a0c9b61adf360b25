package org.presstrace.seizures;

import java.math.BigDecimal;

/**
 * The potency-adjusted dose figure of one item, kept apart from the plain methods and never summed
 * with them: the substance mass of the best available plain method times the substance's relative
 * potency to fentanyl, as a fentanyl-equivalent mass, divided by the threshold.
 *
 * @param method always {@value #METHOD}, so the figure is never read as a plain one
 * @param substanceId the listed substance the screen found, or {@code null} for a class match
 * @param relativePotency the sourced relative potency, or {@code null} when unknown
 * @param source where the relative potency comes from, or why it is unknown
 * @param basedOn the plain method whose substance mass is adjusted
 * @param fentanylEquivalentMg {@code null} when the potency is unknown
 * @param doses {@code null} when the potency is unknown
 * @param assumptions what the figure assumes, or why there is none, in words
 */
public record PotencyAdjusted(
    String method,
    String substanceId,
    BigDecimal relativePotency,
    String source,
    DoseMethod basedOn,
    BigDecimal fentanylEquivalentMg,
    Long doses,
    String assumptions) {

  public static final String METHOD = "POTENCY_ADJUSTED";

  public PotencyAdjusted {
    if (!METHOD.equals(method)) {
      throw new IllegalArgumentException("a potency-adjusted figure has method " + METHOD);
    }
  }

  public boolean known() {
    return relativePotency != null;
  }
}
