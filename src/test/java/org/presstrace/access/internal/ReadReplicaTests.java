package org.presstrace.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.LagTolerant;
import org.presstrace.access.Role;
import org.presstrace.ledger.AuditLeaves;
import org.presstrace.ledger.Ledger;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.support.ReplicaOfTheTestSchema;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lag-tolerant reads on a real PostgreSQL streaming replica of the test database: a trace is served
 * by the replica, so a replica held behind shows other users the old state, while the user who
 * wrote sees the write at once; a stopped replica sends reads to the primary. Needs the replica
 * that {@code reliability/replica.sh test} starts ({@code PRESSTRACE_TEST_PG_READ_URL}, and the
 * script as {@code PRESSTRACE_TEST_REPLICA_SCRIPT} to pause and stop it); skipped without one. The
 * primary's pool holds one connection, so that no request may need two of it at once: a read on the
 * replica writes its audit entries on the primary's pool, a read on the primary on its own
 * connection.
 */
@Tag("replica")
@SpringBootTest(
    properties = {
      "presstrace.data-dir=${java.io.tmpdir}/presstrace-test",
      "logging.level.root=WARN",
      "presstrace.security.argon2.memory-kib=64",
      "presstrace.security.argon2.iterations=1",
      "presstrace.registry.compliance.sweep-cron=-",
      "presstrace.exchange.taxii.feed-sweep=-",
      // Held behind on purpose for a while in one test: the bound is longer than that test.
      "presstrace.db.read.max-lag=120s",
      "presstrace.db.read.check-interval=100ms",
      "presstrace.db.read.connect-timeout=1s",
      "presstrace.test.pool-size=1",
      "spring.datasource.hikari.connection-timeout=5000"
    })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = {TestDatabase.class, ReplicaOfTheTestSchema.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTests {

  /** Asks the connection a lag-tolerant read gets whether it is a standby's. */
  static class RecoveryProbe {
    private final JdbcClient jdbc;

    RecoveryProbe(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @LagTolerant
    public boolean inRecovery() {
      return jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single();
    }
  }

  @TestConfiguration
  static class Probes {
    @Bean
    RecoveryProbe recoveryProbe(JdbcClient jdbc) {
      return new RecoveryProbe(jdbc);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Ledger ledger;
  @Autowired MeterRegistry meters;

  @Value("${spring.flyway.default-schema}")
  String schema;

  @Autowired(required = false)
  ReplicaMonitor monitor;

  @Autowired(required = false)
  ReadRouting routing;

  @Autowired RecoveryProbe probe;

  World world;
  String holderUser;
  String investigator;
  String colleague;
  String serial;
  String machineId;
  final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(
        ReplicaOfTheTestSchema.available(),
        "no read replica (reliability/replica.sh test starts one)");
    assertThat(monitor).as("a replica URL configures the replica").isNotNull();
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    RegistrantView holder =
        registry.activate(
            admin,
            registry
                .register(
                    admin,
                    new NewRegistrant(
                        "Replica Holder " + world.suffix(),
                        null,
                        RegistrantCategory.OWNER,
                        null,
                        "1 Press Way",
                        null,
                        "USA"))
                .id(),
            "inspection passed");
    holderUser = world.user("holder", holder.agencyCode(), Role.REGISTRANT);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    investigator = world.user("agent", dea, Role.INVESTIGATOR);
    colleague = world.user("colleague", dea, Role.INVESTIGATOR);
    serial = "RPL-" + world.suffix();
    MvcResult registered =
        mvc.perform(
                post("/api/v1/registry/machines")
                    .with(httpBasic(holderUser, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"serial": "%s", "make": "Replica Works", "model": "RT-9",
                         "kind": "TABLETING_ROTARY", "location": "Bay 1", "origin": "DECLARED",
                         "occurredOn": "%s"}
                        """
                            .formatted(serial, day)))
            .andReturn();
    assertThat(registered.getResponse().getStatus())
        .as(registered.getResponse().getContentAsString())
        .isEqualTo(201);
    machineId = json.readTree(registered.getResponse().getContentAsString()).get("id").asString();
    caughtUp();
  }

  @AfterEach
  void noRequestWaitedForASecondConnection() {
    if (!ReplicaOfTheTestSchema.available()) {
      return;
    }
    var timeouts = meters.find("hikaricp.connections.timeout").counters();
    assertThat(timeouts).isNotEmpty();
    assertThat(timeouts.stream().mapToDouble(Counter::count).sum())
        .as("requests that waited out the primary pool's timeout")
        .isZero();
  }

  @Test
  @Order(1)
  void aTraceIsServedByTheReplicaAndItsAuditEntryIsWrittenOnThePrimary() throws Exception {
    assertThat(probe.inRecovery()).as("a lag-tolerant read's connection is the standby's").isTrue();
    long replicaBefore = routing.toReplica();

    JsonNode found = trace(colleague);

    assertThat(states(found)).containsExactly("HELD");
    assertThat(routing.toReplica())
        .as("the trace took a replica connection")
        .isGreaterThan(replicaBefore);
    List<Long> audited = searches(colleague);
    assertThat(audited).as("the replica's read is audited on the primary").hasSize(1);
    assertThat(ledger.awaitIntegration()).as("the audit entry integrated").isTrue();
    assertThat(ledger.leafFor(AuditLeaves.KIND, String.valueOf(audited.get(0))))
        .as("with its ledger leaf")
        .isPresent();
  }

  @Test
  @Order(4)
  void aReadOnTheReplicaWhoseAuditEntryCannotBeWrittenFails() throws Exception {
    caughtUp();
    long replicaBefore = routing.toReplica();
    owner("REVOKE INSERT ON TABLE audit_event FROM " + jdbcUser());
    MvcResult refused;
    try {
      refused =
          mvc.perform(
                  get("/api/v1/registry/trace")
                      .param("serial", serial)
                      .header("PressTrace-Purpose", "Case " + world.suffix())
                      .with(httpBasic(colleague, World.PASSWORD)))
              .andReturn();
    } finally {
      owner("GRANT INSERT ON TABLE audit_event TO " + jdbcUser());
    }
    assertThat(routing.toReplica()).as("the trace read the replica").isGreaterThan(replicaBefore);
    assertThat(refused.getResponse().getStatus())
        .as("a read whose entry the primary refused is not shown")
        .isGreaterThanOrEqualTo(500);
    assertThat(refused.getResponse().getContentAsString()).doesNotContain(serial);
    assertThat(searches(colleague)).as("no entry, and so no leaf").isEmpty();
    assertThat(states(trace(colleague))).as("once it can be written").containsExactly("HELD");
    assertThat(searches(colleague)).hasSize(1);
  }

  List<Long> searches(String username) {
    return jdbc.sql(
            "SELECT id FROM audit_event WHERE username = :u AND action = 'SEARCH'"
                + " AND kind = 'machine'")
        .param("u", username)
        .query(Long.class)
        .list();
  }

  String jdbcUser() {
    return System.getenv("PRESSTRACE_TEST_PG_USER");
  }

  /** Runs {@code sql} in the test schema as the schema's owner. */
  void owner(String sql) throws Exception {
    try (var connection =
            DriverManager.getConnection(
                System.getenv("PRESSTRACE_TEST_PG_URL"),
                System.getenv("PRESSTRACE_TEST_PG_OWNER_USER"),
                System.getenv("PRESSTRACE_TEST_PG_OWNER_PASSWORD"));
        var statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schema);
      statement.execute(sql);
    }
  }

  @Test
  @Order(2)
  void aReplicaHeldBehindShowsOthersTheOldStateButTheWriterItsOwnWrite() throws Exception {
    script("pause");
    try {
      MvcResult seized =
          mvc.perform(
                  post("/api/v1/registry/machines/" + machineId + "/seizures")
                      .with(httpBasic(investigator, World.PASSWORD))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          """
                          {"occurredOn": "%s", "details": "seized at the depot"}
                          """
                              .formatted(LocalDate.now(ZoneOffset.UTC))))
              .andReturn();
      assertThat(seized.getResponse().getStatus())
          .as(seized.getResponse().getContentAsString())
          .isEqualTo(200);
      monitor.check();
      assertThat(monitor.healthy()).as("held behind, but within the bound").isTrue();

      assertThat(states(trace(investigator)))
          .as("the writer reads its own write at once")
          .containsExactly("SEIZED");
      assertThat(states(trace(colleague)))
          .as("anyone else reads the replica, which has not replayed the seizure")
          .containsExactly("HELD");
    } finally {
      script("unpause");
    }
    caughtUp();
    assertThat(states(trace(colleague))).containsExactly("SEIZED");
    assertThat(states(trace(investigator))).containsExactly("SEIZED");
  }

  @Test
  @Order(3)
  void aStoppedReplicaSendsReadsToThePrimary() throws Exception {
    long replicaBefore = routing.toReplica();
    script("stop");
    try {
      assertThat(states(trace(colleague)))
          .as("the trace still answers, from the primary")
          .containsExactly("HELD");
      assertThat(probe.inRecovery()).as("reads are on the primary").isFalse();
      assertThat(routing.toReplica()).isEqualTo(replicaBefore);
      assertThat(monitor.healthy()).isFalse();
    } finally {
      script("resume");
    }
    caughtUp();
    assertThat(probe.inRecovery()).as("back on the replica once it is back").isTrue();
  }

  JsonNode trace(String username) throws Exception {
    MvcResult result =
        mvc.perform(
                get("/api/v1/registry/trace")
                    .param("serial", serial)
                    .header("PressTrace-Purpose", "Case " + world.suffix())
                    .with(httpBasic(username, World.PASSWORD)))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(200);
    return json.readTree(result.getResponse().getContentAsString());
  }

  static List<String> states(JsonNode traced) {
    var states = new ArrayList<String>();
    traced.forEach(t -> states.add(t.get("machine").get("state").asString()));
    return states;
  }

  /** Waits until the replica has replayed everything the primary has written so far. */
  void caughtUp() throws Exception {
    long target = monitor.primaryPosition();
    long deadline = System.nanoTime() + 60_000_000_000L;
    do {
      monitor.check();
      if (monitor.healthy() && monitor.replayed() >= target) {
        return;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the replica did not catch up: " + monitor.lastProblem());
  }

  static void script(String command) throws Exception {
    String script = System.getenv("PRESSTRACE_TEST_REPLICA_SCRIPT");
    assertThat(script).as("PRESSTRACE_TEST_REPLICA_SCRIPT").isNotBlank();
    Process process =
        new ProcessBuilder(script, command).redirectErrorStream(true).inheritIO().start();
    assertThat(process.waitFor()).as("replica.sh %s", command.toLowerCase(Locale.ROOT)).isZero();
  }
}
