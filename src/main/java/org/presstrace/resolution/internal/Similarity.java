package org.presstrace.resolution.internal;

import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** String similarities in [0, 1]. */
final class Similarity {

  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

  private Similarity() {}

  static double jaroWinkler(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    if (a.equals(b)) {
      return 1;
    }
    double jaro = jaro(a, b);
    int prefix = 0;
    while (prefix < 4
        && prefix < a.length()
        && prefix < b.length()
        && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }

  /** Jaro similarity: characters matching within half the longer length, and transpositions. */
  private static double jaro(String a, String b) {
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] usedA = new boolean[a.length()];
    boolean[] usedB = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!usedB[j] && a.charAt(i) == b.charAt(j)) {
          usedA[i] = true;
          usedB[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int halfTranspositions = 0;
    int k = 0;
    for (int i = 0; i < a.length(); i++) {
      if (usedA[i]) {
        while (!usedB[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          halfTranspositions++;
        }
        k++;
      }
    }
    double m = matches;
    return (m / a.length() + m / b.length() + (m - halfTranspositions / 2.0) / m) / 3;
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
   * Token-set similarity: tokens paired one to one, best Jaro-Winkler pairs first, and the pair
   * similarities summed over the mean token count. Order does not count; an unpaired token counts
   * zero, so a shared surname alone cannot make two names similar.
   */
  static double tokens(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int pairs = a.size() * b.size();
    double[] scores = new double[pairs];
    Integer[] order = new Integer[pairs];
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        scores[i * b.size() + j] = jaroWinkler(a.get(i), b.get(j));
        order[i * b.size() + j] = i * b.size() + j;
      }
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
    boolean[] usedA = new boolean[a.size()];
    boolean[] usedB = new boolean[b.size()];
    double sum = 0;
    for (int pair : order) {
      int i = pair / b.size();
      int j = pair % b.size();
      if (!usedA[i] && !usedB[j]) {
        usedA[i] = true;
        usedB[j] = true;
        sum += scores[pair];
      }
    }
    return 2 * sum / (a.size() + b.size());
  }

  /** The best of the token and the compact-spelling similarities of two token lists. */
  static double names(List<String> a, List<String> b) {
    return Math.max(tokens(a, b), levenshtein(String.join("", a), String.join("", b)));
  }
}
