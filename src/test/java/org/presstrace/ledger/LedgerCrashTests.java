package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash test of the ledger: a real PressTrace process on the embedded H2 file database is
 * killed with SIGKILL in the middle of a stream of transfers. After a restart on the same data
 * directory every custody event the API acknowledged is in the chain of custody and in the log, in
 * order, the log still appends, and {@code presstrace ledger verify} exits 0. A second scenario
 * kills a process that queues but does not integrate, so every acknowledged entry is committed and
 * not yet in the log at the kill, and shows the restarted process integrating all of it.
 *
 * <p>Tagged {@code crash} (it starts the application three times): run it with {@code ./mvnw test
 * -Pcrash}.
 */
@Tag("crash")
class LedgerCrashTests {

  private static final int ACKNOWLEDGED_BEFORE_KILL = 30;
  private static final int WRITERS = 2;

  /**
   * How long one child JVM may take to start. About 15 s on an idle two-core machine; with a load
   * average near 30 (several builds at once) a start took more than 150 s, the earlier bound, and
   * the test failed before it had crashed anything. {@code -Dpresstrace.crash-test.start-timeout}
   * (seconds) overrides it.
   */
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.getLong("presstrace.crash-test.start-timeout", 360));

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path work;

  private final String password = "Crash-" + UUID.randomUUID();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Process> children = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  /** One custody event the API acknowledged with 2xx: which machine, what, to whom. */
  record Acknowledged(String machineId, String type, String holder) {}

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void everyAcknowledgedTransferSurvivesAKillAndTheLedgerVerifies() throws Exception {
    // PressTrace refuses a data directory other accounts may open.
    Path data =
        Files.createDirectory(
            work.resolve("data"),
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    int port = freePort();
    Process first = serve(data, port, true, "first");
    awaitReady(first, port);
    Properties seeded = new Properties();
    try (var in = Files.newBufferedReader(data.resolve(CrashSeed.FILE))) {
      seeded.load(in);
    }
    var api = new Api(port, seeded);

    // Writers stream transfers until the process dies; the kill comes while requests are open.
    var acknowledged = new ConcurrentHashMap<String, List<Acknowledged>>();
    var transfers = new AtomicInteger();
    var inFlight = new AtomicInteger();
    var stop = new AtomicBoolean();
    var writers = new ArrayList<Thread>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      var thread =
          new Thread(
              () -> stream(api, writer, acknowledged, transfers, inFlight, stop),
              "crash-writer-" + w);
      thread.setDaemon(true);
      thread.start();
      writers.add(thread);
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while ((transfers.get() < ACKNOWLEDGED_BEFORE_KILL || inFlight.get() == 0)
        && System.nanoTime() < deadline
        && first.isAlive()) {
      Thread.sleep(5);
    }
    int openAtKill = inFlight.get();
    int transfersAtKill = transfers.get();
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("killed process exited").isTrue();
    assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    stop.set(true);
    for (Thread thread : writers) {
      thread.join(REQUEST_TIMEOUT.toMillis() + 5_000);
      assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
    }
    assertThat(failures).as("requests refused before the kill").isEmpty();
    assertThat(transfersAtKill).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
    assertThat(openAtKill).as("requests open when the process was killed").isPositive();

    // Restarted on the same directory, it serves and the log keeps appending.
    Process second = serve(data, port, false, "second");
    awaitReady(second, port);
    JsonNode head = api.get("/api/v1/ledger/head", "admin");
    assertThat(head.path("treeSize").asLong()).isPositive();
    var made = api.registerMachine("CT-after-restart");
    acknowledged.put(
        made.machineId(), List.of(made, api.transfer(made.machineId(), made.holder())));
    stop(second);

    assertEveryAcknowledgedEventIsStoredAndLogged(data, acknowledged);
    assertThat(verify(data)).as("presstrace ledger verify exit code").isZero();
  }

  /**
   * The first process queues but does not integrate ({@code presstrace.ledger.integrate=false}), so
   * when it is killed every acknowledged write is committed and not yet in the log. The restarted
   * process integrates all of it: the queue ends empty, every queued entry is a leaf, and the
   * ledger verifies.
   */
  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void entriesCommittedButNotIntegratedWhenKilledAreIntegratedAfterRestart() throws Exception {
    Path data =
        Files.createDirectory(
            work.resolve("data"),
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    int port = freePort();
    Process first = serve(data, port, true, "first", "-Dpresstrace.ledger.integrate=false");
    awaitReady(first, port);
    Properties seeded = new Properties();
    try (var in = Files.newBufferedReader(data.resolve(CrashSeed.FILE))) {
      seeded.load(in);
    }
    var api = new Api(port, seeded);
    var acknowledged = new ConcurrentHashMap<String, List<Acknowledged>>();
    var transfers = new AtomicInteger();
    var inFlight = new AtomicInteger();
    var stop = new AtomicBoolean();
    var writers = new ArrayList<Thread>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      var thread =
          new Thread(
              () -> stream(api, writer, acknowledged, transfers, inFlight, stop),
              "queue-writer-" + w);
      thread.setDaemon(true);
      thread.start();
      writers.add(thread);
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while ((transfers.get() < ACKNOWLEDGED_BEFORE_KILL || inFlight.get() == 0)
        && System.nanoTime() < deadline
        && first.isAlive()) {
      Thread.sleep(5);
    }
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("killed process exited").isTrue();
    stop.set(true);
    for (Thread thread : writers) {
      thread.join(REQUEST_TIMEOUT.toMillis() + 5_000);
    }
    assertThat(failures).as("requests refused before the kill").isEmpty();
    assertThat(transfers.get()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    List<Long> queued;
    try (var connection = DriverManager.getConnection(h2Url(data), "presstrace", "")) {
      queued = ids(connection, "SELECT id FROM ledger_queue ORDER BY id");
      long custody = count(connection, "SELECT COUNT(*) FROM custody_event");
      assertThat(
              count(connection, "SELECT COUNT(*) FROM ledger_queue WHERE kind = 'custody-event'"))
          .as("every stored custody event is queued, none integrated by the killed process")
          .isEqualTo(custody);
    }
    assertThat(queued).as("entries committed but not integrated at the kill").isNotEmpty();

    // Verification with no integrator running names the first committed entry not in the log.
    Process stalled =
        launch(
            "verify-stalled",
            List.of("-Dpresstrace.ledger.integrate=false", "-Dpresstrace.ledger.await-timeout=1s"),
            "ledger",
            "verify",
            "--data",
            data.toString());
    assertThat(stalled.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(stalled.exitValue()).as("verify with entries left queued").isEqualTo(1);
    assertThat(log("verify-stalled"))
        .contains("ledger diverges: queue entry " + queued.get(0) + " (")
        .contains("was committed before verification began but is not in the log")
        .contains("(" + queued.size() + " such entries)");

    Process second = serve(data, port, false, "second");
    awaitReady(second, port);
    var made = api.registerMachine("CT-after-restart");
    acknowledged.put(
        made.machineId(), List.of(made, api.transfer(made.machineId(), made.holder())));
    JsonNode head = api.get("/api/v1/ledger/head", "admin");
    assertThat(head.path("treeSize").asLong()).isGreaterThanOrEqualTo(queued.size());
    stop(second);

    try (var connection = DriverManager.getConnection(h2Url(data), "presstrace", "")) {
      assertThat(count(connection, "SELECT COUNT(*) FROM ledger_queue")).isZero();
      List<Long> integrated =
          ids(connection, "SELECT queue_id FROM ledger_leaf WHERE queue_id IS NOT NULL");
      assertThat(integrated).as("every entry queued before the kill is a leaf").containsAll(queued);
    }
    assertEveryAcknowledgedEventIsStoredAndLogged(data, acknowledged);
    assertThat(verify(data)).as("presstrace ledger verify exit code").isZero();
  }

  private static String h2Url(Path data) {
    return "jdbc:h2:file:" + data.resolve("presstrace") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
  }

  private static List<Long> ids(java.sql.Connection connection, String sql) throws Exception {
    var ids = new ArrayList<Long>();
    try (var rows = connection.createStatement().executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  /** Registers machines as the maker and passes each back and forth between the two registrants. */
  private void stream(
      Api api,
      int writer,
      Map<String, List<Acknowledged>> acknowledged,
      AtomicInteger transfers,
      AtomicInteger inFlight,
      AtomicBoolean stop) {
    int n = 0;
    while (!stop.get()) {
      inFlight.incrementAndGet();
      try {
        var made = api.registerMachine("CT-" + writer + "-" + n++);
        inFlight.decrementAndGet();
        var chain = new CopyOnWriteArrayList<Acknowledged>(List.of(made));
        acknowledged.put(made.machineId(), chain);
        for (int hop = 0; hop < 4 && !stop.get(); hop++) {
          inFlight.incrementAndGet();
          var moved = api.transfer(made.machineId(), chain.get(chain.size() - 1).holder());
          inFlight.decrementAndGet();
          chain.add(moved);
          transfers.incrementAndGet();
        }
      } catch (IOException e) {
        // The process was killed under this request: not acknowledged, so nothing is expected.
        inFlight.decrementAndGet();
        sleepQuietly();
      } catch (RuntimeException | AssertionError e) {
        inFlight.decrementAndGet();
        failures.add(e);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void assertEveryAcknowledgedEventIsStoredAndLogged(
      Path data, Map<String, List<Acknowledged>> acknowledged) throws Exception {
    try (var connection = DriverManager.getConnection(h2Url(data), "presstrace", "")) {
      for (var entry : acknowledged.entrySet()) {
        var custody = new ArrayList<Acknowledged>();
        var salts = new ArrayList<String>();
        try (var query =
            connection.prepareStatement(
                "SELECT type, to_registrant, salt FROM custody_event WHERE machine_id = ?"
                    + " ORDER BY seq")) {
          query.setString(1, entry.getKey());
          try (var rows = query.executeQuery()) {
            while (rows.next()) {
              custody.add(new Acknowledged(entry.getKey(), rows.getString(1), rows.getString(2)));
              salts.add(rows.getString(3));
            }
          }
        }
        var logged = new ArrayList<Acknowledged>();
        try (var query =
            connection.prepareStatement(
                "SELECT data FROM ledger_leaf WHERE kind = ? AND ref = ? ORDER BY idx")) {
          query.setString(1, CustodyLeaves.KIND);
          query.setString(2, entry.getKey());
          try (var rows = query.executeQuery()) {
            while (rows.next()) {
              int i = logged.size();
              Acknowledged row = i < custody.size() ? custody.get(i) : null;
              logged.add(
                  leaf(
                      entry.getKey(),
                      JSON.readTree(rows.getString(1)),
                      row,
                      i < salts.size() ? salts.get(i) : null));
            }
          }
        }
        List<Acknowledged> expected = entry.getValue();
        assertThat(custody).as("custody of " + entry.getKey()).startsWith(array(expected));
        assertThat(logged).as("ledger leaves of " + entry.getKey()).isEqualTo(custody);
      }
      assertThat(count(connection, "SELECT COUNT(*) FROM custody_event"))
          .as("every stored custody event has its leaf")
          .isEqualTo(
              count(connection, "SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'"));
      assertThat(count(connection, "SELECT size FROM ledger_state"))
          .isEqualTo(count(connection, "SELECT COUNT(*) FROM ledger_leaf"));
    }
  }

  private static Acknowledged[] array(List<Acknowledged> list) {
    return list.toArray(Acknowledged[]::new);
  }

  /**
   * A custody leaf as the same triple: its event name, and the holder of the row it stands for when
   * the leaf's commitment to that holder holds under the row's salt (a leaf shows no holder).
   */
  private static Acknowledged leaf(String machineId, JsonNode data, Acknowledged row, String salt) {
    String type = data.path("type").asString();
    if (row == null || salt == null) {
      return new Acknowledged(machineId, type, null);
    }
    String committed = data.path(CustodyLeaves.COMMIT + "to_registrant").asString();
    boolean holds = CustodyLeaves.commitment(salt, "to_registrant", row.holder()).equals(committed);
    return new Acknowledged(machineId, type, holds ? row.holder() : "no commitment to it");
  }

  private static long count(java.sql.Connection connection, String sql) throws Exception {
    try (var rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The API as the seeded logins use it. */
  private final class Api {
    private final String base;
    private final Properties seeded;

    Api(int port, Properties seeded) {
      this.base = "http://localhost:" + port;
      this.seeded = seeded;
    }

    Acknowledged registerMachine(String serial) throws IOException, InterruptedException {
      var body =
          Map.of(
              "serial", serial,
              "make", "Acme",
              "model", "RT-24",
              "kind", "TABLETING_ROTARY",
              "location", "Plant 1, Dayton",
              "origin", "MANUFACTURED",
              "occurredOn", yesterday().toString());
      JsonNode machine = post("/api/v1/registry/machines", "maker", body);
      return new Acknowledged(
          machine.path("id").asString(), "MachineManufactured", machine.path("holder").asString());
    }

    /** The holder sells the machine to the other registrant. */
    Acknowledged transfer(String machineId, String holderId)
        throws IOException, InterruptedException {
      String seller = holderId.equals(seeded.getProperty("maker.id")) ? "maker" : "dealer";
      String buyer = seller.equals("maker") ? "dealer" : "maker";
      var body =
          Map.of(
              "buyerRegistration", seeded.getProperty(buyer + ".registration"),
              "buyerCheckedAt", Instant.now().minusSeconds(60).toString(),
              "shippedOn", yesterday().toString());
      JsonNode machine =
          post("/api/v1/registry/machines/" + machineId + "/transfers", seller, body);
      assertThat(machine.path("holder").asString()).isEqualTo(seeded.getProperty(buyer + ".id"));
      return new Acknowledged(machineId, "MachineTransferred", machine.path("holder").asString());
    }

    JsonNode get(String path, String login) throws IOException, InterruptedException {
      return send(request(path, login).GET().build());
    }

    private JsonNode post(String path, String login, Object body)
        throws IOException, InterruptedException {
      return send(
          request(path, login)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build());
    }

    private HttpRequest.Builder request(String path, String login) {
      String basic =
          Base64.getEncoder()
              .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
      return HttpRequest.newBuilder(URI.create(base + path))
          .timeout(REQUEST_TIMEOUT)
          .header("Authorization", "Basic " + basic)
          .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + ": "
                + response.statusCode()
                + " "
                + response.body());
      }
      return JSON.readTree(response.body());
    }
  }

  // ---- child processes -------------------------------------------------------------------------

  /** Starts {@code presstrace serve} on {@code data}; the first start also seeds the logins. */
  private Process serve(Path data, int port, boolean seed, String name, String... extra)
      throws IOException {
    var options = new ArrayList<String>(List.of(extra));
    if (seed) {
      options.add("-Dspring.main.sources=" + CrashSeed.class.getName());
      options.add("-Dpresstrace.crash-test.password=" + password);
    }
    return launch(
        name, options, "serve", "--data", data.toString(), "--port", String.valueOf(port));
  }

  /** Runs {@code presstrace ledger verify} in its own process; returns its exit code. */
  private int verify(Path data) throws Exception {
    Process verify = launch("verify", List.of(), "ledger", "verify", "--data", data.toString());
    if (!verify.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      verify.destroyForcibly();
      throw new AssertionError("ledger verify did not finish:\n" + log("verify"));
    }
    if (verify.exitValue() != 0) {
      System.err.println(log("verify"));
    }
    return verify.exitValue();
  }

  /**
   * A PressTrace JVM on the application's own classpath (without the test classes, whose test
   * configurations must not load), plus a directory holding only {@link CrashSeed}.
   */
  private Process launch(String name, List<String> options, String... args) throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.add("-Duser.timezone=UTC");
    command.addAll(options);
    command.add("-cp");
    command.add(childClasspath());
    command.add(PressTraceApplication.class.getName());
    command.addAll(Arrays.asList(args));
    var process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(name + ".log").toFile())
            .start();
    children.add(process);
    return process;
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
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String application =
        Arrays.stream(classpath.split(java.io.File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
            .collect(Collectors.joining(java.io.File.pathSeparator));
    return application + java.io.File.pathSeparator + seedClasses;
  }

  private void awaitReady(Process process, int port) throws Exception {
    var readiness =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long started = System.nanoTime();
    long deadline = started + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("PressTrace exited at start:\n" + logOf(process));
      }
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          System.out.printf(
              "ledger crash test: PressTrace ready after %d s (load average %s)%n",
              (System.nanoTime() - started) / 1_000_000_000L, loadAverage());
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "PressTrace not ready in "
            + START_TIMEOUT
            + " (load average "
            + loadAverage()
            + "):\n"
            + logOf(process));
  }

  /** Stops gracefully (SIGTERM), so the database file is closed before it is read. */
  private void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("PressTrace did not stop on SIGTERM");
    }
  }

  /** The machine's load average (1, 5 and 15 minutes), which explains a slow start. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private String logOf(Process process) {
    int index = children.indexOf(process);
    return log(index == 0 ? "first" : "second");
  }

  private String log(String name) {
    try {
      List<String> lines = Files.readAllLines(work.resolve(name + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static LocalDate yesterday() {
    return LocalDate.now(ZoneOffset.UTC).minusDays(1);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
