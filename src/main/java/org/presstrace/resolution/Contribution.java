package org.presstrace.resolution;

/**
 * What one feature added to a match score: the level the two values reached (exact, close, ...) and
 * its weight in bits (log2 of how much likelier that level is for the same entity than for two
 * different ones).
 */
public record Contribution(String feature, String level, double weight) {

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s=%s(%+.1f)", feature, level, weight);
  }
}
