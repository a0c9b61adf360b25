package org.presstrace.resolution;

/**
 * What one feature added to a match score: the level the two values reached (exact, close, ...) and
 * its weight in bits (log2 of how much likelier that level is for the same entity than for two
 * different ones).
 */
public record Contribution(String feature, String level, double weight) {

  private static final java.util.regex.Pattern SHOWN =
      java.util.regex.Pattern.compile("([^\\s=]+)=([^\\s(]+)\\(([+-]?[0-9.]+)\\)");

  /** The contributions listed in an explanation as {@link Match#explanation()} writes it. */
  public static java.util.List<Contribution> parse(String explanation) {
    var contributions = new java.util.ArrayList<Contribution>();
    var matcher = SHOWN.matcher(explanation == null ? "" : explanation);
    while (matcher.find()) {
      contributions.add(
          new Contribution(
              matcher.group(1), matcher.group(2), Double.parseDouble(matcher.group(3))));
    }
    return java.util.List.copyOf(contributions);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s=%s(%+.1f)", feature, level, weight);
  }
}
