package org.presstrace.resolution.internal;

import java.util.List;

/**
 * String similarities in [0, 1]. Called for every candidate pair of a batch, so they box nothing
 * and keep their work arrays per thread.
 */
final class Similarity {

  /** Work arrays of one thread: edit-distance rows and the used flags of Jaro. */
  private static final class Work {
    int[] previous = new int[32];
    int[] current = new int[32];
    boolean[] usedA = new boolean[32];
    boolean[] usedB = new boolean[32];
    double[] scores = new double[16];
    boolean[] pairedA = new boolean[8];
    boolean[] pairedB = new boolean[8];
  }

  private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

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
    Work work = WORK.get();
    if (work.usedA.length < a.length()) {
      work.usedA = new boolean[Math.max(a.length(), 2 * work.usedA.length)];
    }
    if (work.usedB.length < b.length()) {
      work.usedB = new boolean[Math.max(b.length(), 2 * work.usedB.length)];
    }
    boolean[] usedA = work.usedA;
    boolean[] usedB = work.usedB;
    java.util.Arrays.fill(usedA, 0, a.length(), false);
    java.util.Arrays.fill(usedB, 0, b.length(), false);
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
    return a.equals(b) ? 1 : 1 - (double) distance(a, b) / longer;
  }

  /**
   * The edit distance (insertions, deletions, substitutions) of two strings, two rows at a time.
   */
  static int distance(String a, String b) {
    if (a.length() < b.length()) {
      String swap = a;
      a = b;
      b = swap;
    }
    int n = b.length();
    if (n == 0) {
      return a.length();
    }
    Work work = WORK.get();
    if (work.previous.length <= n) {
      work.previous = new int[Math.max(n + 1, 2 * work.previous.length)];
      work.current = new int[work.previous.length];
    }
    int[] previous = work.previous;
    int[] current = work.current;
    for (int j = 0; j <= n; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      char c = a.charAt(i - 1);
      current[0] = i;
      for (int j = 1; j <= n; j++) {
        int cost = c == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[n];
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
    int width = b.size();
    int pairs = a.size() * width;
    Work work = WORK.get();
    if (work.scores.length < pairs) {
      work.scores = new double[Math.max(pairs, 2 * work.scores.length)];
    }
    if (work.pairedA.length < a.size() || work.pairedB.length < width) {
      work.pairedA = new boolean[Math.max(Math.max(a.size(), width), 2 * work.pairedA.length)];
      work.pairedB = new boolean[work.pairedA.length];
    }
    double[] scores = work.scores;
    boolean[] usedA = work.pairedA;
    boolean[] usedB = work.pairedB;
    java.util.Arrays.fill(usedA, 0, a.size(), false);
    java.util.Arrays.fill(usedB, 0, width, false);
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < width; j++) {
        scores[i * width + j] = jaroWinkler(a.get(i), b.get(j));
      }
    }
    // the best pair of unused tokens first, the lower position on a tie (the order of a stable
    // sort by descending score), summed in that order
    double sum = 0;
    int left = Math.min(a.size(), width);
    for (int round = 0; round < left; round++) {
      int best = -1;
      for (int pair = 0; pair < pairs; pair++) {
        if (!usedA[pair / width]
            && !usedB[pair % width]
            && (best < 0 || scores[pair] > scores[best])) {
          best = pair;
        }
      }
      usedA[best / width] = true;
      usedB[best % width] = true;
      sum += scores[best];
    }
    return 2 * sum / (a.size() + width);
  }

  /** The best of the token and the compact-spelling similarities of two token lists. */
  static double names(List<String> a, List<String> b) {
    double tokens = tokens(a, b);
    int lengthA = length(a);
    int lengthB = length(b);
    int longer = Math.max(lengthA, lengthB);
    // the edit distance is at least the difference in length: when even that best case does not
    // beat the token similarity, the edit distance cannot change the maximum
    if (longer > 0 && tokens >= 1 - (double) Math.abs(lengthA - lengthB) / longer) {
      return tokens;
    }
    return Math.max(tokens, levenshtein(String.join("", a), String.join("", b)));
  }

  private static int length(List<String> tokens) {
    int length = 0;
    for (String token : tokens) {
      length += token.length();
    }
    return length;
  }
}
