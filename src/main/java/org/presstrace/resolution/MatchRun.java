package org.presstrace.resolution;

import java.util.List;
import java.util.Set;

/**
 * The outcome of a matching run: the pairs at or above the review threshold, how many candidate
 * pairs blocking produced, and the blocking keys dropped by the fan-out cap.
 */
public record MatchRun(List<Match> matches, long candidatePairs, Set<String> droppedKeys) {

  public MatchRun {
    matches = List.copyOf(matches);
    droppedKeys = Set.copyOf(droppedKeys);
  }

  /** The pairs in the link band. */
  public List<Match> links() {
    return matches.stream().filter(match -> match.band() == MatchBand.LINK).toList();
  }
}
