package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes and one-line failures, all decided before Spring starts. */
class PressTraceCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PressTraceCommand.commandLine(
            Object.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private List<String> errLines() {
    return err.toString().lines().filter(line -> !line.isBlank()).toList();
  }

  @Test
  void versionPrintsTheNameAndExitsZero() {
    int exit = run("version");

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("presstrace ");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageErrorInOneLine() {
    int exit = run("--no-such-option");

    assertThat(exit).isEqualTo(PressTraceCommand.EXIT_USAGE).isEqualTo(2);
    assertThat(errLines())
        .filteredOn(line -> line.startsWith("presstrace:"))
        .singleElement()
        .asString()
        .contains("--no-such-option");
    assertThat(err.toString()).doesNotContain("\tat ");
  }

  @Test
  void dataDirectoryThatIsARegularFileIsRefusedInOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

    int exit = run("serve", "--data", file.toString());

    assertOneLineFailure(exit, "data directory");
  }

  @Test
  void dataDirectoryBelowARegularFileIsRefusedInOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");

    int exit = run("serve", "--data", file.resolve("data").toString());

    assertOneLineFailure(exit, "cannot create data directory");
  }

  @Test
  void unreachableDatabaseIsRefusedInOneLine() {
    int exit = run("serve", "--db-url", "jdbc:postgresql://127.0.0.1:1/nothing");

    assertOneLineFailure(exit, "cannot connect to database");
  }

  @Test
  void databaseUrlThatIsNotJdbcIsRefusedInOneLine() {
    int exit = run("--db-url", "notjdbc");

    assertOneLineFailure(exit, "'notjdbc' is not a JDBC URL");
  }

  private void assertOneLineFailure(int exit, String expected) {
    assertThat(exit).isEqualTo(PressTraceCommand.EXIT_FAILURE).isEqualTo(1);
    assertThat(errLines()).singleElement().asString().startsWith("presstrace:").contains(expected);
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void demoWithPartnerOnTheLastPortIsRefusedInOneLineBeforeAnythingStarts() {
    int exit = run("demo", "--with-partner", "--port", "65535", "--data", dir.toString());

    assertThat(exit).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(errLines())
        .containsExactly(
            "presstrace: --with-partner needs port 65535 + 1 for the partner, which is not a port"
                + " (0 to 65535)");
    assertThat(dir.resolve("partner")).doesNotExist();
    assertThat(dir.resolve("presstrace.mv.db")).doesNotExist();
  }

  @Test
  void demoWithPartnerOnARandomPortIsRefusedInOneLine() {
    int exit = run("demo", "--with-partner", "--port", "0", "--data", dir.toString());

    assertThat(exit).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(errLines())
        .containsExactly(
            "presstrace: --with-partner needs a fixed port (the partner takes the next one), not"
                + " port 0");
    assertThat(dir.resolve("partner")).doesNotExist();
  }
}
