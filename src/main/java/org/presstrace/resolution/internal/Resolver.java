package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;

/** Links two sets of entities, or deduplicates one, through capped blocking and scoring. */
public final class Resolver {

  private final MatchOptions options;

  public Resolver(MatchOptions options) {
    this.options = options;
  }

  /**
   * One pair scored, whatever the blocks say. With no other records to count, no value is known to
   * be common or rare: the weights are the features' own.
   */
  public Match compare(Entity a, Entity b) {
    return new Scorer(options, TermWeights.NONE).compare(Prepared.of(a), Prepared.of(b));
  }

  /**
   * Every pair of {@code left} x {@code right} that shares a usable key, scored; how common a value
   * is counts over both sides together. A key is unusable when either side holds it more than the
   * fan-out cap.
   */
  public MatchRun link(List<Entity> left, List<Entity> right) {
    var copies = new SharedCopies();
    List<Prepared> rights = prepare(right, copies);
    List<Prepared> lefts = prepare(left, copies);
    FutureTask<ValueCounts> counting = countAside(lefts, rights);
    SortedBlocks rightBlocks = SortedBlocks.of(rights);
    SortedBlocks leftBlocks = SortedBlocks.of(lefts);
    int cap = options.fanOutCap();
    // a left key's id on the right side, or -1 when the right side does not hold it or either side
    // holds it more than the cap
    int[] across = new int[leftBlocks.keyCount()];
    IntStream.range(0, across.length)
        .parallel()
        .forEach(
            k -> {
              int id = rightBlocks.idOf(leftBlocks.keyHash(k));
              across[k] =
                  id < 0 || leftBlocks.held(k) > cap || rightBlocks.held(id) > cap ? -1 : id;
            });
    Set<String> dropped = new LinkedHashSet<>(rightBlocks.over(cap));
    dropped.addAll(leftBlocks.over(cap));
    var scorer = new Scorer(options, new TermWeights(joined(counting)));
    return score(
        scorer,
        lefts,
        rights,
        (i, found) -> {
          for (int e = leftBlocks.keyStart(i); e < leftBlocks.keyEnd(i); e++) {
            int id = across[leftBlocks.keyId(e)];
            if (id >= 0) {
              for (int h = rightBlocks.holderStart(id); h < rightBlocks.holderEnd(id); h++) {
                found.add(rightBlocks.holder(h));
              }
            }
          }
        },
        // the left records grouped by the largest right block they meet, as in a deduplication
        grouped(
            lefts.size(),
            i ->
                largestBlock(
                    leftBlocks.keyStart(i),
                    leftBlocks.keyEnd(i),
                    e -> across[leftBlocks.keyId(e)],
                    rightBlocks::held)),
        dropped);
  }

  /** Every pair within {@code entities} that shares a usable key, scored once. */
  public MatchRun deduplicate(List<Entity> entities) {
    List<Prepared> records = prepare(entities, new SharedCopies());
    FutureTask<ValueCounts> counting = countAside(records, List.of());
    SortedBlocks blocks = SortedBlocks.of(records);
    int cap = options.fanOutCap();
    var scorer = new Scorer(options, new TermWeights(joined(counting)));
    return score(
        scorer,
        records,
        records,
        (i, found) -> {
          for (int e = blocks.keyStart(i); e < blocks.keyEnd(i); e++) {
            int id = blocks.keyId(e);
            if (blocks.held(id) > cap) {
              continue;
            }
            for (int h = blocks.afterEntry(e); h < blocks.holderEnd(id); h++) {
              found.add(blocks.holder(h));
            }
          }
        },
        byLargestBlock(blocks, records.size(), cap),
        blocks.over(cap));
  }

  /**
   * The records in the order they are scored in: grouped by the largest block each holds (at most
   * the cap), in their own order within a group. A record's candidates are the later holders of its
   * blocks, wherever they are among a million; taken block by block, the same few hundred records
   * are compared one after another and stay in the processor's caches, instead of each pair
   * fetching two records from main memory. Which pairs are scored, and which side of each is left,
   * do not depend on this order.
   */
  private static int[] byLargestBlock(SortedBlocks blocks, int records, int cap) {
    return grouped(
        records,
        r ->
            largestBlock(
                blocks.keyStart(r),
                blocks.keyEnd(r),
                e -> blocks.held(blocks.keyId(e)) <= cap ? blocks.keyId(e) : -1,
                blocks::held));
  }

  /**
   * The largest of the blocks that a record's key entries {@code from} to {@code to} stand for:
   * {@code blockOf} gives an entry's block, or -1 when it is unusable, and {@code held} a block's
   * size; on a tie the smaller block id. {@link #NO_BLOCK} when none is usable.
   */
  private static int largestBlock(
      int from, int to, IntUnaryOperator blockOf, IntUnaryOperator held) {
    int largest = NO_BLOCK;
    int most = 0;
    for (int e = from; e < to; e++) {
      int id = blockOf.applyAsInt(e);
      if (id >= 0) {
        int size = held.applyAsInt(id);
        if (size > most || size == most && id < largest) {
          largest = id;
          most = size;
        }
      }
    }
    return largest;
  }

  /** Positions to records: the records sorted by {@code group} of each, then by their own order. */
  private static int[] grouped(int records, IntUnaryOperator group) {
    long[] keyed = new long[records];
    IntStream.range(0, records)
        .parallel()
        .forEach(r -> keyed[r] = (long) group.applyAsInt(r) << 32 | r);
    java.util.Arrays.parallelSort(keyed);
    int[] order = new int[records];
    for (int p = 0; p < records; p++) {
      order[p] = (int) keyed[p];
    }
    return order;
  }

  /** The group of a record that holds no usable block: after all the others. */
  private static final int NO_BLOCK = Integer.MAX_VALUE;

  /** The candidates of one left record, added to a buffer (repeats allowed). */
  private interface Candidates {
    void of(int left, IntBuffer found);
  }

  /** A growable buffer of ints, one per thread. */
  static final class IntBuffer {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    /** Sorts the values and keeps each once; returns how many are left. */
    int distinct() {
      java.util.Arrays.sort(values, 0, size);
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (kept == 0 || values[i] != values[kept - 1]) {
          values[kept++] = values[i];
        }
      }
      size = kept;
      return kept;
    }

    int get(int i) {
      return values[i];
    }

    void clear() {
      size = 0;
    }
  }

  /**
   * Left records scored in slices of this many. Slices hold unequal work (in a deduplication a
   * record's candidates are its later records): slices are small and handed out one at a time, so
   * that no processor waits while another finishes a large share.
   */
  private static final int SLICE = 256;

  /**
   * Scores each left record against its candidates, slices of left records handed out in order to
   * one worker per processor (the fork-join pool the caller runs in, or the common pool), each
   * taking the next slice when it finishes one: the blocks are complete and only read here, the
   * scorer keeps no state. A pair whose bound cannot reach the review threshold is counted but not
   * scored in full; the others are scored and explained by {@link Scorer#compare}. The left records
   * are taken in {@code order} (positions to records). The result depends neither on the threads
   * nor on the order: slices are joined in order and the pairs sorted.
   */
  private MatchRun score(
      Scorer scorer,
      List<Prepared> lefts,
      List<Prepared> rights,
      Candidates candidatesOf,
      int[] order,
      Set<String> dropped) {
    double least = leastWeight(options.review());
    int slices = (lefts.size() + SLICE - 1) / SLICE;
    long[] counted = new long[slices];
    @SuppressWarnings("unchecked")
    List<Match>[] found = new List[slices];
    var next = new AtomicInteger();
    var remembered = new Remembered();
    IntStream.range(0, workers())
        .parallel()
        .forEach(
            worker -> {
              var buffer = new IntBuffer();
              var memory = new Scorer.Memory();
              for (int slice = next.getAndIncrement();
                  slice < slices;
                  slice = next.getAndIncrement()) {
                var matches = new ArrayList<Match>();
                long pairs = 0;
                int end = Math.min(lefts.size(), (slice + 1) * SLICE);
                for (int at = slice * SLICE; at < end; at++) {
                  int i = order[at];
                  buffer.clear();
                  candidatesOf.of(i, buffer);
                  int distinct = buffer.distinct();
                  pairs += distinct;
                  Prepared left = lefts.get(i);
                  for (int c = 0; c < distinct; c++) {
                    Prepared right = rights.get(buffer.get(c));
                    if (scorer.bound(left, right, least, memory) >= least) {
                      keep(scorer.compare(left, right, memory), matches);
                    }
                  }
                }
                counted[slice] = pairs;
                found[slice] = matches;
              }
              remembered.add(memory);
            });
    remembered.log();
    var matches = new ArrayList<Match>();
    long candidates = 0;
    for (int slice = 0; slice < slices; slice++) {
      matches.addAll(found[slice]);
      candidates += counted[slice];
    }
    return finish(matches, candidates, dropped);
  }

  /** How often the workers' remembered similarities answered, logged at debug level per batch. */
  private static final class Remembered {
    private static final System.Logger LOG = System.getLogger(Resolver.class.getName());
    private final LongAdder names = new LongAdder();
    private final LongAdder namesComputed = new LongAdder();
    private final LongAdder cities = new LongAdder();
    private final LongAdder citiesComputed = new LongAdder();

    void add(Scorer.Memory memory) {
      names.add(memory.names.asked());
      namesComputed.add(memory.names.computed());
      cities.add(memory.cities.asked());
      citiesComputed.add(memory.cities.computed());
    }

    void log() {
      LOG.log(
          System.Logger.Level.DEBUG,
          () ->
              "remembered similarities: names "
                  + share(names.sum(), namesComputed.sum())
                  + ", cities "
                  + share(cities.sum(), citiesComputed.sum()));
    }

    private static String share(long asked, long computed) {
      return String.format(
          Locale.ROOT,
          "%d of %d answered (%.1f %%)",
          asked - computed,
          asked,
          asked == 0 ? 0 : 100.0 * (asked - computed) / asked);
    }
  }

  /**
   * The least weight (bits) a pair needs for a score at the review threshold, less half a bit: the
   * score is rounded (near 1 by tenths of a bit), and a pair whose bound is below this cannot be
   * kept. Past 50 bits scores differ from 1 by less than their rounding, so the bar stops there.
   */
  static double leastWeight(double review) {
    return Math.min(50, Math.log(review / (1 - review)) / Math.log(2)) - 0.5;
  }

  private void keep(Match match, List<Match> matches) {
    if (match.band() != MatchBand.DISTINCT) {
      matches.add(match);
    }
  }

  /**
   * How many workers share the slices: one per thread of the fork-join pool the caller runs in, or
   * of the common pool and the caller itself. A worker that finds no slice left ends at once.
   */
  private static int workers() {
    ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : null;
    return pool != null ? pool.getParallelism() : ForkJoinPool.getCommonPoolParallelism() + 1;
  }

  private static MatchRun finish(List<Match> matches, long candidates, Set<String> dropped) {
    matches.sort(
        Comparator.comparing(Match::leftId)
            .thenComparing(Comparator.comparingDouble(Match::score).reversed())
            .thenComparing(Match::rightId));
    return new MatchRun(matches, candidates, dropped);
  }

  /**
   * The values of {@code first} and then {@code second} counted on a thread of their own, started
   * now: counting fills hash maps one record at a time, so it runs beside the blocking (whose
   * sorting and filling of arrays is partly one thread too) rather than after it. The records are
   * only read.
   */
  private static FutureTask<ValueCounts> countAside(List<Prepared> first, List<Prepared> second) {
    var counting =
        new FutureTask<>(
            () -> {
              var counts = ValueCounts.of(first);
              second.forEach(counts::add);
              return counts;
            });
    var thread = new Thread(counting, "resolution-value-counts");
    thread.setDaemon(true);
    thread.start();
    return counting;
  }

  /** The counts of {@link #countAside}, once made; a failure in counting is thrown here. */
  private static ValueCounts joined(FutureTask<ValueCounts> counting) {
    try {
      return counting.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      counting.cancel(true);
      throw new IllegalStateException("interrupted while counting values", interrupted);
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(failed.getCause());
    }
  }

  /**
   * Normalised once each, in parallel: normalisation (ICU, libphonenumber) is thread-safe. Equal
   * names and cities are then one shared copy each, for the similarities the workers remember.
   */
  private static List<Prepared> prepare(List<Entity> entities, SharedCopies copies) {
    return entities.parallelStream().map(entity -> copies.of(Prepared.of(entity))).toList();
  }
}
