package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.presstrace.bench.SyntheticPeople;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;
import org.presstrace.resolution.Schema;

/**
 * The batch engine (sorted blocking keys, a bound that skips pairs which cannot reach the review
 * threshold, both processors) finds exactly the pairs, scores and explanations of the plain
 * definition: every pair of records sharing a key held by at most the cap, scored in full by {@link
 * Scorer#compare}. And it finds them in the same order on every run, whatever the threads.
 */
class DeduplicationEquivalenceTests {

  /** A few thousand synthetic people with duplicates, some companies and a placeholder phone. */
  static List<Entity> records(int people) {
    var entities = new ArrayList<Entity>();
    new SyntheticPeople(7).records(people, 0.3).forEach(record -> entities.add(record.entity()));
    for (int i = 0; i < 40; i++) {
      // companies sharing a phone and name words with each other, and a phone with the people
      entities.add(
          Entity.of("co-" + i, Schema.COMPANY)
              .with("name", (i % 3 == 0 ? "深圳市华强化工有限公司" : "Shenzhen Huaqiang Chemical Co " + i % 5))
              .with("phone", "+86 755 8888 " + (1000 + i % 4))
              .with("postalCode", "51800" + i % 2));
    }
    for (int i = 0; i < 12; i++) {
      // a placeholder phone held by more records than the cap below: it must block nothing
      entities.add(
          Entity.of("ph-" + i, Schema.PERSON)
              .with("name", "Person " + Integer.toString(i * 7919, 36))
              .with("phone", "+1 555 010 0000"));
    }
    return entities;
  }

  /** The definition: every pair sharing a key held by at most the cap, scored in full. */
  static MatchRun reference(List<Entity> entities, MatchOptions options) {
    List<Prepared> records = entities.stream().map(Prepared::of).toList();
    Map<String, List<Integer>> holders = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String key : BlockKeys.of(records.get(i))) {
        holders.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    Set<String> dropped = new HashSet<>();
    Set<Long> pairs = new TreeSet<>();
    holders.forEach(
        (key, held) -> {
          if (held.size() > options.fanOutCap()) {
            dropped.add(key);
            return;
          }
          for (int a : held) {
            for (int b : held) {
              if (a < b) {
                pairs.add((long) a << 32 | b);
              }
            }
          }
        });
    var scorer = new Scorer(options, new TermWeights(ValueCounts.of(records)));
    var matches = new ArrayList<Match>();
    for (long pair : pairs) {
      Match match = scorer.compare(records.get((int) (pair >>> 32)), records.get((int) pair));
      if (match.band() != MatchBand.DISTINCT) {
        matches.add(match);
      }
    }
    matches.sort(
        Comparator.comparing(Match::leftId)
            .thenComparing(Comparator.comparingDouble(Match::score).reversed())
            .thenComparing(Match::rightId));
    return new MatchRun(matches, pairs.size(), dropped);
  }

  @Test
  void deduplicationFindsExactlyThePairsScoresAndExplanationsOfThePlainDefinition() {
    List<Entity> entities = records(3000);
    MatchOptions options = MatchOptions.DEFAULTS.withFanOutCap(10);
    MatchRun expected = reference(entities, options);
    MatchRun actual = new Resolver(options).deduplicate(entities);
    assertThat(expected.matches()).hasSizeGreaterThan(500);
    assertThat(expected.droppedKeys()).contains("t:+15550100000");
    assertThat(actual.candidatePairs()).isEqualTo(expected.candidatePairs());
    assertThat(actual.droppedKeys()).isEqualTo(expected.droppedKeys());
    assertThat(actual.matches()).containsExactlyElementsOf(expected.matches());
  }

  @Test
  void aPairWhoseScoreIsExactlyTheReviewThresholdIsKept() {
    List<Entity> entities = records(1500);
    List<Match> all = reference(entities, new MatchOptions(0.5, 0.0001, 500)).matches();
    assertThat(all).hasSizeGreaterThan(100);
    // review thresholds set to the very scores of pairs: each such pair sits on the edge
    var edges = new TreeSet<Double>();
    all.forEach(match -> edges.add(match.score()));
    List<Double> scores = new ArrayList<>(edges);
    for (int at = 0; at < scores.size(); at += Math.max(1, scores.size() / 6)) {
      double review = scores.get(at);
      var options = new MatchOptions(Math.max(review, 0.9), review, 500);
      List<Match> expected = reference(entities, options).matches();
      assertThat(expected).anyMatch(match -> match.score() == review);
      assertThat(new Resolver(options).deduplicate(entities).matches())
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theBoundIsNeverBelowTheWeightAndStopsOnlyBelowTheLeastAskedFor() {
    List<Entity> entities = records(1500);
    List<Prepared> records = entities.stream().map(Prepared::of).toList();
    // counts in which the common names are very common, so the adjustments reach their ceilings
    var counts = ValueCounts.of(records);
    for (int copy = 0; copy < 30; copy++) {
      records.forEach(counts::add);
    }
    var scorer = new Scorer(MatchOptions.DEFAULTS, new TermWeights(counts));
    Map<String, List<Integer>> holders = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String key : BlockKeys.of(records.get(i))) {
        holders.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    Set<Long> pairs = new TreeSet<>();
    holders.values().stream()
        .filter(held -> held.size() <= 50)
        .forEach(held -> held.forEach(a -> held.forEach(b -> pairs.add((long) a << 32 | b))));
    int stopped = 0;
    for (long pair : pairs) {
      Prepared a = records.get((int) (pair >>> 32));
      Prepared b = records.get((int) pair);
      double weight = scorer.compare(a, b).weight();
      assertThat(scorer.bound(a, b, Double.NEGATIVE_INFINITY))
          .isGreaterThanOrEqualTo(weight - 1e-9);
      for (double least = -30; least <= 30; least += 0.25) {
        double bound = scorer.bound(a, b, least);
        if (bound < least) {
          stopped++;
          assertThat(weight).isLessThan(least + 1e-9);
        }
      }
    }
    assertThat(pairs).hasSizeGreaterThan(2000);
    assertThat(stopped).isPositive();
  }

  @Test
  void linkageFindsExactlyThePairsOfThePlainDefinition() {
    List<Entity> all = records(3000);
    List<Entity> left = all.subList(0, all.size() / 2);
    List<Entity> right = all.subList(all.size() / 2, all.size());
    MatchOptions options = MatchOptions.DEFAULTS;
    // the definition of a linkage: pairs across the two sides only, counts over both
    List<Entity> together = new ArrayList<>(left);
    together.addAll(right);
    Set<String> leftIds = new HashSet<>();
    left.forEach(entity -> leftIds.add(entity.id()));
    List<Match> expected = new ArrayList<>();
    for (Match match : reference(together, options).matches()) {
      // left records come first in the list, so a pair across the sides has its left record first
      if (leftIds.contains(match.leftId()) && !leftIds.contains(match.rightId())) {
        expected.add(match);
      }
    }
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(new Resolver(options).link(left, right).matches())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void theSamePairsComeOutInTheSameOrderOnEveryRunWhateverTheThreads() throws Exception {
    List<Entity> entities = records(4000);
    var resolver = new Resolver(MatchOptions.DEFAULTS);
    MatchRun first = resolver.deduplicate(entities);
    assertThat(first.matches()).hasSizeGreaterThan(500);
    for (int threads : new int[] {1, 3, 4}) {
      var pool = new ForkJoinPool(threads);
      try {
        MatchRun again = pool.submit(() -> resolver.deduplicate(entities)).get();
        assertThat(again.matches()).containsExactlyElementsOf(first.matches());
        assertThat(again.candidatePairs()).isEqualTo(first.candidatePairs());
        assertThat(again.droppedKeys()).isEqualTo(first.droppedKeys());
      } finally {
        pool.shutdown();
      }
    }
  }
}
