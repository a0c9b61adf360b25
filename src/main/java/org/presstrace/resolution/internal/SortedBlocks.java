package org.presstrace.resolution.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The blocking keys of a batch ({@link BlockKeys}) in flat arrays, for a batch of millions of
 * records: each key is hashed to 64 bits once, the distinct hashes are sorted, and both directions
 * are kept as offsets into int arrays (a record's keys, a key's records in ascending order). No
 * map, no list and no boxed number per key or record.
 *
 * <p>Two distinct keys of a million records share a 64-bit hash with a chance of about one in
 * 100,000; if they did, their records would be compared too (more candidates, never fewer), and the
 * shared hash would count against the cap as one key.
 */
final class SortedBlocks {

  /** The distinct key hashes, ascending; a key's id is its position. */
  private final long[] hashes;

  /** Key {@code k}'s records are {@code holders[holderStart[k]] .. holders[holderStart[k+1]-1]}. */
  private final int[] holderStart;

  private final int[] holders;

  /** Record {@code r}'s key ids are {@code keyIds[keyStart[r]] .. keyIds[keyStart[r+1]-1]}. */
  private final int[] keyStart;

  private final int[] keyIds;

  /** Where record {@code r} stands among the holders of its key {@code keyIds[e]}, for each e. */
  private final int[] placeOf;

  private final List<Prepared> records;

  private SortedBlocks(
      long[] hashes,
      int[] holderStart,
      int[] holders,
      int[] keyStart,
      int[] keyIds,
      int[] placeOf,
      List<Prepared> records) {
    this.hashes = hashes;
    this.holderStart = holderStart;
    this.holders = holders;
    this.keyStart = keyStart;
    this.keyIds = keyIds;
    this.placeOf = placeOf;
    this.records = records;
  }

  /** The keys of {@code records}, made in parallel. */
  static SortedBlocks of(List<Prepared> records) {
    int n = records.size();
    long[][] byRecord = new long[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(r -> byRecord[r] = hashed(BlockKeys.of(records.get(r))));
    int[] keyStart = new int[n + 1];
    for (int r = 0; r < n; r++) {
      keyStart[r + 1] = keyStart[r] + byRecord[r].length;
    }
    long[] all = new long[keyStart[n]];
    for (int r = 0; r < n; r++) {
      System.arraycopy(byRecord[r], 0, all, keyStart[r], byRecord[r].length);
      byRecord[r] = null;
    }
    long[] hashes = all.clone();
    Arrays.parallelSort(hashes);
    int distinct = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[distinct++] = hashes[i];
      }
    }
    long[] keys = Arrays.copyOf(hashes, distinct);
    // a key's id found in an open-addressing table (one or two probes) rather than by a binary
    // search of millions of hashes (some twenty cache misses per key of every record)
    int[] table = idTable(keys);
    int[] keyIds = new int[all.length];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            r -> {
              for (int e = keyStart[r]; e < keyStart[r + 1]; e++) {
                keyIds[e] = idIn(table, keys, all[e]);
              }
            });
    int[] holderStart = new int[distinct + 1];
    for (int id : keyIds) {
      holderStart[id + 1]++;
    }
    for (int k = 0; k < distinct; k++) {
      holderStart[k + 1] += holderStart[k];
    }
    int[] filled = Arrays.copyOf(holderStart, distinct);
    int[] holders = new int[keyIds.length];
    int[] placeOf = new int[keyIds.length];
    for (int r = 0; r < n; r++) {
      for (int e = keyStart[r]; e < keyStart[r + 1]; e++) {
        int place = filled[keyIds[e]]++;
        holders[place] = r;
        placeOf[e] = place;
      }
    }
    return new SortedBlocks(keys, holderStart, holders, keyStart, keyIds, placeOf, records);
  }

  /**
   * The ids of {@code keys} (distinct, ascending) in an open-addressing table filled to at most
   * three quarters, a power of two of slots: the slot of a hash's low bits, or failing that the
   * next free one, holds its id plus one; zero is an empty slot. The hashes are already mixed.
   */
  private static int[] idTable(long[] keys) {
    int slots = Integer.highestOneBit(Math.max(4, keys.length + keys.length / 3 + 1) - 1) << 1;
    int[] table = new int[slots];
    int mask = slots - 1;
    for (int id = 0; id < keys.length; id++) {
      int slot = (int) keys[id] & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
    return table;
  }

  /** The id of {@code hash} in {@code table}; the hash is one of the table's keys. */
  private static int idIn(int[] table, long[] keys, long hash) {
    int mask = table.length - 1;
    int slot = (int) hash & mask;
    while (keys[table[slot] - 1] != hash) {
      slot = (slot + 1) & mask;
    }
    return table[slot] - 1;
  }

  /** The distinct 64-bit hashes of a record's keys, ascending. */
  private static long[] hashed(Set<String> keys) {
    long[] hashed = new long[keys.size()];
    int i = 0;
    for (String key : keys) {
      hashed[i++] = hash(key);
    }
    Arrays.sort(hashed);
    int distinct = 0;
    for (int j = 0; j < hashed.length; j++) {
      if (j == 0 || hashed[j] != hashed[j - 1]) {
        hashed[distinct++] = hashed[j];
      }
    }
    return distinct == hashed.length ? hashed : Arrays.copyOf(hashed, distinct);
  }

  /** FNV-1a over the characters, then MurmurHash3's 64-bit finaliser to spread the bits. */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93fe53fe4a3L;
    h ^= h >>> 33;
    return h;
  }

  /** How many records hold key {@code id}. */
  int held(int id) {
    return holderStart[id + 1] - holderStart[id];
  }

  int keyStart(int record) {
    return keyStart[record];
  }

  int keyEnd(int record) {
    return keyStart[record + 1];
  }

  int keyId(int entry) {
    return keyIds[entry];
  }

  long keyHash(int id) {
    return hashes[id];
  }

  int holderStart(int id) {
    return holderStart[id];
  }

  int holderEnd(int id) {
    return holderStart[id + 1];
  }

  /**
   * The position, among the holders of the key of entry {@code entry} (one of record {@code r}'s),
   * of the first record after {@code r}: records ascend, and the record's own place was kept when
   * the holders were filled, so no search is made.
   */
  int afterEntry(int entry) {
    return placeOf[entry] + 1;
  }

  /** How many distinct keys the records hold. */
  int keyCount() {
    return hashes.length;
  }

  int holder(int position) {
    return holders[position];
  }

  /** The id of the key with hash {@code hash}, or a negative number when no record holds it. */
  int idOf(long hash) {
    return Arrays.binarySearch(hashes, hash);
  }

  /**
   * The keys held by more than {@code cap} records, as text (found again from their first holder).
   */
  Set<String> over(int cap) {
    Set<String> over = new LinkedHashSet<>();
    for (int k = 0; k < hashes.length; k++) {
      if (held(k) > cap) {
        over.addAll(named(k));
      }
    }
    return over;
  }

  /** The text of key {@code id}, as its first holder makes it. */
  private Set<String> named(int id) {
    Set<String> names = new LinkedHashSet<>();
    for (String key : BlockKeys.of(records.get(holders[holderStart[id]]))) {
      if (hash(key) == hashes[id]) {
        names.add(key);
      }
    }
    return names;
  }
}
