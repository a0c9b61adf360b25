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
import org.presstrace.resolution.Contribution;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.shared.InvalidRequest;

/**
 * Resolves one entity at a time against everything added before: its blocking keys are looked up in
 * a capped in-memory index, only those candidates are scored, so each addition costs the size of
 * its blocks, not of the store. Scores alone link pairs for everyone; a judgement belongs to the
 * agency that made it and overrides the score for that agency only, so clusters, canonical ids and
 * the review queue are asked for one agency. A canonical id is the smallest id of a linked group.
 */
public final class IncrementalResolver {

  private final MatchOptions options;
  private final Scorer scorer;
  private final ValueCounts counts = new ValueCounts();
  private final BlockIndex index;
  private final List<Prepared> records = new ArrayList<>();
  private final Map<String, Integer> ordinals = new HashMap<>();
  private final Map<String, Match> pairs = new HashMap<>();

  /** Judgements by agency, then by subject, then by the other subject of the pair. */
  private final Map<String, Map<String, Map<String, Judgement>>> judgements = new HashMap<>();

  /** Pairs linked by their score alone. */
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
      Match match = scorer.compare(prepared, candidate);
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

  /**
   * Records {@code agency}'s judgement on two added entities and applies it at once, for that
   * agency only; returns the pair as that agency now sees it.
   */
  public synchronized Match judge(String agency, String a, String b, Judgement judgement) {
    requireAgency(agency);
    Prepared left = require(a, "left");
    Prepared right = require(b, "right");
    if (a.equals(b)) {
      throw new InvalidRequest("right", "an entity cannot be judged against itself");
    }
    var byId = judgements.computeIfAbsent(agency, k -> new HashMap<>());
    byId.computeIfAbsent(a, k -> new HashMap<>()).put(b, judgement);
    byId.computeIfAbsent(b, k -> new HashMap<>()).put(a, judgement);
    return judged(agency, scorer.compare(left, right));
  }

  /** {@code agency}'s latest judgement on a pair, or null when it has made none. */
  public synchronized Judgement judgement(String agency, String a, String b) {
    return judgementsOf(agency, a).get(b);
  }

  /**
   * The canonical id of {@code id} for {@code agency}: the smallest id linked to it, directly or
   * not, by score or by that agency's judgements.
   */
  public synchronized String canonicalId(String agency, String id) {
    return cluster(agency, id).stream().min(String::compareTo).orElseThrow();
  }

  /**
   * Every id linked to {@code id} for {@code agency}, directly or through others, {@code id}
   * included: pairs in the link band that agency has not judged NOT_SAME, and pairs it judged SAME.
   */
  public synchronized Set<String> cluster(String agency, String id) {
    return cluster(agency, id, other -> true);
  }

  /**
   * {@link #cluster(String, String)} through ids that {@code among} admits only: the entity as it
   * stands for {@code agency} when the ids {@code among} refuses do not exist.
   */
  public synchronized Set<String> cluster(String agency, String id, Predicate<String> among) {
    requireAgency(agency);
    require(id, "id");
    var seen = new HashSet<String>(Set.of(id));
    var queue = new ArrayDeque<String>(List.of(id));
    while (!queue.isEmpty()) {
      String current = queue.poll();
      Map<String, Judgement> judged = judgementsOf(agency, current);
      var next = new HashSet<String>(linked.getOrDefault(current, Set.of()));
      judged.forEach(
          (other, judgement) -> {
            if (judgement == Judgement.SAME) {
              next.add(other);
            } else if (judgement == Judgement.NOT_SAME) {
              next.remove(other);
            }
          });
      for (String other : next) {
        if (among.test(other) && seen.add(other)) {
          queue.add(other);
        }
      }
    }
    return seen;
  }

  /** Pairs in the review band that {@code agency} has not judged yet, best first. */
  public synchronized List<Match> reviewQueue(String agency) {
    requireAgency(agency);
    return pairs.values().stream()
        .filter(match -> match.band() == MatchBand.REVIEW)
        .filter(match -> judgement(agency, match.leftId(), match.rightId()) == null)
        .sorted(Comparator.comparingDouble(Match::score).reversed())
        .toList();
  }

  public synchronized int size() {
    return records.size();
  }

  private Match judged(String agency, Match match) {
    Judgement judgement = judgement(agency, match.leftId(), match.rightId());
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

  private Map<String, Judgement> judgementsOf(String agency, String id) {
    return judgements.getOrDefault(agency, Map.of()).getOrDefault(id, Map.of());
  }

  private static void requireAgency(String agency) {
    if (agency == null || agency.isBlank()) {
      throw new InvalidRequest("agency", "a judgement and its views belong to an agency");
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
