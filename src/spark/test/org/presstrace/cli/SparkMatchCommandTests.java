package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code presstrace match --engine spark}: the file the in-process engine writes, byte for byte,
 * with the files read on the executors in ranges of 200 bytes; and every file the in-process engine
 * refuses refused in the same one line, with no output left behind.
 */
@Tag("spark")
class SparkMatchCommandTests {

  static final Path FIXTURES = Path.of("src/test/resources/resolution/engines");
  static final String MAP =
      "company=name,registration=registrationNumber,tel=phone,email=email,country=jurisdiction,"
          + "address=address";
  static final String SPLIT_BYTES = "spark.presstrace.splitBytes";

  @TempDir Path dir;

  private Path out;
  private StringWriter stdout = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void smallSplits() throws IOException {
    System.setProperty(SPLIT_BYTES, "200");
    out = Files.createDirectory(dir.resolve("out"));
  }

  @AfterEach
  void defaultSplits() {
    System.clearProperty(SPLIT_BYTES);
  }

  private int run(String... args) {
    stdout = new StringWriter();
    err = new StringWriter();
    return PressTraceCommand.commandLine(
            Object.class, new PrintWriter(stdout, true), new PrintWriter(err, true))
        .execute(args);
  }

  private String[] match(Path left, Path right, Path pairs, String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "match",
                "--schema",
                "Company",
                "--left",
                left.toString(),
                "--right",
                right.toString(),
                "--map",
                MAP,
                "--explain",
                "--threshold",
                "0.5",
                "--out",
                pairs.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private String[] spark(Path left, Path right, Path pairs, String... more) {
    var args = new ArrayList<>(List.of(match(left, right, pairs, more)));
    args.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    return args.toArray(String[]::new);
  }

  private static Path fixture(String name) {
    return FIXTURES.resolve(name);
  }

  @Test
  void theSparkEngineWritesTheFileOfTheInProcessEngine() throws IOException {
    Path inProcess = out.resolve("in-process.csv");
    Path spark = out.resolve("spark.csv");
    Path left = fixture("companies-multiline-a.csv");
    Path right = fixture("companies-multiline-b.csv");

    assertThat(run(match(left, right, inProcess))).isZero();
    assertThat(run(spark(left, right, spark))).isZero();

    assertThat(err.toString()).isEmpty();
    assertThat(Files.readAllLines(inProcess)).hasSizeGreaterThan(5);
    assertThat(Files.readString(spark)).isEqualTo(Files.readString(inProcess));
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).as("no partial file is left").hasSize(2);
    }
  }

  @Test
  void thePartFilesWrittenOnTheExecutorsMakeTheFileInOrder() throws IOException {
    Path inProcess = out.resolve("in-process.csv");
    Path spark = out.resolve("spark.csv");
    Path parts = out.resolve("parts");
    Path left = fixture("companies-multiline-a.csv");
    Path right = fixture("companies-multiline-b.csv");

    assertThat(run(match(left, right, inProcess))).isZero();
    assertThat(run(spark(left, right, spark, "--out-dir", parts.toString()))).isZero();

    List<Path> partFiles;
    try (Stream<Path> files = Files.list(parts)) {
      partFiles = files.sorted().toList();
    }
    assertThat(partFiles).hasSizeGreaterThan(1);
    assertThat(partFiles)
        .allMatch(part -> part.getFileName().toString().matches("part-\\d{5}\\.csv"));
    var concatenated = new StringBuilder();
    for (Path part : partFiles) {
      concatenated.append(Files.readString(part, StandardCharsets.UTF_8));
    }
    assertThat(concatenated.toString()).isEqualTo(Files.readString(inProcess));
    assertThat(Files.readString(spark)).isEqualTo(Files.readString(inProcess));
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).as("no staging directory is left").hasSize(3);
    }
  }

  /** The in-process refusal and the Spark engine's, which must be the same line. */
  private void refusedAlike(Path left, Path right) throws IOException {
    Path pairs = out.resolve("pairs.csv");

    int inProcessExit = run(match(left, right, pairs));
    String inProcess = err.toString();
    int sparkExit = run(spark(left, right, pairs, "--out-dir", out.resolve("parts").toString()));

    assertThat(inProcessExit).isNotZero();
    assertThat(sparkExit).isNotZero();
    assertThat(inProcess.lines()).hasSize(1);
    assertThat(err.toString()).isEqualTo(inProcess).startsWith("presstrace: ");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).as("nothing is written").isEmpty();
    }
  }

  /** {@code companies-multiline-b.csv} with {@code records} appended. */
  private Path rightWith(String records) throws IOException {
    Path file = dir.resolve("right.csv");
    Files.writeString(
        file,
        Files.readString(fixture("companies-multiline-b.csv")) + records,
        StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aRecordWithoutAnIdInALaterPartIsRefusedWithItsRowNumber() throws IOException {
    Path right =
        rightWith("B20,Later Co,,,,DE,\"two\nlines\"\r\n,No Id Co,,,,DE,\r\nB21,x,,,,,\r\n");

    refusedAlike(fixture("companies-multiline-a.csv"), right);

    assertThat(err.toString()).contains("row 13 has no id");
  }

  @Test
  void anIdRepeatedInALaterPartIsRefusedAtItsSecondRow() throws IOException {
    Path right = rightWith("B20,Later Co,,,,DE,\"two\nlines\"\r\nB3,Again Co,,,,DE,\r\n");

    refusedAlike(fixture("companies-multiline-a.csv"), right);

    assertThat(err.toString()).contains("row 13: id 'B3' repeats");
  }

  @Test
  void aMissingColumnIsRefused() throws IOException {
    Path right = dir.resolve("right.csv");
    Files.writeString(right, "id,company\nB1,Acme\n");

    refusedAlike(fixture("companies-multiline-a.csv"), right);

    assertThat(err.toString()).contains("has no column 'registration'");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path right = Files.createFile(dir.resolve("empty.csv"));

    refusedAlike(fixture("companies-multiline-a.csv"), right);

    assertThat(err.toString()).contains("has no column");
  }

  @Test
  void aFileThatCannotBeReadIsRefused() throws IOException {
    refusedAlike(fixture("companies-multiline-a.csv"), dir.resolve("missing.csv"));
    assertThat(err.toString()).contains("cannot read");

    refusedAlike(dir, fixture("companies-multiline-b.csv"));
    assertThat(err.toString()).contains("cannot read");
  }

  @Test
  void textThatIsNotCsvInALaterPartIsRefused() throws IOException {
    Path right = rightWith("B20,\"closed\" then text,,,,DE,\r\nB21,x,,,,,\r\n");
    Path pairs = out.resolve("pairs.csv");

    assertThat(run(match(fixture("companies-multiline-a.csv"), right, pairs))).isNotZero();
    assertThat(err.toString()).contains("is not valid CSV");
    assertThat(run(spark(fixture("companies-multiline-a.csv"), right, pairs))).isNotZero();

    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("presstrace: ").contains("is not valid CSV");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void anOutputDirectoryThatExistsIsRefused() throws IOException {
    Path parts = Files.createDirectory(out.resolve("parts"));
    Files.writeString(parts.resolve("part-00000.csv"), "kept\n");

    int exit =
        run(
            spark(
                fixture("companies-multiline-a.csv"),
                fixture("companies-multiline-b.csv"),
                out.resolve("pairs.csv"),
                "--out-dir",
                parts.toString()));

    assertThat(exit).isNotZero();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("exists");
    assertThat(Files.readString(parts.resolve("part-00000.csv"))).isEqualTo("kept\n");
    assertThat(out.resolve("pairs.csv")).doesNotExist();
  }

  @Test
  void aMasterSparkCannotReachEndsInOneLineAndWritesNothing() {
    Path pairs = out.resolve("pairs.csv");

    int exit =
        run(
            match(
                fixture("companies-multiline-a.csv"),
                fixture("companies-multiline-b.csv"),
                pairs,
                "--engine",
                "spark",
                "--master",
                "nonsense://nowhere"));

    assertThat(exit).isNotZero();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("presstrace: ").contains("nonsense://nowhere");
    assertThat(pairs).doesNotExist();
  }
}
