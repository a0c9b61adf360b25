package org.presstrace.resolution.internal;

import java.util.Collection;
import org.presstrace.resolution.internal.ValueCounts.Field;

/**
 * Term-frequency adjustment of an agreement weight: two records agreeing on "smith" say less than
 * two agreeing on "linacre". Fellegi-Sunter weighs an exact agreement log2(m/u), with u the chance
 * that two different records agree on the property; for one value that chance is the share of
 * records carrying it (Splink's term-frequency u). Here the share is taken relative to the share of
 * the average value (the records carrying the property over its distinct values), and the log2 of
 * that ratio is added to the level's weight:
 *
 * <pre>
 *   average    = max(records with a value / distinct values - 2 - HIDDEN, 0)
 *   held       = max(count - 2 - HIDDEN, 0)
 *   prior      = PSEUDO_RECORDS * u
 *   adjustment = clamp(round(log2((average + prior) / (held + prior)) / STEP) * STEP,
 *                      LEAST_AGREEMENT - weight, ceiling)
 * </pre>
 *
 * <p>count is the number of records carrying the value, the pair itself included. The prior, the
 * holders the feature's own u expects among {@link #PSEUDO_RECORDS} records, keeps the adjustment
 * near zero until a value is held by many more records than the average one: a handful of records
 * cannot make a value look common. The pair and the first {@link #HIDDEN} other holders of a value
 * (of the average value too) do not count, so a small file or index is weighed as before: whether a
 * few other records (another agency's hidden ones among them) carry a rare name changes nothing,
 * and every value held by so few records weighs the same. The ceiling keeps a rare value from
 * outweighing a disagreement on the date of birth; the floor keeps an agreement, however common,
 * from counting against a pair. Rounding to half a bit keeps the weight still while the counts move
 * by a record or two.
 */
final class TermWeights {

  /** Holders of a value beyond the pair that do not count. */
  static final int HIDDEN = 5;

  /** Records at the feature's own u that every count is weighed with. */
  static final double PSEUDO_RECORDS = 10_000;

  /** The adjustment moves in steps of this many bits. */
  static final double STEP = 0.5;

  /** The weight an agreement keeps, at least, however common its value (bits). */
  static final double LEAST_AGREEMENT = 1.0;

  /** No counts: every adjustment is zero (one pair scored on its own). */
  static final TermWeights NONE = new TermWeights(new ValueCounts());

  private final ValueCounts counts;

  TermWeights(ValueCounts counts) {
    this.counts = counts;
  }

  /**
   * The adjustment, in bits, of an agreement of weight {@code weight} on a feature whose u is
   * {@code u}, on {@code values} (what each side brought; the commonest counts), at most {@code
   * ceiling}.
   */
  double adjustment(
      Field field, double u, double weight, double ceiling, Collection<String> values) {
    int distinct = counts.distinct(field);
    if (distinct == 0) {
      return 0;
    }
    double average = beyond((double) counts.total(field) / distinct);
    double prior = PSEUDO_RECORDS * u;
    double held = 0;
    for (String value : values) {
      held = Math.max(held, beyond(counts.count(field, value)));
    }
    double bits = Math.round(log2((average + prior) / (held + prior)) / STEP) * STEP;
    return Math.max(LEAST_AGREEMENT - weight, Math.min(ceiling, bits));
  }

  /** The holders of a value beyond the pair and the first {@link #HIDDEN} others. */
  private static double beyond(double holders) {
    return Math.max(holders - 2 - HIDDEN, 0);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
