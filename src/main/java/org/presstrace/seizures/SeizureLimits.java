package org.presstrace.seizures;

import org.presstrace.shared.InvalidRequest;

/**
 * The plausible ranges of a seizure report's counts, set through {@code presstrace.seizures.*}.
 * Weights are bounded by {@link Quantity} (1,000 tonnes), mg per pill by the rules (1,000 mg).
 *
 * @param maxPillCount the most pills one item of a report may count (default 50,000,000, several
 *     times the largest seizure on record)
 */
public record SeizureLimits(long maxPillCount) {

  /** The limits when none are configured. */
  public static final SeizureLimits DEFAULT = new SeizureLimits(50_000_000L);

  public SeizureLimits {
    if (maxPillCount < 1) {
      throw new InvalidRequest(
          "presstrace.seizures.max-pill-count", "the largest pill count must be at least 1");
    }
  }
}
