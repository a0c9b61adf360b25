package org.presstrace.resolution;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.presstrace.resolution.internal.IncrementalResolver;

/**
 * Entities resolved one at a time against everything added before, in memory: each addition scores
 * only the records sharing one of its capped blocking keys. A judgement belongs to the agency that
 * made it: it overrides the score for that agency and holds for every later addition; linked
 * entities share a canonical id within one agency's view.
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

  /**
   * Records a judgement of {@code agency} on two added entities; returns the pair as it now sees
   * it.
   */
  public Match judge(String agency, String a, String b, Judgement judgement) {
    return resolver.judge(agency, a, b, judgement);
  }

  /** {@code agency}'s latest judgement on a pair, or null when it has made none. */
  public Judgement judgement(String agency, String a, String b) {
    return resolver.judgement(agency, a, b);
  }

  /** The smallest id linked to {@code id} in {@code agency}'s view, directly or through others. */
  public String canonicalId(String agency, String id) {
    return resolver.canonicalId(agency, id);
  }

  /** Every id linked to {@code id} in {@code agency}'s view, {@code id} included. */
  public Set<String> cluster(String agency, String id) {
    return resolver.cluster(agency, id);
  }

  /**
   * Every id linked to {@code id} in {@code agency}'s view through ids {@code among} admits only,
   * {@code id} included: the entity over, say, the records one caller may read, unchanged by the
   * others.
   */
  public Set<String> cluster(String agency, String id, Predicate<String> among) {
    return resolver.cluster(agency, id, among);
  }

  /** Pairs in the review band {@code agency} has not judged yet, best first. */
  public List<Match> reviewQueue(String agency) {
    return resolver.reviewQueue(agency);
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
