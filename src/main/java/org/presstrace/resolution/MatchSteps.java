package org.presstrace.resolution;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presstrace.resolution.internal.Prepared;
import org.presstrace.resolution.internal.RecordSteps;

/**
 * The steps of a matching run taken one record or one pair at a time, for an engine that spreads
 * them over machines (the Spark engine): the same preparation, blocking keys, value counts and
 * scoring with explanation that {@link Matching} takes in one process. Such an engine decides
 * itself which records meet, and must then apply {@link MatchOptions} as {@link Matching} does: a
 * blocking key carried by more than {@link MatchOptions#fanOutCap()} records (of either side, in a
 * linkage) makes no candidates; a pair is kept when its {@link Match#band()} is not {@link
 * MatchBand#DISTINCT}.
 */
public final class MatchSteps {

  private MatchSteps() {}

  /** {@code entity} normalised once, ready to block and score. */
  public static PreparedEntity prepare(Entity entity) {
    return new PreparedEntity(Prepared.of(entity));
  }

  /**
   * A scorer for pairs of prepared entities. {@code counts} holds, for each counted field (the keys
   * of {@link PreparedEntity#countedValues()}), how many records of the run carry each value;
   * {@code totals} how many records carry a value of the field. Counted over the same records as
   * {@link Matching} counts them (both files of a linkage), the scores are equal.
   */
  public static Scoring scoring(
      MatchOptions options, Map<String, Map<String, Integer>> counts, Map<String, Integer> totals) {
    var scorer = RecordSteps.scorer(options, counts, totals);
    return (left, right) -> scorer.compare(left.prepared, right.prepared);
  }

  /** An entity with every property normalised, opaque but for what blocking and counting need. */
  public static final class PreparedEntity {

    private final Prepared prepared;

    private PreparedEntity(Prepared prepared) {
      this.prepared = prepared;
    }

    public String id() {
      return prepared.id();
    }

    /** The blocking keys: two records are candidates when they share one that is not dropped. */
    public Set<String> blockingKeys() {
      return RecordSteps.blockingKeys(prepared);
    }

    /** The values counted for common and rare values, by field; the record counts once each. */
    public Map<String, List<String>> countedValues() {
      return RecordSteps.countedValues(prepared);
    }
  }

  /** Scores a pair, left to right, with every feature's contribution. */
  @FunctionalInterface
  public interface Scoring {
    Match compare(PreparedEntity left, PreparedEntity right);
  }
}
