package org.presstrace.resolution.spark;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.presstrace.resolution.EntityCsv;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchEngine;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;
import org.presstrace.resolution.MatchSteps;
import org.presstrace.shared.InvalidRequest;
import scala.Tuple2;

/**
 * The matching of {@link org.presstrace.resolution.Matching} as an Apache Spark job. The files are
 * read on the executors ({@link ClusterCsv}) and each record is prepared ({@link
 * MatchSteps#prepare}) where it lies; its blocking keys are grouped across the cluster, a key
 * carried by more records than the fan-out cap (of either side, in a linkage) is dropped as the
 * in-process engine drops it, and every other key's records make candidate pairs, each pair once.
 * The values counted for common and rare names, cities and e-mail addresses are tallied over all
 * records and sent to every machine, so that the pairs are scored ({@link MatchSteps#scoring}) with
 * the weights the in-process engine uses. The pairs at or above the link threshold are sorted in
 * the in-process engine's order and written from the executors ({@link PairFiles}).
 */
public final class SparkMatching implements MatchEngine {

  /** Prepared records kept per task while its pairs are scored; a record meets several others. */
  private static final int PREPARED_CACHE = 4096;

  /** One scorer per run and executor JVM: building it copies the counts. */
  private static final Map<String, MatchSteps.Scoring> SCORERS = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public void match(
      EntityCsv reader,
      String left,
      String right,
      MatchOptions options,
      boolean explain,
      String master,
      String outDir,
      Writer out)
      throws IOException {
    try (JavaSparkContext spark = context(master)) {
      long splitBytes = spark.getConf().getSizeAsBytes(ClusterCsv.SPLIT_BYTES, "64m");
      if (splitBytes < 1) {
        throw new InvalidRequest(ClusterCsv.SPLIT_BYTES, "the split size must be at least 1 byte");
      }
      try {
        Run run =
            run(
                spark,
                read(spark, reader, left, reader, right, splitBytes),
                right != null,
                options);
        try {
          PairFiles.write(spark, run.kept(), options, explain, outDir, out);
        } finally {
          run.release();
        }
      } catch (InvalidRequest refused) {
        throw refused;
      } catch (RuntimeException failed) {
        throw new InvalidRequest("engine", "the Spark job failed: " + rootMessage(failed));
      }
    }
  }

  /**
   * The records of {@code left} and then {@code right} (null to deduplicate), read on the executors
   * in ranges of {@code splitBytes} and numbered in that order; a refused file is refused on the
   * driver, the left one first.
   */
  static JavaRDD<ShippedEntity> read(
      JavaSparkContext spark,
      EntityCsv leftReader,
      String left,
      EntityCsv rightReader,
      String right,
      long splitBytes) {
    ClusterCsv.Records lefts = ClusterCsv.read(spark, leftReader, left, "left", 0, 0, splitBytes);
    if (right == null) {
      return lefts.records();
    }
    ClusterCsv.Records rights =
        ClusterCsv.read(spark, rightReader, right, "right", 1, lefts.count(), splitBytes);
    return lefts.records().union(rights.records());
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }

  /**
   * A context on {@code master}; without one, the master spark-submit gives, else all local cores.
   * A local context binds to the loopback address only and starts no web UI.
   */
  static JavaSparkContext context(String master) {
    SparkConf conf = new SparkConf().setAppName("presstrace match");
    if (master != null && !master.isBlank()) {
      conf.setMaster(master.trim());
    }
    conf.setIfMissing("spark.master", "local[*]");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    try {
      return new JavaSparkContext(conf);
    } catch (RuntimeException refused) {
      throw new InvalidRequest(
          "master",
          "cannot start Spark on '" + conf.get("spark.master") + "': " + refused.getMessage());
    }
  }

  /**
   * A run's pairs at or above the review threshold, kept on the executors, with the number of
   * candidate pairs and the keys the fan-out cap dropped.
   */
  record Run(JavaRDD<ScoredPair> kept, long candidatePairs, Set<String> droppedKeys) {

    /** The pairs on the driver, in the in-process engine's order: for tests and small runs. */
    MatchRun collect() {
      List<Match> matches = new ArrayList<>();
      kept.collect().forEach(pair -> matches.add(pair.match()));
      matches.sort(
          Comparator.comparing(Match::leftId)
              .thenComparing(Comparator.comparingDouble(Match::score).reversed())
              .thenComparing(Match::rightId));
      return new MatchRun(matches, candidatePairs, droppedKeys);
    }

    void release() {
      kept.unpersist();
    }
  }

  /** The run on {@code spark}: linkage when {@code linkage}, else deduplication of side 0. */
  static Run run(
      JavaSparkContext spark, JavaRDD<ShippedEntity> read, boolean linkage, MatchOptions options) {
    final int cap = options.fanOutCap();
    final double link = options.link();
    final double review = options.review();
    JavaRDD<ShippedEntity> records = read.persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<BlockedEntity> blocked =
        records.map(BlockedEntity::of).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // Keys over the cap: counted per side, as the in-process index counts each side apart.
      List<String> droppedKeys =
          blocked
              .flatMapToPair(
                  record ->
                      record.keys().stream()
                          .map(key -> new Tuple2<>(new Tuple2<>(key, record.side()), 1L))
                          .iterator())
              .reduceByKey(Long::sum)
              .filter(count -> count._2() > cap)
              .map(count -> count._1()._1())
              .distinct()
              .collect();
      Broadcast<HashSet<String>> dropped = spark.broadcast(new HashSet<>(droppedKeys));

      Broadcast<HashMap<String, Map<String, Integer>>> counts = spark.broadcast(counts(blocked));
      Broadcast<HashMap<String, Integer>> totals = spark.broadcast(totals(blocked));

      JavaPairRDD<Long, Long> pairs =
          blocked
              .flatMapToPair(
                  record ->
                      record.keys().stream()
                          .filter(key -> !dropped.value().contains(key))
                          .map(
                              key -> new Tuple2<>(key, new Tuple2<>(record.index(), record.side())))
                          .iterator())
              .groupByKey()
              .flatMapToPair(block -> candidates(block._2(), linkage).iterator())
              .distinct()
              .persist(StorageLevel.MEMORY_AND_DISK());
      long candidatePairs = pairs.count();

      JavaPairRDD<Long, ShippedEntity> byIndex =
          records.mapToPair(record -> new Tuple2<>(record.index(), record));
      String countsId = UUID.randomUUID().toString();
      JavaRDD<ScoredPair> kept =
          pairs
              .join(byIndex)
              .mapToPair(pair -> new Tuple2<>(pair._2()._1(), pair._2()._2()))
              .join(byIndex)
              .values()
              .mapPartitions(
                  both -> {
                    MatchSteps.Scoring scoring =
                        SCORERS.computeIfAbsent(
                            countsId,
                            id ->
                                MatchSteps.scoring(
                                    new MatchOptions(link, review, cap),
                                    counts.value(),
                                    totals.value()));
                    return score(both, scoring);
                  })
              .persist(StorageLevel.MEMORY_AND_DISK());
      kept.count();
      pairs.unpersist();
      SCORERS.remove(countsId);
      return new Run(kept, candidatePairs, new HashSet<>(droppedKeys));
    } finally {
      blocked.unpersist();
      records.unpersist();
    }
  }

  /** How many records carry each counted value, by field. */
  private static HashMap<String, Map<String, Integer>> counts(JavaRDD<BlockedEntity> blocked) {
    Map<Tuple2<String, String>, Long> tallied =
        blocked
            .flatMapToPair(
                record ->
                    record.counted().entrySet().stream()
                        .flatMap(
                            field ->
                                field.getValue().stream()
                                    .map(
                                        value ->
                                            new Tuple2<>(new Tuple2<>(field.getKey(), value), 1L)))
                        .iterator())
            .reduceByKey(Long::sum)
            .collectAsMap();
    var counts = new HashMap<String, Map<String, Integer>>();
    tallied.forEach(
        (fieldValue, count) ->
            counts
                .computeIfAbsent(fieldValue._1(), field -> new HashMap<>())
                .put(fieldValue._2(), Math.toIntExact(count)));
    return counts;
  }

  /** How many records carry a value of each counted field. */
  private static HashMap<String, Integer> totals(JavaRDD<BlockedEntity> blocked) {
    var totals = new HashMap<String, Integer>();
    blocked
        .flatMap(
            record ->
                record.counted().entrySet().stream()
                    .filter(field -> !field.getValue().isEmpty())
                    .map(Map.Entry::getKey)
                    .iterator())
        .countByValue()
        .forEach((field, count) -> totals.put(field, Math.toIntExact(count)));
    return totals;
  }

  /**
   * The pairs one block makes, by record index: in a linkage every left record with every right
   * one; in a deduplication every two records, the earlier one first.
   */
  private static List<Tuple2<Long, Long>> candidates(
      Iterable<Tuple2<Long, Integer>> members, boolean linkage) {
    List<Long> lefts = new ArrayList<>();
    List<Long> rights = new ArrayList<>();
    for (Tuple2<Long, Integer> member : members) {
      (member._2() == 0 ? lefts : rights).add(member._1());
    }
    List<Tuple2<Long, Long>> pairs = new ArrayList<>();
    if (linkage) {
      for (long left : lefts) {
        for (long right : rights) {
          pairs.add(new Tuple2<>(left, right));
        }
      }
    } else {
      lefts.sort(null);
      for (int i = 0; i < lefts.size(); i++) {
        for (int j = i + 1; j < lefts.size(); j++) {
          pairs.add(new Tuple2<>(lefts.get(i), lefts.get(j)));
        }
      }
    }
    return pairs;
  }

  /** Scores each pair, left to right, and keeps those at or above the review threshold. */
  private static Iterator<ScoredPair> score(
      Iterator<Tuple2<ShippedEntity, ShippedEntity>> pairs, MatchSteps.Scoring scoring) {
    Map<Long, MatchSteps.PreparedEntity> prepared =
        new LinkedHashMap<>(PREPARED_CACHE, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, MatchSteps.PreparedEntity> eldest) {
            return size() > PREPARED_CACHE;
          }
        };
    List<ScoredPair> kept = new ArrayList<>();
    while (pairs.hasNext()) {
      Tuple2<ShippedEntity, ShippedEntity> pair = pairs.next();
      Match match =
          scoring.compare(
              prepared.computeIfAbsent(
                  pair._1().index(), index -> MatchSteps.prepare(pair._1().entity())),
              prepared.computeIfAbsent(
                  pair._2().index(), index -> MatchSteps.prepare(pair._2().entity())));
      if (match.band() != MatchBand.DISTINCT) {
        kept.add(ScoredPair.of(match));
      }
    }
    return kept.iterator();
  }
}
