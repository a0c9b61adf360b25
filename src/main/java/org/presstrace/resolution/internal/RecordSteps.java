package org.presstrace.resolution.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.internal.ValueCounts.Field;

/**
 * The {@link Resolver}'s steps one record or one pair at a time: the blocking keys and counted
 * values of a prepared record, and the scorer over counts tallied elsewhere. The resolver itself
 * takes the same steps over lists.
 */
public final class RecordSteps {

  private RecordSteps() {}

  /** The blocking keys of {@code record}, as the resolver blocks on them. */
  public static Set<String> blockingKeys(Prepared record) {
    return BlockKeys.of(record);
  }

  /** The values of {@code record} that are counted, by field name; a record counts once each. */
  public static Map<String, List<String>> countedValues(Prepared record) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    ValueCounts.values(record).forEach((field, list) -> values.put(field.name(), list));
    return values;
  }

  /**
   * A scorer weighing common and rare values by {@code counts} (field name, value, records carrying
   * it) and {@code totals} (field name, records carrying a value), as the resolver weighs them
   * after counting the same records itself.
   */
  public static PairScorer scorer(
      MatchOptions options, Map<String, Map<String, Integer>> counts, Map<String, Integer> totals) {
    Map<Field, Map<String, Integer>> byField = new EnumMap<>(Field.class);
    counts.forEach((field, byValue) -> byField.put(Field.valueOf(field), byValue));
    Map<Field, Integer> totalByField = new EnumMap<>(Field.class);
    totals.forEach((field, total) -> totalByField.put(Field.valueOf(field), total));
    var scorer = new Scorer(options, new TermWeights(ValueCounts.tallied(byField, totalByField)));
    return scorer::compare;
  }

  /** Scores one pair with every contribution kept. */
  @FunctionalInterface
  public interface PairScorer {
    Match compare(Prepared left, Prepared right);
  }
}
