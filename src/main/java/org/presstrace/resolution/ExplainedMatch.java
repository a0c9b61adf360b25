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
    String explanation) {}
