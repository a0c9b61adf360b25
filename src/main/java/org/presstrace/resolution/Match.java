package org.presstrace.resolution;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scored pair: the probability that both records describe the same entity, the band it falls in,
 * and every feature's contribution to it.
 */
public record Match(
    String leftId,
    String rightId,
    double score,
    double weight,
    MatchBand band,
    List<Contribution> contributions) {

  public Match {
    contributions = List.copyOf(contributions);
  }

  /** The contributions as one line, e.g. {@code prior(-10.0) name=exact(+10.7) ...}. */
  public String explanation() {
    return contributions.stream().map(Contribution::toString).collect(Collectors.joining(" "));
  }
}
