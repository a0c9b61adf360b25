package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;

/**
 * {@code presstrace demo --with-partner} in a JVM of its own: both instances answer on consecutive
 * ports, each has the other as its partner, the notices reached China's inbox, China's objection
 * (with its reason) and confirmation came back to the United States, and one notice still awaits
 * its answer; stopping the process stops both. Two application contexts start, so it is in the
 * heavy group: {@code ./mvnw -o test -Pheavy -Dtest=DemoWithPartnerIntegrationTests}.
 */
@Tag("heavy")
class DemoWithPartnerIntegrationTests {

  @TempDir Path work;

  private Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void startsAPairedChinesePartnerWithNoticesAnswered() throws Exception {
    Path data = work.resolve("data");
    int port = consecutiveFreePorts();
    var command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp",
                applicationClasspath(),
                PressTraceApplication.class.getName(),
                "demo",
                "--with-partner",
                "--data",
                data.toString(),
                "--port",
                Integer.toString(port)));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException ignored) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();

    List<String> summary = awaitSummary(Duration.ofMinutes(4));
    String printed = String.join("\n", summary);
    assertThat(printed)
        .contains("United States  http://localhost:" + port + "/")
        .contains("China          http://localhost:" + (port + 1) + "/")
        .contains(
            data.resolve("partner").resolve("demo-logins.properties").toAbsolutePath().toString())
        .contains("Notice DEMO-INV-0001 (25 kg 4-piperidone): OBJECTED")
        .contains("Notice DEMO-INV-0002 (2 kg 4-piperidone): CONFIRMED")
        .containsPattern(
            "Notice DEMO-INV-0003 \\(50 kg 4-piperidone\\): AWAITING_ANSWER, answer due by \\d{4}-")
        .contains(
            "Incidents: seizure DEMO-INC-0001 (5,000 fentanyl pills, Nogales) released to China"
                + " and received there")
        .doesNotContain("have not")
        .doesNotContain("was not sent");

    assertThat(health(port)).isEqualTo(200);
    assertThat(health(port + 1)).isEqualTo(200);

    var partnerLogins = new Properties();
    try (var in = Files.newBufferedReader(data.resolve("partner/demo-logins.properties"))) {
      partnerLogins.load(in);
    }
    assertThat(partnerLogins.stringPropertyNames())
        .contains("admin", "nncc.investigator")
        .doesNotContain("dea.investigator");

    process.destroy();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("both instances stop").isTrue();
    assertThat(reachable(port)).isFalse();
    assertThat(reachable(port + 1)).isFalse();

    try (var us = open(data);
        var china = open(data.resolve("partner"))) {
      assertThat(column(china, "SELECT country FROM exchange_partner")).containsExactly("USA");
      assertThat(column(us, "SELECT country FROM exchange_partner")).containsExactly("CHN");
      assertThat(column(us, "SELECT authority FROM exchange_partner"))
          .containsExactly("China National Narcotics Control Commission (demo)");
      assertThat(
              column(
                  china,
                  "SELECT invoice FROM exchange_notice WHERE direction = 'INCOMING' ORDER BY"
                      + " invoice"))
          .containsExactly("DEMO-INV-0001", "DEMO-INV-0002", "DEMO-INV-0003");
      assertThat(
              column(
                  us,
                  "SELECT n.invoice || ' ' || n.status || ' ' || a.answer || ' ' || COALESCE(a.reason,"
                      + " '-') FROM exchange_notice n JOIN exchange_notice_answer a ON a.notice_id ="
                      + " n.id WHERE n.direction = 'OUTGOING' ORDER BY n.invoice"))
          .containsExactly(
              "DEMO-INV-0001 OBJECTED OBJECT " + DemoPartner.OBJECTION,
              "DEMO-INV-0002 CONFIRMED CONFIRM -");
      // The incident arrives with its reference and marking, and without the seizure's narrative.
      assertThat(column(china, "SELECT reference || ' ' || tlp FROM exchange_incident"))
          .containsExactly(DemoPartner.INCIDENT_REFERENCE + " GREEN");
      assertThat(column(china, "SELECT items || place FROM exchange_incident").get(0))
          .doesNotContain("spare tyre");
      assertThat(column(us, "SELECT status FROM exchange_notice WHERE invoice = 'DEMO-INV-0003'"))
          .containsExactly("AWAITING_ANSWER");
    }
  }

  private List<String> awaitSummary(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    var seen = new ArrayList<String>();
    boolean inSummary = false;
    var summary = new ArrayList<String>();
    while (System.nanoTime() < end) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        if (!process.isAlive()) {
          break;
        }
        continue;
      }
      seen.add(line);
      if (line.startsWith("PressTrace demo with partner:")) {
        inSummary = true;
      }
      if (inSummary) {
        summary.add(line);
        if (line.strip().startsWith("Incidents")) {
          return summary;
        }
      }
    }
    throw new AssertionError(
        "no partner summary; the demo printed:\n"
            + seen.stream().skip(Math.max(0, seen.size() - 60)).collect(Collectors.joining("\n")));
  }

  private static java.sql.Connection open(Path dir) throws java.sql.SQLException {
    return DriverManager.getConnection(
        "jdbc:h2:file:"
            + dir.toAbsolutePath().resolve("presstrace")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "presstrace",
        "");
  }

  private static List<String> column(java.sql.Connection connection, String sql)
      throws java.sql.SQLException {
    var values = new ArrayList<String>();
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static int health(int port) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static boolean reachable(int port) {
    try (var socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("localhost", port), 2000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** A port whose next port is free too. */
  private static int consecutiveFreePorts() throws java.io.IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      if (port < 65535) {
        try (var next = new ServerSocket(port + 1)) {
          return port;
        } catch (java.io.IOException taken) {
          // try another
        }
      }
    }
    throw new IllegalStateException("no two consecutive free ports");
  }

  private static String applicationClasspath() {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }
}
