package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process on the embedded database that still writes while it stops on SIGTERM, as PressTrace
 * does (the web server's last requests, then the ledger integrator's drain). H2 opens the database
 * shared ({@code AUTO_SERVER=TRUE}) only with its own close in a JVM shutdown hook, and the JVM
 * runs all hooks at once: a late write made from a shutdown hook, where Spring closes the
 * application, finds the database closed. {@link GracefulStop} closes first, then exits, and the
 * write lands.
 */
class GracefulStopTests {

  /** How long the child's close works before it writes, longer than H2 takes to close. */
  private static final long CLOSING_MILLIS = 1_500;

  @TempDir Path work;

  private final List<Process> children = new ArrayList<>();
  private final Map<Process, Path> logs = new HashMap<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aWriteMadeWhileStoppingOnSigtermReachesTheEmbeddedDatabase() throws Exception {
    Path data = work.resolve("graceful");
    Process child = start(data, "graceful");
    child.destroy();
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("stopped on SIGTERM").isTrue();

    assertThat(child.exitValue()).as("exit code of SIGTERM").isEqualTo(128 + 15);
    assertThat(notes(data)).as(output(child)).containsExactly("written while stopping");
  }

  /** Why the stop is handled at all: from a shutdown hook the same write is lost. */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aWriteMadeFromAShutdownHookFindsTheEmbeddedDatabaseClosedByH2() throws Exception {
    Path data = work.resolve("hook");
    Process child = start(data, "hook");
    child.destroy();
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("stopped on SIGTERM").isTrue();

    assertThat(notes(data)).as(output(child)).isEmpty();
    assertThat(output(child)).contains("late write failed");
  }

  private Process start(Path data, String mode) throws Exception {
    Files.createDirectories(data);
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Child.class.getName());
    command.add(data.toString());
    command.add(mode);
    Path log = work.resolve(mode + ".log");
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    children.add(child);
    logs.put(child, log);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.readString(log).contains("ready on jdbc:h2:file:")) {
      assertThat(child.isAlive()).as("child alive: " + Files.readString(log)).isTrue();
      assertThat(System.nanoTime() < deadline).as("child ready in time").isTrue();
      Thread.sleep(50);
    }
    assertThat(Files.readString(log)).as("the database is shared").contains("AUTO_SERVER=TRUE");
    return child;
  }

  private List<String> notes(Path data) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(StorageOptions.exclusiveUrl(data), "sa", "");
        var statement = connection.createStatement();
        var result = statement.executeQuery("SELECT note FROM stop_note ORDER BY note")) {
      var notes = new ArrayList<String>();
      while (result.next()) {
        notes.add(result.getString(1));
      }
      return notes;
    }
  }

  private String output(Process child) throws IOException {
    return Files.readString(logs.get(child), StandardCharsets.UTF_8);
  }

  /**
   * Opens the embedded database as {@code presstrace serve} does, then waits; on stopping it works
   * a moment (as Spring's close does) and writes one row, either from {@link GracefulStop} or from
   * a JVM shutdown hook.
   */
  static final class Child {
    public static void main(String[] args) throws Exception {
      StorageOptions.bindH2ToLoopback();
      String url = StorageOptions.embeddedUrl(Path.of(args[0]));
      Connection connection = DriverManager.getConnection(url, "sa", "");
      try (var statement = connection.createStatement()) {
        statement.execute("CREATE TABLE stop_note (note VARCHAR(40))");
      }
      Runnable close =
          () -> {
            try {
              Thread.sleep(CLOSING_MILLIS);
              try (var statement = connection.createStatement()) {
                statement.execute("INSERT INTO stop_note VALUES ('written while stopping')");
              }
              connection.close();
              System.out.println("late write done");
            } catch (SQLException | InterruptedException | RuntimeException e) {
              System.out.println("late write failed: " + e);
            }
          };
      if (args[1].equals("graceful")) {
        GracefulStop.install(close);
      } else {
        Runtime.getRuntime().addShutdownHook(new Thread(close));
      }
      System.out.println("ready on " + url);
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
