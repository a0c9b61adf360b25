package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking keys to the records that carry them, with a fan-out cap: once more than {@code cap}
 * records share a key, the key is dropped for good (its list freed), so one placeholder phone or a
 * forwarder's address cannot make millions of candidate pairs.
 */
final class BlockIndex {

  private final int cap;
  private final Map<String, List<Integer>> postings = new HashMap<>();
  private final Set<String> dropped = new HashSet<>();

  BlockIndex(int cap) {
    this.cap = cap;
  }

  void add(int record, Collection<String> keys) {
    for (String key : keys) {
      if (dropped.contains(key)) {
        continue;
      }
      List<Integer> records = postings.computeIfAbsent(key, k -> new ArrayList<>(2));
      records.add(record);
      if (records.size() > cap) {
        postings.remove(key);
        dropped.add(key);
      }
    }
  }

  /** The records sharing a key with {@code keys}, each once. */
  Set<Integer> candidates(Collection<String> keys) {
    Set<Integer> found = new HashSet<>();
    for (String key : keys) {
      List<Integer> records = postings.get(key);
      if (records != null) {
        found.addAll(records);
      }
    }
    return found;
  }

  /** Drops {@code key} as if it had passed the cap. */
  void drop(String key) {
    postings.remove(key);
    dropped.add(key);
  }

  /** The keys dropped for passing the cap. */
  Set<String> dropped() {
    return Set.copyOf(dropped);
  }
}
