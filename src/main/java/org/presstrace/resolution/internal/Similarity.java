package org.presstrace.resolution.internal;

import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** String similarities in [0, 1]. */
final class Similarity {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

  private Similarity() {}

  static double jaroWinkler(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    return a.equals(b) ? 1 : JARO_WINKLER.apply(a, b);
  }

  /** 1 minus the edit distance over the longer length: strict on long strings. */
  static double levenshtein(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    if (longer == 0) {
      return 0;
    }
    return a.equals(b) ? 1 : 1 - (double) LEVENSHTEIN.apply(a, b) / longer;
  }

  /**
   * Symmetric Monge-Elkan: each token's best Jaro-Winkler partner on the other side, averaged over
   * both directions, so token order does not count and an extra token costs.
   */
  static double tokens(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    return (oneWay(a, b) + oneWay(b, a)) / 2;
  }

  private static double oneWay(List<String> from, List<String> to) {
    double sum = 0;
    for (String token : from) {
      double best = 0;
      for (String other : to) {
        best = Math.max(best, jaroWinkler(token, other));
      }
      sum += best;
    }
    return sum / from.size();
  }

  /** The best of the token and the compact-spelling similarities of two token lists. */
  static double names(List<String> a, List<String> b) {
    return Math.max(tokens(a, b), levenshtein(String.join("", a), String.join("", b)));
  }
}
