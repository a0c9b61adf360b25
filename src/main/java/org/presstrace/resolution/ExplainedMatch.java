package org.presstrace.resolution;

/**
 * A scored pair of subjects as a reader may see it: both sides are records the reader may read, and
 * the explanation lists every feature's contribution.
 */
public record ExplainedMatch(
    String leftId,
    String leftLabel,
    String leftAgency,
    String rightId,
    String rightLabel,
    String rightAgency,
    double score,
    MatchBand band,
    String explanation) {

  /** Every feature's contribution to the score, in the order the scorer added them. */
  public java.util.List<Contribution> contributions() {
    return Contribution.parse(explanation);
  }
}
