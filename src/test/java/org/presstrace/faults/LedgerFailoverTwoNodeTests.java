package org.presstrace.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.faults.PressTraceProcess.Storage;
import org.presstrace.faults.RegistryClient.Acknowledged;
import org.presstrace.support.TwoNodes;

/**
 * The ledger's integrator on two PressTrace processes sharing one PostgreSQL schema, both taking
 * transfers: only the leader integrates (every leaf records the node that integrated it), the other
 * node's entries wait in the queue for the leader. Node A leads and is killed with SIGKILL while
 * both nodes write; node B takes over within {@link #TAKEOVER} and integrates what A had committed
 * and not integrated. A restarted node A waits while B leads; B is then stopped with SIGTERM and A
 * takes over within the same bound. Afterwards every acknowledged custody event is stored and is a
 * leaf, the queue is empty, leadership passed node-a, node-b, node-a2 in one unbroken run each (in
 * leaf order and in time), and {@code presstrace ledger verify} passes.
 *
 * <p>Tagged {@code two-nodes}: {@code ./mvnw test -Ptwo-nodes} with {@code PRESSTRACE_TEST_PG_*}.
 */
@Tag("two-nodes")
@EnabledIfEnvironmentVariable(named = "PRESSTRACE_TEST_PG_URL", matches = ".+")
class LedgerFailoverTwoNodeTests {

  /** The bound within which the other node integrates once the leader is gone. */
  static final Duration TAKEOVER = Duration.ofSeconds(15);

  /** Acknowledged writes per node in each phase. */
  static final int WRITES = 20;

  private final List<PressTraceProcess> nodes = new ArrayList<>();
  private final List<Writers> writers = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (Writers writer : writers) {
      writer.stop();
    }
    for (PressTraceProcess node : nodes) {
      if (node.alive()) {
        node.kill();
      }
    }
  }

  @Test
  void oneNodeIntegratesAtATimeAndTheOtherTakesOverWhenTheLeaderIsKilledOrStopped(
      @TempDir Path work) throws Exception {
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
    var nodeA = node(work, storage, password, "node-a");
    var nodeB = node(work, storage, password, "node-b");
    int portA = PressTraceProcess.freePort();
    nodeA.start(portA, true, "node-a");
    var seeded = FaultRun.seeded(storage);
    try (var db = StoredCustody.open(storage)) {
      await("node A integrates the seeding", () -> integratedBy(db, "node-a") > 0);
    }
    int portB = PressTraceProcess.freePort();
    nodeB.start(portB, false, "node-b");

    var onA = writing(new RegistryClient(portA, password, seeded), "FA-");
    var onB = writing(new RegistryClient(portB, password, seeded), "FB-");
    awaitAcks(onA, WRITES);
    awaitAcks(onB, WRITES);
    try (var db = StoredCustody.open(storage)) {
      await("node A integrates node B's writes", () -> integratedBy(db, "node-a", onB) > 0);
      assertThat(integratedBy(db, "node-b"))
          .as("node B integrates nothing while node A leads, though it takes writes")
          .isZero();
      assertThat(integratedBy(db, "node-a")).isPositive();
    }

    // Killed while both write: node B takes over, with what node A committed and left queued.
    nodeA.kill();
    long killed = System.nanoTime();
    onA.stop();
    int acksOnB = onB.acks.get();
    try (var db = StoredCustody.open(storage)) {
      await("node B integrates after node A is killed", () -> integratedBy(db, "node-b") > 0);
      long takeover = System.nanoTime() - killed;
      System.out.printf(
          "ledger failover: node B integrates %d ms after node A was killed%n",
          takeover / 1_000_000);
      assertThat(Duration.ofNanos(takeover)).isLessThan(TAKEOVER);
    }
    awaitAcks(onB, acksOnB + WRITES);

    // A restarted node A waits while node B leads; node B stopped, node A takes over.
    var nodeA2 = node(work, storage, password, "node-a2");
    int portA2 = PressTraceProcess.freePort();
    nodeA2.start(portA2, false, "node-a2");
    var onA2 = writing(new RegistryClient(portA2, password, seeded), "FC-");
    awaitAcks(onA2, WRITES);
    try (var db = StoredCustody.open(storage)) {
      await("node B integrates node A's new writes", () -> integratedBy(db, "node-b", onA2) > 0);
      assertThat(integratedBy(db, "node-a2"))
          .as("the restarted node A integrates nothing while node B leads")
          .isZero();
    }
    onB.stop();
    nodeB.stop();
    long stopped = System.nanoTime();
    int acksOnA2 = onA2.acks.get();
    try (var db = StoredCustody.open(storage)) {
      await("node A integrates after node B stopped", () -> integratedBy(db, "node-a2") > 0);
      long takeover = System.nanoTime() - stopped;
      System.out.printf(
          "ledger failover: node A integrates %d ms after node B stopped%n", takeover / 1_000_000);
      assertThat(Duration.ofNanos(takeover)).isLessThan(TAKEOVER);
    }
    awaitAcks(onA2, acksOnA2 + WRITES);
    onA2.stop();
    nodeA2.stop();

    Map<String, List<Acknowledged>> acknowledged = new HashMap<>();
    for (Writers writer : writers) {
      acknowledged.putAll(writer.acknowledged);
      assertThat(writer.refusals).as("requests refused").isEmpty();
    }
    try (var db = StoredCustody.open(storage)) {
      assertThat(waiting(db)).as("the queue ends empty").isZero();
      var report = StoredCustody.check(db, acknowledged);
      assertThat(report.problems()).as("every acknowledged event stored and logged").isEmpty();
      assertThat(report.present()).isEqualTo(report.acknowledged());
      assertThat(runs(db))
          .as("leadership passed once from each node to the next, never shared")
          .containsExactly("node-a", "node-b", "node-a2");
      assertThat(
              StoredCustody.count(
                  db,
                  "SELECT COUNT(*) FROM ledger_leaf a JOIN ledger_leaf b"
                      + " ON a.integrated_by <> b.integrated_by AND a.idx < b.idx"
                      + " AND a.integrated_at > b.integrated_at"))
          .as("no leaf of a later leader integrated before a leaf of an earlier one")
          .isZero();
    }
    assertThat(nodeA2.verifyLedger()).as("presstrace ledger verify").isZero();
  }

  private PressTraceProcess node(Path work, Storage storage, String password, String name) {
    var node =
        new PressTraceProcess(
            work,
            storage,
            password,
            List.of(
                "-Dpresstrace.cluster.enabled=true",
                "-Dpresstrace.cluster.node-name=" + name,
                "-Dpresstrace.cluster.poll=500ms",
                "-Dpresstrace.cluster.heartbeat=1s",
                "-Dpresstrace.cluster.missed-heartbeats=4",
                "-Dpresstrace.registry.compliance.sweep-cron=-",
                "-Dpresstrace.exchange.taxii.feed-sweep=-",
                "-Dspring.datasource.hikari.maximum-pool-size=6"));
    nodes.add(node);
    return node;
  }

  private Writers writing(RegistryClient api, String prefix) {
    var writer = new Writers(api, prefix);
    writers.add(writer);
    writer.start(2);
    return writer;
  }

  private static void awaitAcks(Writers writer, int acks) {
    TwoNodes.await(
        Duration.ofMinutes(3),
        acks + " acknowledged writes",
        () -> {
          assertThat(writer.refusals).as("requests refused").isEmpty();
          return writer.acks.get() >= acks;
        });
  }

  /** The nodes that integrated the log, one per unbroken run of leaves in index order. */
  private static List<String> runs(Connection db) throws Exception {
    var runs = new ArrayList<String>();
    try (var rows =
        db.createStatement()
            .executeQuery(
                "SELECT integrated_by FROM ledger_leaf WHERE integrated_by IS NOT NULL"
                    + " ORDER BY idx")) {
      while (rows.next()) {
        String node = rows.getString(1);
        if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(node)) {
          runs.add(node);
        }
      }
    }
    return runs;
  }

  private static long integratedBy(Connection db, String node) {
    return count(db, "SELECT COUNT(*) FROM ledger_leaf WHERE integrated_by = '" + node + "'");
  }

  /** Custody leaves of the machines {@code writer} made that {@code node} integrated. */
  private static long integratedBy(Connection db, String node, Writers writer) {
    long found = 0;
    for (String machine : List.copyOf(writer.acknowledged.keySet())) {
      found +=
          count(
              db,
              "SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event' AND ref = '"
                  + machine
                  + "' AND integrated_by = '"
                  + node
                  + "'");
    }
    return found;
  }

  private static long waiting(Connection db) {
    return count(db, "SELECT COUNT(*) FROM ledger_queue");
  }

  private static long count(Connection db, String sql) {
    try {
      return StoredCustody.count(db, sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) {
    TwoNodes.await(Duration.ofMinutes(2), what, condition);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
