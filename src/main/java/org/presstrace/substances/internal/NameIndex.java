package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalised names of a list, searched for every name within a Levenshtein distance {@code k}
 * of a query without computing the distance to each name. The names are kept sorted by length, so a
 * query meets only the names whose length is within {@code k} of its own. Of those, a name is
 * compared only when at most {@code k} of the distinct characters of either string are missing from
 * the other (each such character costs at least one edit; the characters are kept as 64-bit masks,
 * letters and digits one bit each, others hashed, which can only let more names through), and when
 * one of the {@code k + 1} pieces the name is cut into for that distance occurs in the query no
 * more than {@code k} places from where it stands in the name: {@code k} edits touch at most {@code
 * k} pieces, so one piece is left whole and is shifted by at most the number of insertions and
 * deletions before it. Pieces are compared by a polynomial hash of their characters, and the hash
 * of any stretch of the query comes from its prefix hashes: a collision can only let a name
 * through. The survivors get a banded edit-distance table that stops as soon as no cell of a row is
 * within {@code k}. Distances are exact (insertions, deletions, substitutions: the same as Apache
 * Commons Text's {@code LevenshteinDistance}), so the index finds exactly the names a comparison
 * with every name would. Immutable and thread-safe.
 */
final class NameIndex {

  /** Receives each name within reach: the entries carrying it and its distance. */
  interface Found {
    void accept(int[] entries, int distance);
  }

  /** The largest distance a piece filter is kept for; a larger one compares every masked name. */
  static final int MAX_PIECES_DISTANCE = 3;

  private static final long BASE = 0x9E3779B97F4A7C15L;

  private final String[] names;
  private final int[] lengths;
  private final long[] masks;
  private final int[][] entries;
  private final Map<String, int[]> exact = new HashMap<>();

  /** The names of length {@code n} are {@code byLength[n]} up to {@code byLength[n + 1]}. */
  private final int[] byLength;

  /** {@code pieces[k][i]}: the hashes of the {@code k + 1} pieces of name {@code i}. */
  private final long[][][] pieces;

  /**
   * @param names the normalised names, by entry index; empty or {@code null} ones are left out
   */
  NameIndex(List<String> names) {
    var byName = new LinkedHashMap<String, List<Integer>>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name != null && !name.isEmpty()) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(i);
      }
    }
    var sorted = new ArrayList<>(byName.entrySet());
    sorted.sort(java.util.Comparator.comparingInt(name -> name.getKey().length()));
    int count = sorted.size();
    this.names = new String[count];
    this.lengths = new int[count];
    this.masks = new long[count];
    this.entries = new int[count][];
    this.pieces = new long[MAX_PIECES_DISTANCE + 1][count][];
    int longest = count == 0 ? 0 : sorted.get(count - 1).getKey().length();
    this.byLength = new int[longest + 2];
    int at = 0;
    for (var name : sorted) {
      String text = name.getKey();
      this.names[at] = text;
      this.lengths[at] = text.length();
      this.masks[at] = mask(text);
      this.entries[at] = name.getValue().stream().mapToInt(Integer::intValue).toArray();
      exact.put(text, this.entries[at]);
      long[] prefix = prefixHashes(text);
      for (int k = 1; k <= MAX_PIECES_DISTANCE; k++) {
        int n = text.length();
        if (n >= k + 1) {
          long[] hashes = new long[k + 1];
          for (int piece = 0; piece <= k; piece++) {
            hashes[piece] = hash(prefix, pieceStart(n, k, piece), pieceStart(n, k, piece + 1));
          }
          this.pieces[k][at] = hashes;
        }
      }
      at++;
    }
    for (int n = 0; n <= longest + 1; n++) {
      int first = 0;
      while (first < count && lengths[first] < n) {
        first++;
      }
      byLength[n] = first;
    }
  }

  /** Every name within Levenshtein distance {@code k} of {@code query}, exact ones included. */
  void within(String query, int k, Found found) {
    search(query, k, k == 0 ? 0 : mask(query), found);
  }

  /** Whether any name is within Levenshtein distance {@code k} of {@code query}. */
  boolean anyWithin(String query, int k) {
    return search(query, k, mask(query), null);
  }

  /**
   * As {@link #anyWithin(String, int)}, given {@code mask(query)}: the mask of a phrase is its
   * words' masks together, so a caller walking phrases computes each word's once.
   */
  boolean anyWithin(String query, long mask, int k) {
    return search(query, k, mask, null);
  }

  /**
   * Whether a name is within reach; each one is handed to {@code found}, or none after the first.
   */
  private boolean search(String query, int k, long wanted, Found found) {
    if (k == 0) {
      int[] hit = exact.get(query);
      if (hit != null && found != null) {
        found.accept(hit, 0);
      }
      return hit != null;
    }
    int m = query.length();
    int from = Math.max(0, m - k);
    int to = Math.min(byLength.length - 1, m + k + 1);
    if (from >= to || byLength[from] == byLength[to]) {
      return false;
    }
    int[] rows = null;
    long[] prefix = null;
    boolean any = false;
    for (int i = byLength[from]; i < byLength[to]; i++) {
      if (Long.bitCount(wanted & ~masks[i]) > k || Long.bitCount(masks[i] & ~wanted) > k) {
        continue;
      }
      if (k <= MAX_PIECES_DISTANCE && pieces[k][i] != null) {
        if (prefix == null) {
          prefix = prefixHashes(query);
        }
        if (!aPieceIsWhole(pieces[k][i], lengths[i], k, prefix, m)) {
          continue;
        }
      }
      if (rows == null) {
        rows = new int[2 * (m + 1)];
      }
      int d = distance(names[i], query, k, rows);
      if (d >= 0) {
        if (found == null) {
          return true;
        }
        found.accept(entries[i], d);
        any = true;
      }
    }
    return any;
  }

  /** Where piece {@code piece} of {@code k + 1} pieces of a text of length {@code n} starts. */
  private static int pieceStart(int n, int k, int piece) {
    return piece * n / (k + 1);
  }

  /**
   * Whether one of the pieces of a name of length {@code n} occurs in the query (its prefix hashes,
   * its length {@code m}) at most {@code k} places from its place in the name.
   */
  private static boolean aPieceIsWhole(long[] hashes, int n, int k, long[] prefix, int m) {
    for (int piece = 0; piece <= k; piece++) {
      int start = pieceStart(n, k, piece);
      int length = pieceStart(n, k, piece + 1) - start;
      int lo = Math.max(0, start - k);
      int hi = Math.min(m - length, start + k);
      for (int at = lo; at <= hi; at++) {
        if (hash(prefix, at, at + length) == hashes[piece]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code prefix[j]} is the hash of the first {@code j} characters of {@code text}, followed by
   * the powers of the base: {@code prefix[text.length() + 1 + j]} is {@code BASE^j}.
   */
  private static long[] prefixHashes(String text) {
    int n = text.length();
    long[] prefix = new long[2 * (n + 1)];
    long power = 1;
    for (int j = 0; j < n; j++) {
      prefix[j + 1] = prefix[j] * BASE + text.charAt(j);
      prefix[n + 1 + j] = power;
      power *= BASE;
    }
    prefix[2 * n + 1] = power;
    return prefix;
  }

  /** The hash of characters {@code from} (inclusive) to {@code to} (exclusive). */
  private static long hash(long[] prefix, int from, int to) {
    int n = prefix.length / 2 - 1;
    return prefix[to] - prefix[from] * prefix[n + 1 + to - from];
  }

  /** The characters of a text as bits: a-z and 0-9 one bit each, anything else hashed. */
  static long mask(String text) {
    long mask = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int bit;
      if (c >= 'a' && c <= 'z') {
        bit = c - 'a';
      } else if (c >= '0' && c <= '9') {
        bit = 26 + c - '0';
      } else {
        bit = 36 + Math.floorMod(c * 0x9E3779B1, 28);
      }
      mask |= 1L << bit;
    }
    return mask;
  }

  /**
   * The Levenshtein distance of {@code name} and {@code query} when at most {@code k}, else -1. Row
   * {@code i} (the first {@code i} characters of the name) keeps only the cells {@code j} with
   * {@code |i - j| <= k}: every other cell is more than {@code k}.
   */
  static int distance(String name, String query, int k, int[] rows) {
    int n = name.length();
    int m = query.length();
    int width = m + 1;
    int unreachable = k + 1;
    for (int j = 0; j <= Math.min(m, k); j++) {
      rows[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int previous = ((i - 1) & 1) * width;
      int current = (i & 1) * width;
      int lo = Math.max(0, i - k);
      int hi = Math.min(m, i + k);
      if (lo > hi) {
        return -1;
      }
      char c = name.charAt(i - 1);
      int best = unreachable;
      for (int j = lo; j <= hi; j++) {
        int value;
        if (j == 0) {
          value = i;
        } else {
          value = rows[previous + j - 1] + (query.charAt(j - 1) == c ? 0 : 1);
          if (j <= i - 1 + k) {
            value = Math.min(value, rows[previous + j] + 1);
          }
          if (j - 1 >= lo) {
            value = Math.min(value, rows[current + j - 1] + 1);
          }
          value = Math.min(value, unreachable);
        }
        rows[current + j] = value;
        best = Math.min(best, value);
      }
      if (best > k) {
        return -1;
      }
    }
    int last = (n & 1) * width + m;
    return m >= n - k && m <= n + k && rows[last] <= k ? rows[last] : -1;
  }
}
