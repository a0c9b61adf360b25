package org.presstrace.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.presstrace.PressTraceApplication;
import org.presstrace.ledger.CrashSeed;

/**
 * PressTrace in a JVM of its own, on the application's classpath without the test classes (whose
 * test configurations must not load), as {@code LedgerCrashTests} runs it: started, killed with
 * SIGKILL, stopped with SIGTERM, or run as a command line ({@code ledger verify}).
 */
final class PressTraceProcess {

  static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final Path work;
  private final Storage storage;
  private final String password;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> settings;
  private Process process;
  private String name;

  /** Where PressTrace keeps its data: an embedded directory, and a PostgreSQL database or none. */
  record Storage(
      Path data, String url, String user, String password, String owner, String ownerPassword) {

    boolean embedded() {
      return url == null;
    }

    List<String> options() {
      var options = new ArrayList<>(List.of("--data", data.toString()));
      if (!embedded()) {
        options.addAll(List.of("--db-url", url, "--db-user", user, "--db-password", password));
        options.addAll(List.of("--db-owner-user", owner, "--db-owner-password", ownerPassword));
      }
      return options;
    }

    /** A JDBC URL to read what was stored, with the process stopped (embedded) or not. */
    String readUrl() {
      return embedded()
          ? "jdbc:h2:file:" + data.resolve("presstrace") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
          : url;
    }

    String readUser() {
      return embedded() ? "presstrace" : owner;
    }

    String readPassword() {
      return embedded() ? "" : ownerPassword;
    }
  }

  PressTraceProcess(Path work, Storage storage, String password) {
    this(work, storage, password, List.of());
  }

  /** With {@code settings} ({@code -Dname=value}) added to every start of the server. */
  PressTraceProcess(Path work, Storage storage, String password, List<String> settings) {
    this.work = work;
    this.storage = storage;
    this.password = password;
    this.settings = List.copyOf(settings);
  }

  /** Starts {@code presstrace serve}; {@code seed} adds {@link CrashSeed} (first start only). */
  void start(int port, boolean seed, String name) throws Exception {
    var options = new ArrayList<String>(settings);
    if (seed) {
      options.add("-Dspring.main.sources=" + CrashSeed.class.getName());
      options.add("-Dpresstrace.crash-test.password=" + password);
    }
    var args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
    args.addAll(storage.options());
    this.name = name;
    this.process = launch(name, options, args);
    awaitReady(port);
  }

  /** SIGKILL: no shutdown hook, no pool close, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("PressTrace did not die on SIGKILL");
    }
  }

  /** SIGTERM, so the embedded database file is closed before anyone else opens it. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("PressTrace did not stop on SIGTERM");
    }
  }

  String password() {
    return password;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Runs {@code presstrace ledger verify} on the same storage; returns its exit code. */
  int verifyLedger() throws Exception {
    var args = new ArrayList<>(List.of("ledger", "verify"));
    args.addAll(storage.options());
    Process verify = launch("verify", List.of(), args);
    if (!verify.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      verify.destroyForcibly();
      throw new IllegalStateException("ledger verify did not finish:\n" + log("verify"));
    }
    return verify.exitValue();
  }

  String log(String logName) {
    try {
      List<String> lines = Files.readAllLines(work.resolve(logName + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  String log() {
    return log(name);
  }

  private Process launch(String logName, List<String> options, List<String> args)
      throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.add("-Duser.timezone=UTC");
    command.addAll(options);
    command.add("-cp");
    command.add(childClasspath());
    command.add(PressTraceApplication.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(logName + ".log").toFile()))
        .start();
  }

  private String childClasspath() throws IOException {
    Path seedClasses = work.resolve("seed-classes");
    String resource = CrashSeed.class.getName().replace('.', '/') + ".class";
    Path target = seedClasses.resolve(resource);
    if (!Files.exists(target)) {
      Files.createDirectories(target.getParent());
      try (InputStream in = CrashSeed.class.getClassLoader().getResourceAsStream(resource)) {
        Files.copy(in, target);
      }
    }
    String application =
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
            .collect(Collectors.joining(java.io.File.pathSeparator));
    return application + java.io.File.pathSeparator + seedClasses;
  }

  private void awaitReady(int port) throws Exception {
    var readiness =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("PressTrace exited at start:\n" + log());
      }
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException("PressTrace not ready in " + START_TIMEOUT + ":\n" + log());
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
