package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;

/** Links two sets of entities, or deduplicates one, through capped blocking and scoring. */
public final class Resolver {

  private final MatchOptions options;
  private final Scorer scorer;

  public Resolver(MatchOptions options) {
    this.options = options;
    this.scorer = new Scorer(options);
  }

  /** One pair scored, whatever the blocks say. */
  public Match compare(Entity a, Entity b) {
    return scorer.compare(Prepared.of(a), Prepared.of(b));
  }

  /** Every pair of {@code left} x {@code right} that shares a usable key, scored. */
  public MatchRun link(List<Entity> left, List<Entity> right) {
    List<Prepared> rights = prepare(right);
    List<Prepared> lefts = prepare(left);
    var index = new BlockIndex(options.fanOutCap());
    List<Set<String>> rightKeys = new ArrayList<>(rights.size());
    for (int i = 0; i < rights.size(); i++) {
      rightKeys.add(BlockKeys.of(rights.get(i)));
      index.add(i, rightKeys.get(i));
    }
    List<Set<String>> leftKeys = lefts.stream().map(BlockKeys::of).toList();
    Map<String, Integer> leftCounts = new HashMap<>();
    leftKeys.forEach(keys -> keys.forEach(key -> leftCounts.merge(key, 1, Integer::sum)));
    leftCounts.forEach(
        (key, count) -> {
          if (count > options.fanOutCap()) {
            index.drop(key);
          }
        });
    var matches = new ArrayList<Match>();
    long candidates = 0;
    for (int i = 0; i < lefts.size(); i++) {
      for (int j : index.candidates(leftKeys.get(i))) {
        candidates++;
        keep(scorer.compare(lefts.get(i), rights.get(j)), matches);
      }
    }
    return finish(matches, candidates, index);
  }

  /** Every pair within {@code entities} that shares a usable key, scored once. */
  public MatchRun deduplicate(List<Entity> entities) {
    List<Prepared> records = prepare(entities);
    var index = new BlockIndex(options.fanOutCap());
    List<Set<String>> keys = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      keys.add(BlockKeys.of(records.get(i)));
      index.add(i, keys.get(i));
    }
    var matches = new ArrayList<Match>();
    long candidates = 0;
    for (int i = 0; i < records.size(); i++) {
      for (int j : index.candidates(keys.get(i))) {
        if (j > i) {
          candidates++;
          keep(scorer.compare(records.get(i), records.get(j)), matches);
        }
      }
    }
    return finish(matches, candidates, index);
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

  private static List<Prepared> prepare(List<Entity> entities) {
    return entities.stream().map(Prepared::of).toList();
  }
}
