package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The normalised names of a list as a trie, searched for every name within a Levenshtein distance
 * of a query: a walk down the trie keeps one row of the edit-distance table per depth (only the
 * band of at most {@code 2k + 1} cells that can stay within {@code k}) and leaves a branch as soon
 * as no cell of its row is within {@code k}, or no name below it has a length within {@code k} of
 * the query's. Distances are exact (insertions, deletions, substitutions: the same as Apache
 * Commons Text's {@code LevenshteinDistance}), so the index finds exactly the names a comparison
 * with every name would. Immutable and thread-safe.
 */
final class NameTrie {

  /** Receives each name within reach: the entries carrying it and its distance. */
  interface Found {
    void accept(int[] entries, int distance);
  }

  private final char[] label;
  private final int[] firstChild;
  private final int[] nextSibling;
  private final int[] shortest;
  private final int[] longest;
  private final int[][] entries;
  private final Map<String, int[]> exact;

  /**
   * @param names the normalised names, by entry index; empty or {@code null} ones are left out
   */
  NameTrie(List<String> names) {
    var byName = new TreeMap<String, List<Integer>>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name != null && !name.isEmpty()) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(i);
      }
    }
    var labels = new StringBuilder().append('\0');
    var first = new ArrayList<Integer>(List.of(-1));
    var next = new ArrayList<Integer>(List.of(-1));
    var lastChild = new ArrayList<Integer>(List.of(-1));
    var carried = new ArrayList<int[]>();
    carried.add(null);
    exact = new HashMap<>();
    for (var name : byName.entrySet()) {
      int node = 0;
      for (char c : name.getKey().toCharArray()) {
        int child = first.get(node);
        while (child >= 0 && labels.charAt(child) != c) {
          child = next.get(child);
        }
        if (child < 0) {
          child = labels.length();
          labels.append(c);
          first.add(-1);
          next.add(-1);
          lastChild.add(-1);
          carried.add(null);
          if (lastChild.get(node) < 0) {
            first.set(node, child);
          } else {
            next.set(lastChild.get(node), child);
          }
          lastChild.set(node, child);
        }
        node = child;
      }
      int[] indices = name.getValue().stream().mapToInt(Integer::intValue).toArray();
      carried.set(node, indices);
      exact.put(name.getKey(), indices);
    }
    int count = labels.length();
    label = labels.toString().toCharArray();
    firstChild = first.stream().mapToInt(Integer::intValue).toArray();
    nextSibling = next.stream().mapToInt(Integer::intValue).toArray();
    entries = carried.toArray(new int[0][]);
    shortest = new int[count];
    longest = new int[count];
    Arrays.fill(shortest, Integer.MAX_VALUE);
    Arrays.fill(longest, -1);
    lengths(0, 0);
  }

  private void lengths(int node, int depth) {
    if (entries[node] != null) {
      shortest[node] = depth;
      longest[node] = depth;
    }
    for (int child = firstChild[node]; child >= 0; child = nextSibling[child]) {
      lengths(child, depth + 1);
      shortest[node] = Math.min(shortest[node], shortest[child]);
      longest[node] = Math.max(longest[node], longest[child]);
    }
  }

  /** The entries whose normalised name is exactly {@code query}, or {@code null}. */
  int[] exactly(String query) {
    return exact.get(query);
  }

  /** Every name within Levenshtein distance {@code k} of {@code query}, exact ones included. */
  void within(String query, int k, Found found) {
    int m = query.length();
    if (k == 0) {
      int[] hit = exact.get(query);
      if (hit != null) {
        found.accept(hit, 0);
      }
      return;
    }
    if (longest[0] < m - k || shortest[0] > m + k) {
      return;
    }
    int depths = Math.min(longest[0], m + k) + 1;
    int[] rows = new int[depths * (m + 1)];
    for (int j = 0; j <= Math.min(m, k); j++) {
      rows[j] = j;
    }
    walk(0, 1, query, k, rows, found);
  }

  private void walk(int node, int depth, String query, int k, int[] rows, Found found) {
    int m = query.length();
    int width = m + 1;
    int lo = Math.max(0, depth - k);
    int hi = Math.min(m, depth + k);
    if (lo > hi) {
      return;
    }
    int previous = (depth - 1) * width;
    int current = depth * width;
    int unreachable = k + 1;
    for (int child = firstChild[node]; child >= 0; child = nextSibling[child]) {
      if (longest[child] < m - k || shortest[child] > m + k) {
        continue;
      }
      char c = label[child];
      int best = unreachable;
      for (int j = lo; j <= hi; j++) {
        int value;
        if (j == 0) {
          value = depth;
        } else {
          value = rows[previous + j - 1] + (query.charAt(j - 1) == c ? 0 : 1);
          if (j <= depth - 1 + k) {
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
        continue;
      }
      if (entries[child] != null && m >= lo && m <= hi && rows[current + m] <= k) {
        found.accept(entries[child], rows[current + m]);
      }
      if (firstChild[child] >= 0 && depth + 1 < rows.length / width) {
        walk(child, depth + 1, query, k, rows, found);
      }
    }
  }
}
