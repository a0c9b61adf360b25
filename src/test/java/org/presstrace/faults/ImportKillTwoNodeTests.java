package org.presstrace.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.faults.PressTraceProcess.Storage;
import org.presstrace.support.TwoNodes;
import tools.jackson.databind.JsonNode;

/**
 * Two PressTrace processes on one PostgreSQL schema; node A is killed with SIGKILL while it stores
 * a bulk import that it acknowledged (202). Node B shows the job's progress while A runs it, takes
 * the job over once A's heartbeats stop, and imports the file whole from the copy stored with the
 * job: afterwards every row is stored once (no half of the file from A's attempt), the job is
 * finished on B, custody events and ledger leaves agree, and {@code presstrace ledger verify}
 * passes.
 *
 * <p>Tagged {@code two-nodes}: {@code ./mvnw test -Ptwo-nodes} with {@code PRESSTRACE_TEST_PG_*}.
 */
@Tag("two-nodes")
@EnabledIfEnvironmentVariable(named = "PRESSTRACE_TEST_PG_URL", matches = ".+")
class ImportKillTwoNodeTests {

  static final String FILE = "two-nodes-inventory.csv";
  static final int ROWS = 8000;

  PressTraceProcess nodeA;
  PressTraceProcess nodeB;

  @AfterEach
  void stop() throws Exception {
    for (var node : new PressTraceProcess[] {nodeA, nodeB}) {
      if (node != null && node.alive()) {
        node.kill();
      }
    }
  }

  @Test
  void anImportAcknowledgedByANodeKilledMidwayCompletesWholeOnTheOther(@TempDir Path work)
      throws Exception {
    String schema = TwoNodes.freshSchema();
    String url = System.getenv("PRESSTRACE_TEST_PG_URL");
    String owner = env("PRESSTRACE_TEST_PG_OWNER_USER", env("PRESSTRACE_TEST_PG_USER", ""));
    String ownerPassword =
        env("PRESSTRACE_TEST_PG_OWNER_PASSWORD", env("PRESSTRACE_TEST_PG_PASSWORD", ""));
    try (Connection connection = DriverManager.getConnection(url, owner, ownerPassword)) {
      connection.createStatement().execute("CREATE SCHEMA " + schema);
    }
    Path data = Files.createDirectories(work.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    var storage =
        new Storage(
            data,
            url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
            env("PRESSTRACE_TEST_PG_USER", "presstrace_app"),
            env("PRESSTRACE_TEST_PG_PASSWORD", ""),
            owner,
            ownerPassword);
    String password = "Node-" + UUID.randomUUID();
    nodeA = new PressTraceProcess(work, storage, password, settings("node-a"));
    nodeB = new PressTraceProcess(work, storage, password, settings("node-b"));
    int portA = PressTraceProcess.freePort();
    nodeA.start(portA, true, "node-a");
    int portB = PressTraceProcess.freePort();
    nodeB.start(portB, false, "node-b");
    var seeded = FaultRun.seeded(storage);
    var onA = new RegistryClient(portA, password, seeded);
    var onB = new RegistryClient(portB, password, seeded);

    var started = onA.startImport("maker", Files.readAllBytes(inventory(work)), FILE);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    String job = "/api/v1/registry/imports/jobs/" + started.body().path("id").asString();

    JsonNode seenOnB = null;
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      seenOnB = onB.get(job, "maker").body();
      if (!seenOnB.path("state").asString().equals("QUEUED")
              && !seenOnB.path("state").asString().equals("RUNNING")
          || (seenOnB.path("phase").asString().equals("STORING")
              && seenOnB.path("done").asLong() >= ROWS / 4)) {
        break;
      }
      Thread.sleep(50);
    }
    nodeA.kill();
    assertThat(seenOnB.path("phase").asString())
        .as("node B showed node A's job storing before the kill: " + seenOnB)
        .isEqualTo("STORING");
    try (var connection = StoredCustody.open(storage)) {
      assertThat(imported(connection))
          .as("nothing of node A's attempt")
          .containsExactly(0L, 0L, 0L);
    }

    JsonNode ended = null;
    deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      ended = onB.get(job, "maker").body();
      if (ended.path("state").asString().equals("FINISHED")
          || ended.path("state").asString().equals("FAILED")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(ended.path("state").asString()).as(ended.toString()).isEqualTo("FINISHED");
    assertThat(ended.path("result").path("stored").asBoolean()).isTrue();
    assertThat(ended.path("result").path("rows").asLong()).isEqualTo(ROWS);
    nodeB.stop();

    try (var connection = StoredCustody.open(storage)) {
      assertThat(imported(connection))
          .as("the file stored once, whole")
          .containsExactly((long) ROWS, (long) ROWS, 1L);
      assertThat(
              StoredCustody.count(
                  connection,
                  "SELECT COUNT(*) FROM registry_import_job WHERE node = 'node-b' AND attempts = 2"))
          .as("node B took the job over")
          .isEqualTo(1);
      long events = StoredCustody.count(connection, "SELECT COUNT(*) FROM custody_event");
      long custodyLeaves =
          StoredCustody.count(
              connection, "SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'");
      assertThat(custodyLeaves).isEqualTo(events);
      assertThat(StoredCustody.count(connection, "SELECT size FROM ledger_state"))
          .isEqualTo(StoredCustody.count(connection, "SELECT COUNT(*) FROM ledger_leaf"));
    }
    assertThat(nodeB.verifyLedger()).as("presstrace ledger verify").isZero();
  }

  private static List<String> settings(String node) {
    return List.of(
        "-Dpresstrace.cluster.enabled=true",
        "-Dpresstrace.cluster.node-name=" + node,
        "-Dpresstrace.cluster.poll=500ms",
        "-Dpresstrace.cluster.heartbeat=1s",
        "-Dpresstrace.cluster.missed-heartbeats=4",
        "-Dpresstrace.registry.compliance.sweep-cron=-",
        "-Dpresstrace.exchange.taxii.feed-sweep=-",
        "-Dspring.datasource.hikari.maximum-pool-size=6");
  }

  /** Machines, custody events and import records of the file. */
  private static List<Long> imported(Connection connection) throws Exception {
    return List.of(
        StoredCustody.count(
            connection, "SELECT COUNT(*) FROM machine WHERE serial_as_entered LIKE 'TN-%'"),
        StoredCustody.count(
            connection,
            "SELECT COUNT(*) FROM custody_event e JOIN machine m ON m.id = e.machine_id"
                + " WHERE m.serial_as_entered LIKE 'TN-%'"),
        StoredCustody.count(
            connection, "SELECT COUNT(*) FROM registry_import WHERE file_name = '" + FILE + "'"));
  }

  private static Path inventory(Path work) throws Exception {
    Path csv = work.resolve(FILE);
    String day = RegistryClient.yesterday().toString();
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("record,serial,make,model,kind,power,rated_output_per_hour,location,occurred_on\n");
      for (int i = 0; i < ROWS; i++) {
        out.write(
            String.format(
                "INVENTORY,TN-%07d,Korsch,XL 100,TABLETING_ROTARY,POWERED,60000,Hall 1,%s%n",
                i, day));
      }
    }
    return csv;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
