package org.presstrace.resolution.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.EntityCsv;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;
import org.presstrace.resolution.Matching;
import org.presstrace.resolution.Schema;

/**
 * The Spark engine against the in-process one on the same files: the same pairs, in the same order,
 * with the same scores, weights, bands and explanations, the same number of candidate pairs and the
 * same keys dropped by the fan-out cap. Runs in Spark's local mode with two threads, the records
 * spread over several partitions. A new input is one more line in {@link #inputs()}.
 */
@Tag("spark")
class SparkEngineEqualityTests {

  static final Path FEBRL = Path.of("src/test/resources/febrl");
  static final Path FIXTURES = Path.of("src/test/resources/resolution/engines");
  static final String FEBRL_MAP =
      "rec_id=id,given_name=firstName,surname=lastName,street_number=street,address_1=street,"
          + "address_2=address,suburb=city,postcode=postalCode,state=region,"
          + "date_of_birth=birthDate,soc_sec_id=idNumber";
  static final String COMPANY_MAP =
      "company=name,registration=registrationNumber,tel=phone,email=email,country=jurisdiction";
  static final String PEOPLE_MAP =
      "rec=id,full_name=name,given=firstName,family=lastName,dob=birthDate,tel=phone,"
          + "email=email,city=city,country=country";

  /** One run to make on both engines: a linkage when {@code right} is given. */
  record Input(
      String name,
      Schema schema,
      String map,
      String rightMap,
      Path left,
      Path right,
      MatchOptions options) {

    Input(String name, Schema schema, String map, Path left, Path right, MatchOptions options) {
      this(name, schema, map, map, left, right, options);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Input> inputs() {
    var inputs = new ArrayList<Input>();
    inputs.add(
        new Input(
            "FEBRL dataset4a x dataset4b",
            Schema.PERSON,
            FEBRL_MAP,
            FEBRL.resolve("dataset4a.csv"),
            FEBRL.resolve("dataset4b.csv"),
            MatchOptions.DEFAULTS));
    inputs.add(
        new Input(
            "FEBRL dataset3 deduplicated, fan-out cap 3",
            Schema.PERSON,
            FEBRL_MAP,
            FEBRL.resolve("dataset3.csv"),
            null,
            MatchOptions.DEFAULTS.withFanOutCap(3)));
    inputs.add(
        new Input(
            "people across scripts deduplicated",
            Schema.PERSON,
            PEOPLE_MAP,
            FIXTURES.resolve("people.csv"),
            null,
            MatchOptions.DEFAULTS));
    inputs.add(
        new Input(
            "companies across scripts linked",
            Schema.COMPANY,
            COMPANY_MAP,
            FIXTURES.resolve("companies-a.csv"),
            FIXTURES.resolve("companies-b.csv"),
            MatchOptions.DEFAULTS));
    inputs.add(
        new Input(
            "companies linked, fan-out cap 2",
            Schema.COMPANY,
            COMPANY_MAP,
            FIXTURES.resolve("companies-a.csv"),
            FIXTURES.resolve("companies-b.csv"),
            MatchOptions.DEFAULTS.withFanOutCap(2)));
    inputs.add(
        new Input(
            "companies with quoted line breaks, CRLF and a byte order mark, linked",
            Schema.COMPANY,
            COMPANY_MAP + ",address=address",
            FIXTURES.resolve("companies-multiline-a.csv"),
            FIXTURES.resolve("companies-multiline-b.csv"),
            MatchOptions.DEFAULTS));
    Path labelled = Path.of("src/test/resources/resolution/chinese-company-pairs.csv");
    inputs.add(
        new Input(
            "labelled Chinese company pairs, every left name against every right name",
            Schema.COMPANY,
            "pair=id,left_name=name",
            "pair=id,right_name=name",
            labelled,
            labelled,
            MatchOptions.DEFAULTS));
    return inputs.stream();
  }

  static JavaSparkContext spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkMatching.context("local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void theSparkEngineFindsThePairsOfTheInProcessEngine(Input input) throws IOException {
    assertThat(input.left()).exists();
    List<Entity> left = EntityCsv.mapping(input.schema(), input.map()).read(input.left(), "left");
    List<Entity> right =
        input.right() == null
            ? null
            : EntityCsv.mapping(input.schema(), input.rightMap()).read(input.right(), "right");
    Matching matching = Matching.with(input.options());

    long started = System.nanoTime();
    MatchRun inProcess = right == null ? matching.deduplicate(left) : matching.link(left, right);
    long inProcessMillis = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    MatchRun distributed = run(input);
    long sparkMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "%s: %d pairs, %d candidate pairs; in process %d ms, Spark local[2] %d ms%n",
        input.name(),
        inProcess.matches().size(),
        inProcess.candidatePairs(),
        inProcessMillis,
        sparkMillis);

    assertThat(inProcess.links()).as("a run that links nothing proves nothing").isNotEmpty();
    assertThat(distributed.matches()).containsExactlyElementsOf(inProcess.matches());
    assertThat(distributed.matches().stream().map(Match::explanation))
        .containsExactlyElementsOf(inProcess.matches().stream().map(Match::explanation).toList());
    assertThat(distributed.candidatePairs()).isEqualTo(inProcess.candidatePairs());
    assertThat(distributed.droppedKeys()).isEqualTo(inProcess.droppedKeys());
    if (input.options().fanOutCap() < MatchOptions.DEFAULTS.fanOutCap()) {
      assertThat(inProcess.droppedKeys()).as("the cap is exercised").isNotEmpty();
    }
  }

  /**
   * The split size that cuts each file of {@code input} into at least four ranges; for a file with
   * quoted line breaks, one whose second range starts inside a quoted field, at a line break.
   */
  static long splitBytes(Input input) throws IOException {
    byte[] left = Files.readAllBytes(input.left());
    String text = new String(left, StandardCharsets.UTF_8);
    int inside = text.indexOf("Building\n");
    if (inside > 0) {
      // The ranges start after the byte order mark (3 bytes): the second one at the line break.
      int lineBreak =
          text.substring(0, inside + "Building".length()).getBytes(StandardCharsets.UTF_8).length;
      assertThat(left[lineBreak]).isEqualTo((byte) '\n');
      return lineBreak - 3;
    }
    long smallest = left.length;
    if (input.right() != null) {
      smallest = Math.min(smallest, Files.size(input.right()));
    }
    return Math.max(16, smallest / 4);
  }

  /** The Spark engine's run, its files read on the executors in ranges of {@link #splitBytes}. */
  private static MatchRun run(Input input) throws IOException {
    long splitBytes = splitBytes(input);
    JavaRDD<ShippedEntity> records =
        SparkMatching.read(
            spark,
            EntityCsv.mapping(input.schema(), input.map()),
            input.left().toString(),
            EntityCsv.mapping(input.schema(), input.rightMap()),
            input.right() == null ? null : input.right().toString(),
            splitBytes);
    assertThat(records.getNumPartitions())
        .as("every file is read in several parts")
        .isGreaterThanOrEqualTo(input.right() == null ? 3 : 6);
    SparkMatching.Run run =
        SparkMatching.run(spark, records, input.right() != null, input.options());
    try {
      return run.collect();
    } finally {
      run.release();
    }
  }
}
