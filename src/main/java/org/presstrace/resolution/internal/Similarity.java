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

    /** For {@link #distanceShort}: each ASCII character's positions, all zero between calls. */
    final long[] positions = new long[ASCII];

    /** For {@link #bagDistance}: each ASCII character's count, all zero between calls. */
    final int[] counts = new int[ASCII];
  }

  private static final int ASCII = 128;

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
    int prefix = commonPrefix(a, b, WINKLER_PREFIX);
    return jaro + prefix * 0.1 * (1 - jaro);
  }

  /** The longest common prefix Winkler's adjustment counts. */
  private static final int WINKLER_PREFIX = 4;

  /** How many leading characters {@code a} and {@code b} share, at most {@code limit}. */
  private static int commonPrefix(String a, String b, int limit) {
    int most = Math.min(limit, Math.min(a.length(), b.length()));
    int prefix = 0;
    while (prefix < most && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return prefix;
  }

  /** Jaro similarity: characters matching within half the longer length, and transpositions. */
  static double jaro(String a, String b) {
    return a.length() <= Long.SIZE && b.length() <= Long.SIZE ? jaroShort(a, b) : jaroLong(a, b);
  }

  /**
   * {@link #jaro} for strings of at most 64 characters (every name word and nearly every compact
   * name): the used characters of each side are the bits of one {@code long}, so no work array is
   * looked up or cleared. The same matches in the same order, and the same arithmetic, as {@link
   * #jaroLong}.
   */
  static double jaroShort(String a, String b) {
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    long usedA = 0;
    long usedB = 0;
    int matches = 0;
    int lastB = b.length() - 1;
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      int to = Math.min(lastB, i + window);
      for (int j = Math.max(0, i - window); j <= to; j++) {
        if ((usedB & (1L << j)) == 0 && c == b.charAt(j)) {
          usedA |= 1L << i;
          usedB |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int halfTranspositions = 0;
    long restA = usedA;
    long restB = usedB;
    while (restA != 0) {
      int i = Long.numberOfTrailingZeros(restA);
      int k = Long.numberOfTrailingZeros(restB);
      if (a.charAt(i) != b.charAt(k)) {
        halfTranspositions++;
      }
      restA &= restA - 1;
      restB &= restB - 1;
    }
    double m = matches;
    return (m / a.length() + m / b.length() + (m - halfTranspositions / 2.0) / m) / 3;
  }

  /** {@link #jaro} with work arrays, for strings of any length. */
  static double jaroLong(String a, String b) {
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
    return n <= Long.SIZE ? distanceShort(b, a, WORK.get().positions) : distanceLong(a, b);
  }

  /**
   * The edit distance when {@code shorter} has at most 64 characters, a column of the distance
   * table at a time as bit vectors of its vertical differences (Myers 1999, "A fast bit-vector
   * algorithm for approximate string matching based on dynamic programming", J. ACM 46(3), in the
   * form Hyyr&ouml; 2001 gives for the edit distance of two whole strings): one pass over {@code
   * longer} with a few word operations per character, and the same distance as {@link
   * #distanceLong}.
   */
  static int distanceShort(String shorter, String longer, long[] positions) {
    int m = shorter.length();
    // where each character stands in the shorter string, as bits: ASCII from the table, any other
    // character found by a scan
    for (int i = 0; i < m; i++) {
      char c = shorter.charAt(i);
      if (c < ASCII) {
        positions[c] |= 1L << i;
      }
    }
    long last = 1L << (m - 1);
    long vertical = m == Long.SIZE ? -1L : (1L << m) - 1;
    long minus = 0;
    int distance = m;
    for (int at = 0; at < longer.length(); at++) {
      char c = longer.charAt(at);
      long equal = c < ASCII ? positions[c] : positionsOf(shorter, c);
      long verticalOrEqual = equal | minus;
      long diagonal = (((equal & vertical) + vertical) ^ vertical) | equal;
      long up = minus | ~(diagonal | vertical);
      long down = vertical & diagonal;
      if ((up & last) != 0) {
        distance++;
      } else if ((down & last) != 0) {
        distance--;
      }
      up = (up << 1) | 1;
      down = down << 1;
      vertical = down | ~(verticalOrEqual | up);
      minus = up & verticalOrEqual;
    }
    for (int i = 0; i < m; i++) {
      char c = shorter.charAt(i);
      if (c < ASCII) {
        positions[c] = 0;
      }
    }
    return distance;
  }

  private static long positionsOf(String text, char c) {
    long positions = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        positions |= 1L << i;
      }
    }
    return positions;
  }

  /** {@link #distance} with two rows of the table, for strings of any length. */
  static int distanceLong(String a, String b) {
    int n = b.length();
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
    if (a.size() == 1 && b.size() == 1) {
      // one pair: its similarity, as the general case sums it (2 * s / 2 is s exactly)
      return jaroWinkler(a.get(0), b.get(0));
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
    // nor when the characters the two spellings do not share (a lower bound of the distance too,
    // and a closer one) leave it below the token similarity
    if (longer > 0 && tokens >= 1 - (double) bagDistance(a, b) / longer) {
      return tokens;
    }
    return Math.max(tokens, levenshtein(written(a), written(b)));
  }

  /**
   * What {@link #names} can reach at most for one token a side, found from the lengths, the common
   * prefix and the characters each side holds, with no matching: Jaro-Winkler cannot match more
   * characters than {@code a} holds of characters found in {@code b}, nor do better than no
   * transposition, and the edit distance is at least what one side holds beyond those. Never below
   * {@code names(List.of(a), List.of(b))}; a small margin covers the rounding of both.
   */
  static double namesAtMost(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    // the characters of b as bits of their lowest six bits: two characters sharing a bit only
    // count more of a as found, which raises the bound, never lowers it
    long inB = 0;
    for (int j = 0; j < b.length(); j++) {
      inB |= 1L << b.charAt(j);
    }
    int found = 0;
    for (int i = 0; i < a.length(); i++) {
      if ((inB & (1L << a.charAt(i))) != 0) {
        found++;
      }
    }
    int shared = Math.min(found, b.length());
    if (shared == 0) {
      return 0;
    }
    double jaro = ((double) shared / a.length() + (double) shared / b.length() + 1) / 3;
    int prefix = commonPrefix(a, b, WINKLER_PREFIX);
    double winkler = jaro + prefix * 0.1 * (1 - jaro);
    int longer = Math.max(a.length(), b.length());
    double edit = 1 - (double) (longer - shared) / longer;
    return Math.min(1, Math.max(winkler, edit) + BOUND_MARGIN);
  }

  /** Room for rounding in {@link #namesAtMost}: far above it, far below any level's width. */
  private static final double BOUND_MARGIN = 1e-9;

  /**
   * The bag distance of the two token lists written together: the larger of the numbers of
   * characters of one side left over when each character is matched with an equal one of the other,
   * in any position. Every edit changes at most one character on each side, so the edit distance is
   * never below it. Outside ASCII it falls back to the difference in length (also a lower bound).
   */
  static int bagDistance(List<String> a, List<String> b) {
    int[] counts = WORK.get().counts;
    int lengthA = 0;
    int lengthB = 0;
    for (int t = 0; t < a.size(); t++) {
      String token = a.get(t);
      for (int i = 0; i < token.length(); i++) {
        if (token.charAt(i) >= ASCII) {
          clear(counts, a, t, i);
          return Math.abs(length(a) - length(b));
        }
        counts[token.charAt(i)]++;
      }
      lengthA += token.length();
    }
    for (int t = 0; t < b.size(); t++) {
      String token = b.get(t);
      for (int i = 0; i < token.length(); i++) {
        if (token.charAt(i) >= ASCII) {
          clear(counts, a, a.size(), 0);
          clear(counts, b, t, i);
          return Math.abs(lengthA - length(b));
        }
        counts[token.charAt(i)]--;
      }
      lengthB += token.length();
    }
    // what a holds beyond b, each character once (its count is cleared as it is taken)
    int leftOverA = 0;
    for (int t = 0; t < a.size(); t++) {
      String token = a.get(t);
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (counts[c] > 0) {
          leftOverA += counts[c];
        }
        counts[c] = 0;
      }
    }
    clear(counts, b, b.size(), 0);
    // what is left of b is what a could not match: |b| - (|a| - leftOverA)
    return Math.max(leftOverA, lengthB - (lengthA - leftOverA));
  }

  /**
   * Sets back to zero the counts of the characters of {@code tokens} before character {@code
   * endChar} of token {@code endToken}, all of them ASCII: the counts are all zero between calls.
   */
  private static void clear(int[] counts, List<String> tokens, int endToken, int endChar) {
    for (int t = 0; t <= endToken && t < tokens.size(); t++) {
      String token = tokens.get(t);
      int end = t == endToken ? endChar : token.length();
      for (int i = 0; i < end; i++) {
        counts[token.charAt(i)] = 0;
      }
    }
  }

  /** Whether two different strings are one insertion, deletion or substitution apart. */
  static boolean oneEditApart(String a, String b) {
    if (a.length() < b.length()) {
      String swap = a;
      a = b;
      b = swap;
    }
    int longer = a.length();
    int shorter = b.length();
    if (longer - shorter > 1) {
      return false;
    }
    int i = 0;
    while (i < shorter && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == shorter) {
      return longer - shorter == 1;
    }
    // the first difference: a substitution when the lengths agree, else a character of a inserted
    return longer == shorter
        ? a.regionMatches(i + 1, b, i + 1, shorter - i - 1)
        : a.regionMatches(i + 1, b, i, shorter - i);
  }

  /** The tokens written together (a single token as it is, with no copy). */
  private static String written(List<String> tokens) {
    return tokens.size() == 1 ? tokens.get(0) : String.join("", tokens);
  }

  private static int length(List<String> tokens) {
    int length = 0;
    for (int t = 0; t < tokens.size(); t++) {
      length += tokens.get(t).length();
    }
    return length;
  }
}
