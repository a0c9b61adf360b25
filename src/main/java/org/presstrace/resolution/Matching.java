package org.presstrace.resolution;

import java.util.List;
import org.presstrace.resolution.internal.Resolver;

/**
 * Entity matching without storage: links two lists of entities, deduplicates one, or scores one
 * pair, with every feature's contribution kept. Runs in process; nothing else needs to start.
 */
public final class Matching {

  private final Resolver resolver;
  private final MatchOptions options;

  private Matching(MatchOptions options) {
    this.options = options;
    this.resolver = new Resolver(options);
  }

  public static Matching with(MatchOptions options) {
    return new Matching(options);
  }

  public static Matching withDefaults() {
    return new Matching(MatchOptions.DEFAULTS);
  }

  public MatchOptions options() {
    return options;
  }

  /** The pair scored and explained, whether or not blocking would have proposed it. */
  public Match compare(Entity left, Entity right) {
    requireSameSchema(left, right);
    return resolver.compare(left, right);
  }

  /** The pairs of {@code left} x {@code right} at or above the review threshold. */
  public MatchRun link(List<Entity> left, List<Entity> right) {
    return resolver.link(left, right);
  }

  /** The pairs within {@code entities} at or above the review threshold. */
  public MatchRun deduplicate(List<Entity> entities) {
    return resolver.deduplicate(entities);
  }

  private static void requireSameSchema(Entity left, Entity right) {
    if (left.schema() != right.schema()) {
      throw new InvalidSchemaPair(left, right);
    }
  }

  /** Two entities of different schemas cannot be compared. */
  static final class InvalidSchemaPair extends org.presstrace.shared.InvalidRequest {
    InvalidSchemaPair(Entity left, Entity right) {
      super(
          "schema",
          "cannot compare a " + left.schema().label() + " with a " + right.schema().label());
    }
  }
}
