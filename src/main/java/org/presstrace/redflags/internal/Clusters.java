package org.presstrace.redflags.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Parties grouped by relation (union-find): related parties count as one. */
final class Clusters {

  private final Map<String, String> parent = new HashMap<>();

  Clusters(Collection<Map.Entry<String, String>> related) {
    related.forEach(pair -> union(pair.getKey(), pair.getValue()));
  }

  String root(String id) {
    String current = id;
    while (parent.containsKey(current)) {
      current = parent.get(current);
    }
    if (!current.equals(id)) {
      parent.put(id, current);
    }
    return current;
  }

  boolean related(String a, String b) {
    return root(a).equals(root(b));
  }

  /** How many distinct clusters {@code ids} fall in. */
  long distinct(Collection<String> ids) {
    return ids.stream().map(this::root).distinct().count();
  }

  private void union(String a, String b) {
    String left = root(a);
    String right = root(b);
    if (!left.equals(right)) {
      parent.put(
          left.compareTo(right) < 0 ? right : left, left.compareTo(right) < 0 ? left : right);
    }
  }
}
