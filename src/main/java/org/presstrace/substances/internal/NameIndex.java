package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalised names of a list, searched for every name within a Levenshtein distance {@code k}
 * of a query without computing the distance to each name: a name is compared only when its length
 * is within {@code k} of the query's and when at most {@code k} of the distinct characters of
 * either string are missing from the other (each such character costs at least one edit; the
 * characters are kept as 64-bit masks, letters and digits one bit each, others hashed, which can
 * only let more names through). The survivors get a banded edit-distance table that stops as soon
 * as no cell of a row is within {@code k}. Distances are exact (insertions, deletions,
 * substitutions: the same as Apache Commons Text's {@code LevenshteinDistance}), so the index finds
 * exactly the names a comparison with every name would. Immutable and thread-safe.
 */
final class NameIndex {

  /** Receives each name within reach: the entries carrying it and its distance. */
  interface Found {
    void accept(int[] entries, int distance);
  }

  private final String[] names;
  private final int[] lengths;
  private final long[] masks;
  private final int[][] entries;
  private final Map<String, int[]> exact = new HashMap<>();

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
    int count = byName.size();
    this.names = new String[count];
    this.lengths = new int[count];
    this.masks = new long[count];
    this.entries = new int[count][];
    int at = 0;
    for (var name : byName.entrySet()) {
      this.names[at] = name.getKey();
      this.lengths[at] = name.getKey().length();
      this.masks[at] = mask(name.getKey());
      this.entries[at] = name.getValue().stream().mapToInt(Integer::intValue).toArray();
      exact.put(name.getKey(), this.entries[at]);
      at++;
    }
  }

  /** Every name within Levenshtein distance {@code k} of {@code query}, exact ones included. */
  void within(String query, int k, Found found) {
    if (k == 0) {
      int[] hit = exact.get(query);
      if (hit != null) {
        found.accept(hit, 0);
      }
      return;
    }
    int m = query.length();
    long wanted = mask(query);
    int[] rows = null;
    for (int i = 0; i < names.length; i++) {
      if (Math.abs(lengths[i] - m) > k
          || Long.bitCount(wanted & ~masks[i]) > k
          || Long.bitCount(masks[i] & ~wanted) > k) {
        continue;
      }
      if (rows == null) {
        rows = new int[2 * (m + 1)];
      }
      int d = distance(names[i], query, k, rows);
      if (d >= 0) {
        found.accept(entries[i], d);
      }
    }
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
