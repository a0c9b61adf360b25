package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;

/**
 * A PressTrace server in its own process and the command line on the same embedded data directory:
 * the commands share the database through the server's loopback H2 server, the server takes its
 * port from Spring Boot's {@code SERVER_PORT} and prints it, and a process holding the directory
 * without sharing it gets one line.
 */
class SharedDataDirectoryIntegrationTests {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  @TempDir Path work;

  private final List<Process> children = new CopyOnWriteArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroy();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aCommandRunsWhileTheServerServesTheSameDirectory() throws Exception {
    Path data = work.resolve("data");
    int port = freePort();
    var server =
        launch(
            List.of(
                "-cp",
                applicationClasspath(),
                PressTraceApplication.class.getName(),
                "serve",
                "--data",
                data.toString()),
            port);
    String running = server.awaitLine("PressTrace is running at ");

    assertThat(running).isEqualTo("PressTrace is running at http://localhost:" + port + "/");
    assertThat(health(port)).isEqualTo(200);

    // Private while serving: the directory, the database and the lock file with the server's key.
    assertThat(mode(data)).isEqualTo("rwx------");
    try (var files = Files.list(data)) {
      assertThat(files.toList())
          .extracting(file -> file.getFileName() + " " + mode(file))
          .contains("presstrace.mv.db rw-------", "presstrace.lock.db rw-------")
          .allSatisfy(line -> assertThat(line).endsWith(" rw-------"));
    }
    var lock = new Properties();
    try (var in = Files.newBufferedReader(data.resolve("presstrace.lock.db"))) {
      lock.load(in);
    }
    int h2Port = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));
    assertThat(reachable(InetAddress.getLoopbackAddress(), h2Port)).isTrue();
    Optional<InetAddress> external = nonLoopbackAddress();
    if (external.isPresent()) {
      assertThat(reachable(external.get(), h2Port))
          .as("H2 server reachable on " + external.get())
          .isFalse();
    }

    int exit = run("ledger", "verify", "--data", data.toString());

    assertThat(err.toString()).as(err.toString()).doesNotContain("presstrace:");
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("ledger holds: ");

    // A second server on the same directory is refused before it starts.
    err.getBuffer().setLength(0);
    int second = run("serve", "--data", data.toString(), "--port", "0");

    assertThat(second).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(errLines())
        .containsExactly(
            "presstrace: data directory "
                + data.toAbsolutePath()
                + " is in use by another process (a PressTrace server or command, or an H2 tool);"
                + " stop it before serving this directory");
    assertThat(server.process.isAlive()).isTrue();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aCommandOnADirectoryHeldWithoutSharingIsRefusedInOneLine() throws Exception {
    Path data = work.resolve("data");
    DataDirectory.prepare(data, notice -> {});
    String plain =
        "jdbc:h2:file:"
            + data.toAbsolutePath().resolve("presstrace")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    var holder =
        launch(
            List.of(
                "-cp",
                h2Jar(),
                "org.h2.tools.Shell",
                "-url",
                plain,
                "-user",
                "presstrace",
                "-password",
                ""),
            -1);
    holder.awaitPrompt("sql>");

    int exit = run("ledger", "verify", "--data", data.toString());

    assertThat(exit).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(errLines())
        .containsExactly(
            "presstrace: data directory "
                + data.toAbsolutePath()
                + " is held by a process that does not share it (an older PressTrace or an H2"
                + " tool); stop that process or wait for it to finish");
    assertThat(out.toString()).isEmpty();
  }

  private int run(String... args) {
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private List<String> errLines() {
    return err.toString().lines().filter(line -> !line.isBlank()).toList();
  }

  /** A child JVM; {@code serverPort} >= 0 is given as Spring Boot's own SERVER_PORT. */
  private Child launch(List<String> args, int serverPort) throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(args);
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("PRESSTRACE_PORT");
    builder.environment().remove("PRESSTRACE_DATA");
    builder.environment().remove("PRESSTRACE_DB_URL");
    if (serverPort >= 0) {
      builder.environment().put("SERVER_PORT", String.valueOf(serverPort));
    }
    var child = new Child(builder.start());
    children.add(child.process);
    return child;
  }

  /** A child process whose output is read line by line as it comes. */
  private static final class Child {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final StringBuilder partial = new StringBuilder();
    final List<String> seen = new CopyOnWriteArrayList<>();

    Child(Process process) {
      this.process = process;
      var reader =
          new Thread(
              () -> {
                try (var in = process.getInputStream()) {
                  int c;
                  var line = new StringBuilder();
                  while ((c = in.read()) >= 0) {
                    if (c == '\n') {
                      lines.add(line.toString());
                      seen.add(line.toString());
                      line.setLength(0);
                    } else {
                      line.append((char) c);
                      synchronized (partial) {
                        partial.setLength(0);
                        partial.append(line);
                      }
                    }
                  }
                } catch (IOException ignored) {
                  // the process ended
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String awaitLine(String prefix) throws InterruptedException {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null && line.startsWith(prefix)) {
          return line;
        }
        if (line == null && !process.isAlive()) {
          break;
        }
      }
      throw new AssertionError("no line '" + prefix + "...'; output:\n" + tail());
    }

    void awaitPrompt(String prompt) throws InterruptedException {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        synchronized (partial) {
          if (partial.toString().contains(prompt)) {
            return;
          }
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no prompt '" + prompt + "'; output:\n" + tail());
    }

    String tail() {
      return String.join("\n", seen.subList(Math.max(0, seen.size() - 40), seen.size()));
    }
  }

  /** The application's classpath without the test classes, whose configurations must not load. */
  private static String applicationClasspath() {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  private static String h2Jar() {
    return Arrays.stream(applicationClasspath().split(java.io.File.pathSeparator))
        .filter(entry -> Path.of(entry).getFileName().toString().startsWith("h2-"))
        .findFirst()
        .orElseThrow();
  }

  private static int health(int port) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static boolean reachable(InetAddress address, int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .filter(address -> address instanceof java.net.Inet4Address)
        .findFirst();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(
          Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
