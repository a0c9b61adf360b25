package org.presstrace.resolution.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.presstrace.access.InvalidRequest;
import org.presstrace.resolution.Contribution;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchOptions;

/**
 * Resolves one entity at a time against everything added before: its blocking keys are looked up in
 * a capped in-memory index, only those candidates are scored, so each addition costs the size of
 * its blocks, not of the store. Judgements override scores; canonical ids are the smallest id of
 * each linked group.
 */
public final class IncrementalResolver {

  private final MatchOptions options;
  private final Scorer scorer;
  private final ValueCounts counts = new ValueCounts();
  private final BlockIndex index;
  private final List<Prepared> records = new ArrayList<>();
  private final Map<String, Integer> ordinals = new HashMap<>();
  private final Map<String, Match> pairs = new HashMap<>();
  private final Map<String, Judgement> judgements = new HashMap<>();
  private final Map<String, Set<String>> linked = new HashMap<>();

  public IncrementalResolver(MatchOptions options) {
    this.options = options;
    this.scorer = new Scorer(options, new TermWeights(counts));
    this.index = new BlockIndex(options.fanOutCap());
  }

  /** The exact identifiers of {@code entity} (phones, e-mail addresses, identity numbers). */
  public static Set<String> exactIdentifiers(Entity entity) {
    return Prepared.of(entity).exactIdentifiers();
  }

  /** Adds {@code entity}; returns its pairs at or above the review threshold, best first. */
  public synchronized List<Match> add(Entity entity) {
    if (ordinals.containsKey(entity.id())) {
      throw new InvalidRequest("id", "entity '" + entity.id() + "' is already resolved");
    }
    Prepared prepared = Prepared.of(entity);
    Set<String> keys = BlockKeys.of(prepared);
    counts.add(prepared);
    var found = new ArrayList<Match>();
    for (int other : index.candidates(keys)) {
      Prepared candidate = records.get(other);
      if (candidate.schema() != prepared.schema()) {
        continue;
      }
      Match match = judged(scorer.compare(prepared, candidate));
      if (match.band() != MatchBand.DISTINCT) {
        found.add(match);
        pairs.put(pairKey(match.leftId(), match.rightId()), match);
        if (match.band() == MatchBand.LINK) {
          connect(match.leftId(), match.rightId());
        }
      }
    }
    ordinals.put(entity.id(), records.size());
    index.add(records.size(), keys);
    records.add(prepared);
    found.sort(Comparator.comparingDouble(Match::score).reversed());
    return found;
  }

  /** Records a judgement on two added entities and applies it at once. */
  public synchronized Match judge(String a, String b, Judgement judgement) {
    Prepared left = require(a, "left");
    Prepared right = require(b, "right");
    if (a.equals(b)) {
      throw new InvalidRequest("right", "an entity cannot be judged against itself");
    }
    String key = pairKey(a, b);
    judgements.put(key, judgement);
    Match match = judged(scorer.compare(left, right));
    pairs.put(key, match);
    rebuildLinks();
    return match;
  }

  /** The canonical id of {@code id}: the smallest id linked to it, directly or not. */
  public synchronized String canonicalId(String id) {
    return cluster(id).stream().min(String::compareTo).orElseThrow();
  }

  /** Every id linked to {@code id}, directly or through others, {@code id} included. */
  public synchronized Set<String> cluster(String id) {
    return cluster(id, other -> true);
  }

  /**
   * Every id linked to {@code id} through ids that {@code among} admits only, {@code id} included:
   * the entity as it stands when the ids {@code among} refuses do not exist.
   */
  public synchronized Set<String> cluster(String id, Predicate<String> among) {
    require(id, "id");
    var seen = new HashSet<String>(Set.of(id));
    var queue = new ArrayDeque<String>(List.of(id));
    while (!queue.isEmpty()) {
      for (String next : linked.getOrDefault(queue.poll(), Set.of())) {
        if (among.test(next) && seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return seen;
  }

  /** Pairs in the review band that nobody has judged yet, best first. */
  public synchronized List<Match> reviewQueue() {
    return pairs.entrySet().stream()
        .filter(entry -> !judgements.containsKey(entry.getKey()))
        .map(Map.Entry::getValue)
        .filter(match -> match.band() == MatchBand.REVIEW)
        .sorted(Comparator.comparingDouble(Match::score).reversed())
        .toList();
  }

  public synchronized int size() {
    return records.size();
  }

  private Match judged(Match match) {
    Judgement judgement = judgements.get(pairKey(match.leftId(), match.rightId()));
    if (judgement == null || judgement == Judgement.UNSURE) {
      return match;
    }
    var contributions = new ArrayList<>(match.contributions());
    contributions.add(
        new Contribution("judgement", judgement.name().toLowerCase(java.util.Locale.ROOT), 0));
    MatchBand band = judgement == Judgement.SAME ? MatchBand.LINK : MatchBand.DISTINCT;
    return new Match(
        match.leftId(), match.rightId(), match.score(), match.weight(), band, contributions);
  }

  private void rebuildLinks() {
    linked.clear();
    for (Match match : pairs.values()) {
      if (match.band() == MatchBand.LINK) {
        connect(match.leftId(), match.rightId());
      }
    }
  }

  private void connect(String a, String b) {
    linked.computeIfAbsent(a, k -> new HashSet<>()).add(b);
    linked.computeIfAbsent(b, k -> new HashSet<>()).add(a);
  }

  private Prepared require(String id, String field) {
    Integer ordinal = ordinals.get(id);
    if (ordinal == null) {
      throw new InvalidRequest(field, "no entity '" + id + "' has been resolved");
    }
    return records.get(ordinal);
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }
}
