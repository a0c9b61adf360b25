package org.presstrace.resolution;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.presstrace.resolution.internal.IncrementalResolver;

/**
 * Entities resolved one at a time against everything added before, in memory: each addition scores
 * only the records sharing one of its capped blocking keys. Judgements override scores and hold for
 * every later addition; linked entities share a canonical id.
 */
public final class ResolutionIndex {

  private final IncrementalResolver resolver;

  public ResolutionIndex(MatchOptions options) {
    this.resolver = new IncrementalResolver(options);
  }

  /** Adds {@code entity}; returns its pairs at or above the review threshold, best first. */
  public List<Match> add(Entity entity) {
    return resolver.add(entity);
  }

  /** Records a person's judgement on two added entities; returns the pair as now judged. */
  public Match judge(String a, String b, Judgement judgement) {
    return resolver.judge(a, b, judgement);
  }

  /** The smallest id linked to {@code id}, directly or through others. */
  public String canonicalId(String id) {
    return resolver.canonicalId(id);
  }

  /** Every id linked to {@code id}, directly or through others, {@code id} included. */
  public Set<String> cluster(String id) {
    return resolver.cluster(id);
  }

  /**
   * Every id linked to {@code id} through ids {@code among} admits only, {@code id} included: the
   * entity over, say, the records one caller may read, unchanged by the others.
   */
  public Set<String> cluster(String id, Predicate<String> among) {
    return resolver.cluster(id, among);
  }

  /** Pairs in the review band not yet judged, best first. */
  public List<Match> reviewQueue() {
    return resolver.reviewQueue();
  }

  /**
   * The values of {@code entity} that identify on their own, normalised: {@code phone:} E.164
   * numbers, {@code email:} canonical addresses, {@code id:} identity numbers.
   */
  public static Set<String> exactIdentifiers(Entity entity) {
    return IncrementalResolver.exactIdentifiers(entity);
  }

  public int size() {
    return resolver.size();
  }
}
