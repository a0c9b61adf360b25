package org.presstrace.resolution;

/** What to do with a scored pair. */
public enum MatchBand {
  /** At or above the link threshold: the same entity, linked without review. */
  LINK,
  /** Between the review and link thresholds: a person decides. */
  REVIEW,
  /** Below the review threshold: kept apart. */
  DISTINCT
}
