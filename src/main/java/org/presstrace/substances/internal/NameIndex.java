package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

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

  /** Every name's pieces, looked up by length and hash when a whole line is scanned. */
  private final PieceTable table;

  /** The hash of each name's characters, sorted: a phrase with another hash is no exact name. */
  private final long[] nameHashes;

  private final IntUnaryOperator limit;

  private final ThreadLocal<Line> lines = ThreadLocal.withInitial(() -> new Line(this));

  /**
   * An index whose {@link #line lines} search a phrase of any length at distance {@value
   * #MAX_PIECES_DISTANCE}.
   *
   * @param names the normalised names, by entry index; empty or {@code null} ones are left out
   */
  NameIndex(List<String> names) {
    this(names, length -> MAX_PIECES_DISTANCE);
  }

  /**
   * @param names the normalised names, by entry index; empty or {@code null} ones are left out
   * @param limit the distance a phrase of each length is searched at in a {@link #line line}: only
   *     the pieces a phrase could need are looked for
   */
  NameIndex(List<String> names, IntUnaryOperator limit) {
    this.limit = limit;
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
    this.table = new PieceTable(this.names, this.pieces, limit);
    this.nameHashes = new long[count];
    for (int i = 0; i < count; i++) {
      long[] prefix = prefixHashes(this.names[i]);
      nameHashes[i] = prefix[this.names[i].length()];
    }
    java.util.Arrays.sort(nameHashes);
  }

  /**
   * The phrases of a line, ready to be searched: {@code words} are the line's normalised words, a
   * phrase is {@code words[from]} to {@code words[to]} joined, of at most {@code longest} words,
   * searched at the distance the index's limit gives for its length. Every piece of every name is
   * looked for once in the whole line (a phrase is part of it), instead of once per phrase and
   * name. The answer is this thread's, valid until its next call.
   */
  Line line(String[] words, int longest) {
    Line line = lines.get();
    line.scan(words, longest);
    return line;
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
    char[] text = null;
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
        text = query.toCharArray();
      }
      int d = distance(names[i], text, 0, m, k, rows);
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
    return distance(name, query.toCharArray(), 0, query.length(), k, rows);
  }

  /**
   * As {@link #distance(String, String, int, int[])}, the query {@code m} characters at {@code
   * from}.
   */
  static int distance(String name, char[] text, int from, int m, int k, int[] rows) {
    int n = name.length();
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
          value = rows[previous + j - 1] + (text[from + j - 1] == c ? 0 : 1);
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

  /**
   * One line's phrases, scanned for the names' pieces. A phrase is compared only with the names one
   * of whose pieces for the phrase's distance {@code k} stands in it no more than {@code k} places
   * from its place in the name, found by looking up every stretch of the line of every piece length
   * once: the same names as {@link NameIndex#within} compares, met in the same order.
   */
  static final class Line {

    private final NameIndex index;
    private char[] text = new char[64];
    private int length;
    private int words;
    private int longest;

    /** Word {@code w} is {@code text[starts[w]]} up to {@code text[starts[w + 1]]}. */
    private int[] starts = new int[16];

    private long[] masks = new long[16];
    private long[] prefix = new long[65];
    private long[] powers = new long[65];

    /** {@code firstWord[at]}: the first word starting at {@code at} or later. */
    private int[] firstWord = new int[65];

    /** Per phrase, the names one of whose pieces stands in it where it may: a bit a name. */
    private long[] near = new long[0];

    private final int perPhrase;
    private int[] rows = new int[130];

    private Line(NameIndex index) {
      this.index = index;
      this.perPhrase = (index.names.length + 63) / 64;
    }

    private void scan(String[] normalized, int longest) {
      this.longest = longest;
      this.words = normalized.length;
      int total = 0;
      for (String word : normalized) {
        total += word.length();
      }
      if (text.length < total) {
        text = new char[Math.max(total, 2 * text.length)];
        prefix = new long[text.length + 1];
        powers = new long[text.length + 1];
        firstWord = new int[text.length + 1];
        rows = new int[2 * (text.length + 1)];
      }
      if (starts.length < words + 1) {
        starts = new int[Math.max(words + 1, 2 * starts.length)];
        masks = new long[starts.length];
      }
      length = 0;
      for (int w = 0; w < words; w++) {
        String word = normalized[w];
        starts[w] = length;
        word.getChars(0, word.length(), text, length);
        length += word.length();
        masks[w] = mask(word);
      }
      starts[words] = length;
      powers[0] = 1;
      for (int j = 0; j < length; j++) {
        prefix[j + 1] = prefix[j] * BASE + text[j];
        powers[j + 1] = powers[j] * BASE;
      }
      for (int at = 0, w = 0; at <= length; at++) {
        while (w < words && starts[w] < at) {
          w++;
        }
        firstWord[at] = w;
      }
      int marks = words * longest * perPhrase;
      if (near.length < marks) {
        near = new long[Math.max(marks, 2 * near.length)];
      } else {
        java.util.Arrays.fill(near, 0, marks, 0L);
      }
      PieceTable table = index.table;
      for (int pieceLength : table.lengths) {
        for (int at = 0; at + pieceLength <= length; at++) {
          long hash = prefix[at + pieceLength] - prefix[at] * powers[pieceLength];
          int slot = table.find(pieceLength, hash);
          if (slot < 0) {
            continue;
          }
          for (int p = table.first[slot]; p < table.first[slot + 1]; p++) {
            mark(at, pieceLength, table.name[p], table.distance[p], table.start[p]);
          }
        }
      }
    }

    /**
     * Marks name {@code i} for every phrase in which its piece found at {@code at} stands no more
     * than {@code k} places from {@code start}, its place in the name, and whose length is within
     * {@code k} of the name's and is searched at distance {@code k}.
     */
    private void mark(int at, int pieceLength, int i, int k, int start) {
      int n = index.lengths[i];
      int lo = Math.max(0, at - start - k);
      int hi = Math.min(at, at - start + k);
      if (lo > hi) {
        return;
      }
      for (int from = firstWord[lo]; from < words && starts[from] <= hi; from++) {
        int phraseStart = starts[from];
        for (int to = from; to < Math.min(words, from + longest); to++) {
          int m = starts[to + 1] - phraseStart;
          if (m > n + k) {
            break;
          }
          if (m < n - k || at + pieceLength > phraseStart + m || index.limit.applyAsInt(m) != k) {
            continue;
          }
          near[((from * longest) + to - from) * perPhrase + (i >>> 6)] |= 1L << i;
        }
      }
    }

    /** The length of the normal form of words {@code from} to {@code to}. */
    int length(int from, int to) {
      return starts[to + 1] - starts[from];
    }

    /**
     * Whether every character of the normal form of words {@code from} to {@code to} is a digit.
     */
    boolean digits(int from, int to) {
      for (int j = starts[from]; j < starts[to + 1]; j++) {
        if (text[j] < '0' || text[j] > '9') {
          return false;
        }
      }
      return true;
    }

    /** The normal form of words {@code from} to {@code to}. */
    String normalForm(int from, int to) {
      return new String(text, starts[from], length(from, to));
    }

    /**
     * As {@link NameIndex#within} and {@link NameIndex#anyWithin} ({@code found} {@code null}) for
     * words {@code from} to {@code to} (at most the line's longest) at the index's distance for
     * their length, allocating nothing for a phrase near no name.
     */
    boolean within(int from, int to, Found found) {
      int at = starts[from];
      int m = length(from, to);
      int k = index.limit.applyAsInt(m);
      if (k == 0) {
        long hash = prefix[at + m] - prefix[at] * powers[m];
        if (java.util.Arrays.binarySearch(index.nameHashes, hash) < 0) {
          return false;
        }
        return index.search(normalForm(from, to), 0, 0, found);
      }
      long wanted = 0;
      for (int w = from; w <= to; w++) {
        wanted |= masks[w];
      }
      if (k > MAX_PIECES_DISTANCE) {
        return index.search(normalForm(from, to), k, wanted, found);
      }
      boolean any = false;
      // Names shorter than k + 1 have no pieces: they come first, the index being sorted by length.
      int lo = Math.max(0, m - k);
      int hi = Math.min(index.byLength.length - 1, Math.min(k + 1, m + k + 1));
      for (int i = lo < hi ? index.byLength[lo] : 0; lo < hi && i < index.byLength[hi]; i++) {
        if (compare(i, at, m, k, wanted, found)) {
          if (found == null) {
            return true;
          }
          any = true;
        }
      }
      int marks = ((from * longest) + to - from) * perPhrase;
      for (int set = 0; set < perPhrase; set++) {
        long bits = near[marks + set];
        while (bits != 0) {
          int i = set * 64 + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          if (compare(i, at, m, k, wanted, found)) {
            if (found == null) {
              return true;
            }
            any = true;
          }
        }
      }
      return any;
    }

    private boolean compare(int i, int at, int m, int k, long wanted, Found found) {
      long mask = index.masks[i];
      if (Long.bitCount(wanted & ~mask) > k || Long.bitCount(mask & ~wanted) > k) {
        return false;
      }
      int d = distance(index.names[i], text, at, m, k, rows);
      if (d < 0) {
        return false;
      }
      if (found != null) {
        found.accept(index.entries[i], d);
      }
      return true;
    }
  }

  /**
   * The pieces of every name, for each distance a phrase of a length within that distance of the
   * name's is searched at, by length and hash: {@code first[slot]} up to {@code first[slot + 1]}
   * are the pieces of one length and hash, each with its name, distance and place in the name.
   */
  private static final class PieceTable {

    static final int LOOKED_UP = 4;

    final int[] lengths;
    final int[] first;
    final int[] name;
    final int[] distance;
    final int[] start;
    private final long[] hashes;
    private final int[] pieceLengths;
    private final int[] keyOf;
    private final int mask;

    PieceTable(String[] names, long[][][] pieces, IntUnaryOperator limit) {
      var byKey = new LinkedHashMap<List<Long>, List<int[]>>();
      var distinct = new java.util.TreeSet<Integer>();
      for (int k = 1; k <= MAX_PIECES_DISTANCE; k++) {
        for (int i = 0; i < names.length; i++) {
          int n = names[i].length();
          if (pieces[k][i] == null || !searchedAt(n, k, limit)) {
            continue;
          }
          long[] prefix = prefixHashes(names[i]);
          for (int piece = 0; piece <= k; piece++) {
            int from = pieceStart(n, k, piece);
            int pieceLength = Math.min(LOOKED_UP, pieceStart(n, k, piece + 1) - from);
            distinct.add(pieceLength);
            byKey
                .computeIfAbsent(
                    List.of((long) pieceLength, hash(prefix, from, from + pieceLength)),
                    key -> new ArrayList<>())
                .add(new int[] {i, k, from});
          }
        }
      }
      this.lengths = distinct.stream().mapToInt(Integer::intValue).toArray();
      int keys = byKey.size();
      int capacity = Integer.highestOneBit(Math.max(4, keys * 4) - 1) << 1;
      this.mask = capacity - 1;
      this.hashes = new long[capacity];
      this.pieceLengths = new int[capacity];
      this.keyOf = new int[capacity];
      java.util.Arrays.fill(keyOf, -1);
      int postings = byKey.values().stream().mapToInt(List::size).sum();
      this.first = new int[keys + 1];
      this.name = new int[postings];
      this.distance = new int[postings];
      this.start = new int[postings];
      int key = 0;
      int at = 0;
      for (var entry : byKey.entrySet()) {
        int pieceLength = entry.getKey().get(0).intValue();
        long hash = entry.getKey().get(1);
        int slot = slot(pieceLength, hash);
        while (keyOf[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        keyOf[slot] = key;
        hashes[slot] = hash;
        pieceLengths[slot] = pieceLength;
        first[key] = at;
        for (int[] posting : entry.getValue()) {
          name[at] = posting[0];
          distance[at] = posting[1];
          start[at] = posting[2];
          at++;
        }
        key++;
      }
      first[keys] = at;
    }

    /**
     * Whether a phrase of a length within {@code k} of {@code n} is searched at distance {@code k}.
     */
    private static boolean searchedAt(int n, int k, IntUnaryOperator limit) {
      for (int m = Math.max(0, n - k); m <= n + k; m++) {
        if (limit.applyAsInt(m) == k) {
          return true;
        }
      }
      return false;
    }

    /** The key of the pieces of this length and hash, or -1. */
    int find(int pieceLength, long hash) {
      for (int slot = slot(pieceLength, hash); keyOf[slot] >= 0; slot = (slot + 1) & mask) {
        if (hashes[slot] == hash && pieceLengths[slot] == pieceLength) {
          return keyOf[slot];
        }
      }
      return -1;
    }

    private int slot(int pieceLength, long hash) {
      long mixed = (hash + pieceLength) * 0xBF58476D1CE4E5B9L;
      return (int) (mixed >>> 40) & mask;
    }
  }
}
