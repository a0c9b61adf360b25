package org.presstrace.resolution;

import java.util.List;

/**
 * Another engine running the same matching as {@link Matching} (through {@link MatchSteps}), found
 * with {@link java.util.ServiceLoader} when its classes are on the class path: the Spark engine is
 * built and launched apart from the application ({@code bin/presstrace match --engine spark}). Its
 * runs hold the same pairs, scores and explanations, in the same order, as {@link Matching}'s.
 */
public interface MatchEngine {

  /** The name chosen with {@code --engine}. */
  String name();

  /** As {@link Matching#link}, on {@code master} (an engine's own address, or null for local). */
  MatchRun link(List<Entity> left, List<Entity> right, MatchOptions options, String master);

  /** As {@link Matching#deduplicate}, on {@code master}. */
  MatchRun deduplicate(List<Entity> entities, MatchOptions options, String master);
}
