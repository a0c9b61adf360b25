package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code presstrace match --engine spark}: the file the in-process engine writes, byte for byte.
 */
@Tag("spark")
class SparkMatchCommandTests {

  static final Path FIXTURES = Path.of("src/test/resources/resolution/engines");
  static final String MAP =
      "company=name,registration=registrationNumber,tel=phone,email=email,country=jurisdiction";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PressTraceCommand.commandLine(
            Object.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private String[] match(Path pairs, String... more) {
    var args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "match",
                "--schema",
                "Company",
                "--left",
                FIXTURES.resolve("companies-a.csv").toString(),
                "--right",
                FIXTURES.resolve("companies-b.csv").toString(),
                "--map",
                MAP,
                "--explain",
                "--threshold",
                "0.5",
                "--out",
                pairs.toString()));
    args.addAll(java.util.List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void theSparkEngineWritesTheFileOfTheInProcessEngine() throws IOException {
    Path inProcess = dir.resolve("in-process.csv");
    Path spark = dir.resolve("spark.csv");

    assertThat(run(match(inProcess))).isZero();
    assertThat(run(match(spark, "--engine", "spark", "--master", "local[2]"))).isZero();

    assertThat(err.toString()).isEmpty();
    assertThat(Files.readAllLines(inProcess)).hasSizeGreaterThan(5);
    assertThat(Files.readString(spark)).isEqualTo(Files.readString(inProcess));
  }

  @Test
  void aMasterSparkCannotReachEndsInOneLineAndWritesNothing() {
    Path pairs = dir.resolve("pairs.csv");

    int exit = run(match(pairs, "--engine", "spark", "--master", "nonsense://nowhere"));

    assertThat(exit).isNotZero();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("presstrace: ").contains("nonsense://nowhere");
    assertThat(pairs).doesNotExist();
  }
}
