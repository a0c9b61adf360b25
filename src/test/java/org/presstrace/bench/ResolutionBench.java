package org.presstrace.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;
import org.presstrace.resolution.Matching;
import org.presstrace.resolution.ResolutionIndex;
import org.presstrace.resolution.internal.Prepared;

/**
 * The resolution benchmark on synthetic people ({@link SyntheticPeople}): (a) deduplication of the
 * whole set through {@link Matching#deduplicate} (preparation, blocking, candidate pairs, scoring),
 * records per second and precision, recall and F1 of the links against the generated truth; (b) the
 * latency of resolving one new record against an index of the whole set through {@link
 * ResolutionIndex#add}, the path {@code Subjects.submit} takes before it writes to the database.
 * Baselines measured in the same run on the same machine: raw Jaro-Winkler comparisons of the
 * generated names (Apache Commons Text) and raw hashing of the record ids. Run by {@code
 * benchmarks/resolution-bench.sh}.
 *
 * <p>Options ({@code --name=value}): {@code --people} (records, 1000000), {@code --duplicates}
 * (share of duplicates, 0.2), {@code --seed} (20261128), {@code --dedup-runs} (1), {@code
 * --query-runs} (3; 0 leaves the one-new-record part out), {@code --queries} (per query run, 1000),
 * {@code --results} (a file for key=value figures).
 */
public final class ResolutionBench {

  private final Map<String, String> options;
  private final Map<String, String> figures = new LinkedHashMap<>();

  private ResolutionBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws IOException {
    var options = new HashMap<String, String>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("resolution-bench: expected --name=value, got '" + arg + "'");
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    showRememberedSimilarities();
    try {
      new ResolutionBench(options).run();
    } catch (NumberFormatException e) {
      System.err.println("resolution-bench: not a number: " + e.getMessage());
      System.exit(2);
    }
    System.exit(0);
  }

  /** The resolver's debug line on how often remembered similarities answered, on standard error. */
  private static void showRememberedSimilarities() {
    var logger = java.util.logging.Logger.getLogger("org.presstrace.resolution.internal.Resolver");
    var handler = new java.util.logging.ConsoleHandler();
    handler.setLevel(java.util.logging.Level.FINE);
    logger.setLevel(java.util.logging.Level.FINE);
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
    RESOLVER_LOGGER.add(logger);
  }

  /** Held so that the logger and its level are not collected. */
  private static final java.util.List<java.util.logging.Logger> RESOLVER_LOGGER =
      new java.util.ArrayList<>();

  private String option(String name, String fallback) {
    String value = options.get(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private int number(String name, int fallback) {
    return Integer.parseInt(option(name, String.valueOf(fallback)).replace("_", ""));
  }

  private void run() throws IOException {
    int people = number("people", 1_000_000);
    double duplicates = Double.parseDouble(option("duplicates", "0.2"));
    var generator = new SyntheticPeople(Long.parseLong(option("seed", "20261128")));
    figure("cores", Runtime.getRuntime().availableProcessors());

    long start = System.nanoTime();
    List<SyntheticPeople.Record> records = generator.records(people, duplicates);
    List<Entity> entities = records.stream().map(SyntheticPeople.Record::entity).toList();
    figure("generate.seconds", seconds(System.nanoTime() - start));
    long truePairs = truePairs(records);
    figure("records", entities.size());
    figure("true_pairs", truePairs);

    baselines(entities);
    deduplicate(entities, truePairs);
    if (number("query-runs", 3) > 0) {
      incremental(generator, entities, records.stream().mapToLong(r -> r.person()).max().orElse(0));
    }
    write();
  }

  /** Raw Jaro-Winkler comparisons of the generated names, and raw hashing of the record ids. */
  private void baselines(List<Entity> entities) {
    var jaroWinkler = new JaroWinklerSimilarity();
    String[] names =
        entities.stream().limit(200_000).map(ResolutionBench::nameOf).toArray(String[]::new);
    var random = new SplittableRandom(1);
    int comparisons = 1_000_000;
    double sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < comparisons; i++) {
      sink +=
          jaroWinkler.apply(
              names[random.nextInt(names.length)], names[random.nextInt(names.length)]);
    }
    figure("baseline.jaro_winkler_per_second", perSecond(comparisons, System.nanoTime() - start));
    start = System.nanoTime();
    var hashed = new HashMap<String, Integer>(entities.size() * 2);
    for (int i = 0; i < entities.size(); i++) {
      hashed.put(entities.get(i).id(), i);
    }
    figure(
        "baseline.hash_inserts_per_second", perSecond(entities.size(), System.nanoTime() - start));
    int runs = number("dedup-runs", 1);
    double[] prepare = new double[runs];
    long prepared = 0;
    for (int run = 0; run < runs; run++) {
      System.gc();
      start = System.nanoTime();
      prepared += entities.parallelStream().map(Prepared::of).filter(p -> p.id() != null).count();
      prepare[run] = seconds(System.nanoTime() - start);
    }
    figure("baseline.prepare_seconds", median(prepare));
    figure("baseline.sink", (long) sink + hashed.size() + prepared);
  }

  /** Resets the peak usage of every heap pool, so that a run's peak can be read after it. */
  private static void resetPeakHeap() {
    ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The heap in use at its peak since {@link #resetPeakHeap}, in MiB (the pools' peaks added). */
  private static long peakHeapMiB() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .mapToLong(pool -> pool.getPeakUsage().getUsed())
            .sum()
        >> 20;
  }

  private void deduplicate(List<Entity> entities, long truePairs) {
    int runs = number("dedup-runs", 1);
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    double[] heap = new double[runs];
    MatchRun result = null;
    for (int run = 0; run < runs; run++) {
      result = null;
      System.gc();
      resetPeakHeap();
      long cpuStart = processCpu();
      long start = System.nanoTime();
      result = Matching.withDefaults().deduplicate(entities);
      wall[run] = seconds(System.nanoTime() - start);
      cpu[run] = seconds(processCpu() - cpuStart);
      heap[run] = peakHeapMiB();
      System.out.printf(
          Locale.ROOT,
          "dedup run %d: %.1f s wall, %.1f s CPU, peak heap %.0f MiB, %d candidate pairs%n",
          run + 1,
          wall[run],
          cpu[run],
          heap[run],
          result.candidatePairs());
    }
    double seconds = median(wall);
    figure("dedup.seconds", seconds);
    figure("dedup.cpu_seconds", median(cpu));
    figure("dedup.peak_heap_mib", Math.round(median(heap)));
    figure("dedup.records_per_second", Math.round(entities.size() / seconds));
    figure("dedup.candidate_pairs", result.candidatePairs());
    figure("dedup.dropped_keys", result.droppedKeys().size());
    List<Match> links = result.links();
    long right = links.stream().filter(ResolutionBench::same).count();
    double precision = links.isEmpty() ? 0 : (double) right / links.size();
    double recall = truePairs == 0 ? 0 : (double) right / truePairs;
    figure("dedup.links", links.size());
    figure("dedup.review_pairs", result.matches().size() - links.size());
    figure("dedup.precision", precision);
    figure("dedup.recall", recall);
    figure("dedup.f1", precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
  }

  /**
   * Builds an index of every record one addition at a time, then resolves query runs of new records
   * against it: half are new duplicates of people already indexed, half new people.
   */
  private void incremental(SyntheticPeople generator, List<Entity> entities, long lastPerson) {
    System.gc();
    var index = new ResolutionIndex(MatchOptions.DEFAULTS);
    long start = System.nanoTime();
    for (Entity entity : entities) {
      index.add(entity);
    }
    double build = seconds(System.nanoTime() - start);
    figure("index.build_seconds", build);
    figure("index.records_per_second", Math.round(entities.size() / build));

    int runs = number("query-runs", 3);
    int queries = number("queries", 1000);
    double[] p50 = new double[runs];
    double[] p99 = new double[runs];
    long duplicatesFound = 0;
    var random = new SplittableRandom(99);
    for (int run = 0; run < runs; run++) {
      var latencies = new Latencies();
      for (int q = 0; q < queries; q++) {
        boolean duplicate = q % 2 == 0;
        long person =
            duplicate ? random.nextLong(lastPerson + 1) : lastPerson + 1 + run * queries + q;
        Entity entity =
            duplicate
                ? generator.duplicate(person, 5 + run * queries + q)
                : generator.original(person);
        long began = System.nanoTime();
        List<Match> found = index.add(entity);
        latencies.add(System.nanoTime() - began);
        if (duplicate && found.stream().anyMatch(m -> m.band() == MatchBand.LINK && same(m))) {
          duplicatesFound++;
        }
      }
      p50[run] = latencies.percentileMillis(50);
      p99[run] = latencies.percentileMillis(99);
      System.out.println("query run " + (run + 1) + ": " + latencies.summary());
    }
    figure("resolve_one.p50_ms", median(p50));
    figure("resolve_one.p99_ms", median(p99));
    figure(
        "resolve_one.duplicates_linked", (double) duplicatesFound / (runs * ((queries + 1) / 2)));
  }

  private static boolean same(Match match) {
    return SyntheticPeople.person(match.leftId()) == SyntheticPeople.person(match.rightId());
  }

  private static long truePairs(List<SyntheticPeople.Record> records) {
    Map<Long, Integer> sizes = new HashMap<>();
    records.forEach(record -> sizes.merge(record.person(), 1, Integer::sum));
    return sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
  }

  private static String nameOf(Entity entity) {
    List<String> name = new ArrayList<>(entity.values("firstName"));
    name.addAll(entity.values("lastName"));
    name.addAll(entity.values("name"));
    return String.join(" ", name).toLowerCase(Locale.ROOT);
  }

  private static long processCpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    LongSupplier cpu =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun::getProcessCpuTime
            : () -> 0L;
    return cpu.getAsLong();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long perSecond(long count, long nanos) {
    return Math.round(count / seconds(nanos));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private void figure(String name, Object value) {
    String text =
        value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
    figures.put(name, text);
    System.out.println(name + "=" + text);
  }

  private void write() throws IOException {
    String results = options.get("results");
    if (results != null) {
      var lines = new ArrayList<String>();
      figures.forEach((name, value) -> lines.add(name + "=" + value));
      Files.write(Path.of(results), lines);
    }
  }
}
