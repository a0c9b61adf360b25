package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;

/** Links two sets of entities, or deduplicates one, through capped blocking and scoring. */
public final class Resolver {

  private final MatchOptions options;

  public Resolver(MatchOptions options) {
    this.options = options;
  }

  /**
   * One pair scored, whatever the blocks say. With no other records to count, no value is known to
   * be common or rare: the weights are the features' own.
   */
  public Match compare(Entity a, Entity b) {
    return new Scorer(options, TermWeights.NONE).compare(Prepared.of(a), Prepared.of(b));
  }

  /**
   * Every pair of {@code left} x {@code right} that shares a usable key, scored; how common a value
   * is counts over both sides together.
   */
  public MatchRun link(List<Entity> left, List<Entity> right) {
    List<Prepared> rights = prepare(right);
    List<Prepared> lefts = prepare(left);
    var index = new BlockIndex(options.fanOutCap());
    List<Set<String>> rightKeys = keys(rights);
    for (int i = 0; i < rights.size(); i++) {
      index.add(i, rightKeys.get(i));
    }
    List<Set<String>> leftKeys = keys(lefts);
    Map<String, Integer> leftCounts = new HashMap<>();
    leftKeys.forEach(keys -> keys.forEach(key -> leftCounts.merge(key, 1, Integer::sum)));
    leftCounts.forEach(
        (key, count) -> {
          if (count > options.fanOutCap()) {
            index.drop(key);
          }
        });
    var counts = ValueCounts.of(lefts);
    rights.forEach(counts::add);
    var scorer = new Scorer(options, new TermWeights(counts));
    return score(
        scorer, lefts.size(), index, i -> index.candidates(leftKeys.get(i)), lefts, rights);
  }

  /** Every pair within {@code entities} that shares a usable key, scored once. */
  public MatchRun deduplicate(List<Entity> entities) {
    List<Prepared> records = prepare(entities);
    var index = new BlockIndex(options.fanOutCap());
    List<Set<String>> keys = keys(records);
    for (int i = 0; i < records.size(); i++) {
      index.add(i, keys.get(i));
    }
    var scorer = new Scorer(options, new TermWeights(ValueCounts.of(records)));
    return score(
        scorer,
        records.size(),
        index,
        i -> index.candidates(keys.get(i)).stream().filter(j -> j > i).toList(),
        records,
        records);
  }

  /**
   * Scores each left record against its candidates, the left records spread over the available
   * processors: the index is complete and only read here, the scorer keeps no state.
   */
  private MatchRun score(
      Scorer scorer,
      int count,
      BlockIndex index,
      IntFunction<Collection<Integer>> candidatesOf,
      List<Prepared> lefts,
      List<Prepared> rights) {
    var candidates = new LongAdder();
    List<Match> matches =
        IntStream.range(0, count)
            .parallel()
            .mapToObj(
                i -> {
                  var found = new ArrayList<Match>();
                  for (int j : candidatesOf.apply(i)) {
                    candidates.increment();
                    keep(scorer.compare(lefts.get(i), rights.get(j)), found);
                  }
                  return found;
                })
            .flatMap(List::stream)
            .collect(Collectors.toCollection(ArrayList::new));
    return finish(matches, candidates.sum(), index);
  }

  private void keep(Match match, List<Match> matches) {
    if (match.band() != MatchBand.DISTINCT) {
      matches.add(match);
    }
  }

  private static MatchRun finish(List<Match> matches, long candidates, BlockIndex index) {
    matches.sort(
        Comparator.comparing(Match::leftId)
            .thenComparing(Comparator.comparingDouble(Match::score).reversed())
            .thenComparing(Match::rightId));
    return new MatchRun(matches, candidates, index.dropped());
  }

  /** Normalised once each, in parallel: normalisation (ICU, libphonenumber) is thread-safe. */
  private static List<Prepared> prepare(List<Entity> entities) {
    return entities.parallelStream().map(Prepared::of).toList();
  }

  private static List<Set<String>> keys(List<Prepared> records) {
    return records.parallelStream().map(BlockKeys::of).toList();
  }
}
