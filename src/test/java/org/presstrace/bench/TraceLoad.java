package org.presstrace.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.registry.SerialNumber;
import org.presstrace.registry.SerialPattern;
import org.presstrace.registry.Trace;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Traces through the service layer ({@link Trace#trace}) as an investigator, with a purpose, each
 * call audited as in production: serials as stamped, the same serials written loosely (lower case,
 * other separators, O for 0), patterns for partly obliterated serials ({@code A1?3-55*} style) and
 * make with model. Queries come from machines picked at random from the generated world; the kinds
 * are interleaved so each sees the same conditions.
 */
final class TraceLoad {

  enum Kind {
    EXACT,
    NORMALISED,
    PATTERN,
    MAKE_MODEL,
    /** The pattern traces whose first two characters are known (the third is unreadable). */
    PATTERN_PREFIX_2,
    /** The pattern traces whose first three characters are known. */
    PATTERN_PREFIX_3
  }

  /** The kinds traced; the two prefix kinds split the pattern traces by their known prefix. */
  static final List<Kind> TRACED =
      List.of(Kind.EXACT, Kind.NORMALISED, Kind.PATTERN, Kind.MAKE_MODEL);

  /**
   * The latency above which a trace is counted in the tail figures: the p99 goal for exact and
   * normalised traces (docs/registry.md, "Trace at national size").
   */
  static final long SLOW_NANOS = 10_000_000L;

  /**
   * What was measured of each kind: its latencies, how many machines its traces found, and of its
   * traces slower than {@link #SLOW_NANOS} how many there were and how many of those had a garbage
   * collection of this JVM counted while they ran (the collectors' own counts, read before and
   * after each trace), so that the tail can be read against the collector's share.
   */
  record Result(
      Map<Kind, Latencies> latencies,
      Map<Kind, Long> matches,
      Map<Kind, Long> slow,
      Map<Kind, Long> slowCollecting) {}

  private record Sample(String serial, String make, String model) {}

  private final Trace trace;
  private final JdbcClient jdbc;
  private final AccessContext investigator;

  TraceLoad(Trace trace, JdbcClient jdbc, Directory directory) {
    this.trace = trace;
    this.jdbc = jdbc;
    this.investigator =
        new AccessContext(
            directory
                .caller(RegistryWorld.INVESTIGATOR)
                .orElseThrow(() -> new IllegalStateException("no benchmark investigator")),
            Channel.API,
            new Purpose("Benchmark case BM-1: trace latency"));
  }

  /** {@code warmup} rounds unmeasured, then {@code rounds} of each kind in {@code kinds}. */
  Result run(int machines, int warmup, int rounds, long seed, Set<Kind> kinds) {
    var random = new SplittableRandom(seed);
    var latencies = new EnumMap<Kind, Latencies>(Kind.class);
    var matches = new EnumMap<Kind, Long>(Kind.class);
    var slow = new EnumMap<Kind, Long>(Kind.class);
    var slowCollecting = new EnumMap<Kind, Long>(Kind.class);
    for (Kind kind : Kind.values()) {
      latencies.put(kind, new Latencies());
      matches.put(kind, 0L);
      slow.put(kind, 0L);
      slowCollecting.put(kind, 0L);
    }
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    for (int round = 0; round < warmup + rounds; round++) {
      Sample sample = sample(random.nextInt(machines));
      for (Kind kind : TRACED) {
        // Every kind draws its query, so that a run of some kinds traces the same serials.
        Trace.Query query = query(kind, sample, random);
        if (!kinds.contains(kind)) {
          continue;
        }
        long collectionsBefore = collections(collectors);
        long started = System.nanoTime();
        int found = trace.trace(investigator, query).size();
        long took = System.nanoTime() - started;
        boolean collected = collections(collectors) != collectionsBefore;
        if (round >= warmup) {
          List<Kind> counted =
              kind != Kind.PATTERN
                  ? List.of(kind)
                  : List.of(
                      kind,
                      knownLeading(query.pattern()) == 2
                          ? Kind.PATTERN_PREFIX_2
                          : Kind.PATTERN_PREFIX_3);
          for (Kind each : counted) {
            latencies.get(each).add(took);
            matches.merge(each, (long) found, Long::sum);
            if (took > SLOW_NANOS) {
              slow.merge(each, 1L, Long::sum);
              slowCollecting.merge(each, collected ? 1L : 0L, Long::sum);
            }
          }
        }
        if (found == 0) {
          throw new IllegalStateException(kind + " trace " + query + " found nothing");
        }
      }
    }
    return new Result(latencies, matches, slow, slowCollecting);
  }

  /**
   * How many collections this JVM's collectors have counted so far; a collector that cannot say
   * (-1) counts as none.
   */
  private static long collections(List<GarbageCollectorMXBean> collectors) {
    long total = 0;
    for (GarbageCollectorMXBean collector : collectors) {
      total += Math.max(0, collector.getCollectionCount());
    }
    return total;
  }

  /** How many readable characters a pattern has before its first wildcard. */
  static int knownLeading(String pattern) {
    int significant = 0;
    for (char c : pattern.toCharArray()) {
      if (c == '?' || c == '*') {
        break;
      }
      if (Character.isLetterOrDigit(c)) {
        significant++;
      }
    }
    return significant;
  }

  private Sample sample(int n) {
    return jdbc.sql("SELECT serial_as_entered, make, model FROM machine WHERE id = :id")
        .param("id", RegistryWorld.machineId(n))
        .query((rs, row) -> new Sample(rs.getString(1), rs.getString(2), rs.getString(3)))
        .single();
  }

  private static Trace.Query query(Kind kind, Sample sample, SplittableRandom random) {
    return switch (kind) {
      case EXACT -> Trace.Query.serial(sample.serial());
      case NORMALISED -> Trace.Query.serial(loosely(sample.serial()));
      case PATTERN -> Trace.Query.pattern(obliterated(sample.serial(), random));
      case MAKE_MODEL -> new Trace.Query(null, null, sample.make(), sample.model());
      case PATTERN_PREFIX_2, PATTERN_PREFIX_3 -> throw new IllegalArgumentException(kind.name());
    };
  }

  /** The serial as someone might type it: lower case, spaces for dashes, O for 0, I for 1. */
  static String loosely(String serial) {
    String typed =
        serial
            .toLowerCase(Locale.ROOT)
            .replace('-', ' ')
            .replace('/', '-')
            .replaceFirst("0", "o")
            .replaceFirst("1", "i");
    if (!new SerialNumber(typed).normalised().equals(new SerialNumber(serial).normalised())) {
      throw new IllegalStateException(typed + " does not normalise like " + serial);
    }
    return typed;
  }

  /**
   * A pattern for the serial with its third significant character unreadable and everything after
   * the seventh lost, e.g. {@code A123-5501} gives {@code A1?3-55*}.
   */
  static String obliterated(String serial, SplittableRandom random) {
    var pattern = new StringBuilder();
    int significant = 0;
    int unreadable = 2 + random.nextInt(2);
    for (char c : serial.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        if (significant == 7) {
          break;
        }
        pattern.append(significant == unreadable ? '?' : c);
        significant++;
      } else {
        pattern.append(c);
      }
    }
    String result = pattern.append('*').toString();
    if (!new SerialPattern(result).matches(new SerialNumber(serial))) {
      throw new IllegalStateException(result + " does not match " + serial);
    }
    return result;
  }

  static List<String> describe(Result result) {
    var lines = new ArrayList<String>();
    for (Kind kind : Kind.values()) {
      Latencies latencies = result.latencies().get(kind);
      if (latencies.count() == 0) {
        continue;
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "%-10s %s p95=%.2fms p99.9=%.2fms matches/trace=%.1f over %d ms: %d (%d during a"
                  + " collection)",
              kind.name().toLowerCase(Locale.ROOT),
              latencies.summary(),
              latencies.percentileMillis(95),
              latencies.percentileMillis(99.9),
              result.matches().get(kind) / (double) Math.max(1, latencies.count()),
              SLOW_NANOS / 1_000_000,
              result.slow().get(kind),
              result.slowCollecting().get(kind)));
    }
    return lines;
  }
}
