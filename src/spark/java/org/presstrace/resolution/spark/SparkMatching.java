package org.presstrace.resolution.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.MatchEngine;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;
import org.presstrace.resolution.MatchSteps;
import org.presstrace.shared.InvalidRequest;
import scala.Tuple2;

/**
 * The matching of {@link org.presstrace.resolution.Matching} as an Apache Spark job. Each record is
 * prepared ({@link MatchSteps#prepare}) where it lies; its blocking keys are grouped across the
 * cluster, a key carried by more records than the fan-out cap (of either side, in a linkage) is
 * dropped as the in-process engine drops it, and every other key's records make candidate pairs,
 * each pair once. The values counted for common and rare names, cities and e-mail addresses are
 * tallied over all records and sent to every machine, so that the pairs are scored ({@link
 * MatchSteps#scoring}) with the weights the in-process engine uses. The pairs at or above the
 * review threshold come back to the driver in the in-process engine's order.
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
  public MatchRun link(List<Entity> left, List<Entity> right, MatchOptions options, String master) {
    try (JavaSparkContext spark = context(master)) {
      return run(spark, ship(left, right), true, options);
    }
  }

  @Override
  public MatchRun deduplicate(List<Entity> entities, MatchOptions options, String master) {
    try (JavaSparkContext spark = context(master)) {
      return run(spark, ship(entities, null), false, options);
    }
  }

  /** The records in their run order: the left file, then the right one (none to deduplicate). */
  static List<ShippedEntity> ship(List<Entity> left, List<Entity> right) {
    List<ShippedEntity> records = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      records.add(ShippedEntity.of(i, 0, left.get(i)));
    }
    if (right != null) {
      for (int j = 0; j < right.size(); j++) {
        records.add(ShippedEntity.of(left.size() + j, 1, right.get(j)));
      }
    }
    return records;
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

  /** The run on {@code spark}: linkage when {@code linkage}, else deduplication of side 0. */
  static MatchRun run(
      JavaSparkContext spark, List<ShippedEntity> shipped, boolean linkage, MatchOptions options) {
    final int cap = options.fanOutCap();
    final double link = options.link();
    final double review = options.review();
    int slices = Math.max(spark.defaultParallelism(), shipped.size() / 5_000 + 1);
    JavaRDD<ShippedEntity> records =
        spark.parallelize(shipped, slices).persist(StorageLevel.MEMORY_AND_DISK());
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
      List<ScoredPair> scored =
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
              .collect();
      pairs.unpersist();
      SCORERS.remove(countsId);
      List<Match> matches = new ArrayList<>(scored.size());
      scored.forEach(pair -> matches.add(pair.match()));
      matches.sort(
          Comparator.comparing(Match::leftId)
              .thenComparing(Comparator.comparingDouble(Match::score).reversed())
              .thenComparing(Match::rightId));
      return new MatchRun(matches, candidatePairs, new HashSet<>(droppedKeys));
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
