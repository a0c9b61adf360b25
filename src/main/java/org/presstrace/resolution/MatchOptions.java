package org.presstrace.resolution;

import org.presstrace.shared.InvalidRequest;

/**
 * Thresholds and caps of a matching run.
 *
 * @param link the probability at and above which a pair is linked without review
 * @param review the probability at and above which a pair goes to review
 * @param fanOutCap a blocking key shared by more records than this is dropped
 */
public record MatchOptions(double link, double review, int fanOutCap) {

  public static final MatchOptions DEFAULTS = new MatchOptions(0.9, 0.5, 500);

  public MatchOptions {
    if (!(link > 0 && link <= 1)) {
      throw new InvalidRequest("threshold", "the link threshold must be in (0, 1], not " + link);
    }
    if (!(review > 0 && review <= link)) {
      throw new InvalidRequest(
          "review", "the review threshold must be in (0, " + link + "], not " + review);
    }
    if (fanOutCap < 2) {
      throw new InvalidRequest("fanOutCap", "the fan-out cap must be at least 2, not " + fanOutCap);
    }
  }

  /** These options with another link threshold (the review threshold kept at or below it). */
  public MatchOptions withLink(double threshold) {
    return new MatchOptions(threshold, Math.min(review, threshold), fanOutCap);
  }

  /** These options with another fan-out cap. */
  public MatchOptions withFanOutCap(int cap) {
    return new MatchOptions(link, review, cap);
  }

  public MatchBand band(double score) {
    return score >= link ? MatchBand.LINK : score >= review ? MatchBand.REVIEW : MatchBand.DISTINCT;
  }
}
