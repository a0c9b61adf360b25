package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.ledger.AuditLeaves;
import org.presstrace.ledger.Ledger;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every request of the mixed workload, signed in with HTTP Basic, on a pool of one connection (5 s
 * timeout). A request that asks for a second connection while it holds one (a query run inside
 * another's row mapping, a transaction of its own opened before the first released its connection)
 * waits here for the pool's timeout and fails; under load, enough such requests at once hold every
 * connection and each waits for another, so that the whole server stalls for the pool's timeout.
 * The lag-tolerant reads (trace, graph search and walks, seizure analytics) are among them: each
 * leaves its audit entry, and each entry its ledger leaf, without a second connection.
 */
@SpringBootTest(
    properties = {
      "presstrace.data-dir=${java.io.tmpdir}/presstrace-test",
      "logging.level.root=WARN",
      "presstrace.security.argon2.memory-kib=64",
      "presstrace.security.argon2.iterations=1",
      "presstrace.registry.compliance.sweep-cron=-",
      // The credential cache would let every request after the first skip the account lookup.
      "presstrace.security.basic-cache.time-to-live=0s",
      "presstrace.test.pool-size=1",
      "spring.datasource.hikari.connection-timeout=5000"
    })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
class OnePooledConnectionIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired DataSource dataSource;
  @Autowired ApplicationContext context;
  @Autowired MeterRegistry meters;
  @Autowired JdbcClient jdbc;
  @Autowired Ledger ledger;

  /** The pool of the primary: the data source itself, or, with a read replica, the one beneath. */
  HikariDataSource primaryPool() {
    return dataSource instanceof HikariDataSource pool
        ? pool
        : context.getBean("primaryDataSource", HikariDataSource.class);
  }

  @Test
  void theMixedWorkloadNeverHoldsTwoConnectionsAtOnce() throws Exception {
    assertThat(primaryPool().getMaximumPoolSize()).isEqualTo(1);
    var world = new World(directory);
    String user =
        world.user("pool", world.agency("POOL", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
    String when =
        LocalDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();

    expect(basic, get("/api/v1/agencies"), 200);
    expect(basic, get("/api/v1/registry/trace").param("serial", "POOL-" + world.suffix()), 200);
    expect(basic, get("/api/v1/seizures"), 200);
    expect(basic, get("/api/v1/resolution/subjects").param("q", "Pool"), 200);
    expect(basic, json(post("/api/v1/substances/screen"), "{\"name\": \"fentanyl\"}"), 200);
    expect(basic, get("/api/v1/substances").param("q", "fentanyl"), 200);
    expect(basic, get("/api/v1/substances/controlled?jurisdiction=USA&date=2025-01-01"), 200);
    String seizure =
        expect(
            basic,
            json(
                post("/api/v1/seizures"),
                """
            {"occurredAt": "%s", "zone": "UTC", "context": "PORT_OF_ENTRY",
             "portOfEntry": "Nogales", "region": "AZ", "narrative": "Pool check",
             "marking": {"tlp": "AMBER", "cuiCategory": "LEI"},
             "items": [{"substance": "fentanyl", "form": "pills", "netWeight": "120",
                        "netUnit": "g", "pillCount": "1000", "mgPerPill": "2.1"}]}"""
                    .formatted(when)),
            201);
    expect(basic, get("/api/v1/seizures/" + id(seizure)), 200);
    // The head waits for the integrator to take what was just committed: the integrator needs the
    // one connection meanwhile, so the waiting request must not hold it.
    long written =
        jdbc().sql("SELECT COALESCE(MAX(id), 0) FROM ledger_queue").query(Long.class).single();
    expect(basic, get("/api/v1/ledger/head"), 200);
    assertThat(
            jdbc()
                .sql("SELECT COUNT(*) FROM ledger_queue WHERE id <= ?")
                .param(written)
                .query(Long.class)
                .single())
        .as("everything committed before the head request integrated while it waited")
        .isZero();
    String auditor =
        world.user("pool-auditor", world.agency("POOLA", AgencyKind.FEDERAL, "USA"), Role.AUDITOR);
    expect(
        "Basic "
            + Base64.getEncoder()
                .encodeToString((auditor + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8)),
        post("/api/v1/ledger/verify"),
        200);
    // A subject recorded marks its agency's red flags as owed once the record is committed.
    String subject =
        expect(
            basic,
            json(
                post("/api/v1/resolution/subjects"),
                """
            {"schema": "Person", "properties": {"name": ["Pool Check %s"]},
             "caseReference": "POOL-1", "contact": "desk@example.gov",
             "marking": {"tlp": "AMBER", "cuiCategory": "LEI"}}"""
                    .formatted(world.suffix())),
            201);
    expect(basic, get("/api/v1/resolution/subjects/" + id(subject)), 200);
    expect(basic, get("/api/v1/resolution/subjects/" + id(subject) + "/matches"), 200);
    expect(basic, get("/api/v1/resolution/graph/subjects").param("q", "Pool Check"), 200);
    expect(basic, get("/api/v1/resolution/graph/subjects/" + id(subject) + "/neighbours"), 200);
    expect(
        basic,
        get("/api/v1/resolution/graph/subjects/" + id(subject) + "/hops").param("k", "2"),
        200);
    expect(basic, get("/api/v1/seizures/analytics/series").param("by", "region"), 200);
    expect(basic, get("/api/v1/seizures/analytics/last-months").param("months", "3"), 200);
    expect(basic, get("/api/v1/registry/trace").param("serial", "POOL-" + world.suffix()), 200);

    var timeouts = meters.find("hikaricp.connections.timeout").counters();
    assertThat(timeouts).as("the pools' timeout counters").isNotEmpty();
    assertThat(timeouts.stream().mapToDouble(Counter::count).sum())
        .as("requests that waited out the pool's timeout")
        .isZero();
    var entries =
        jdbc.sql("SELECT id, action FROM audit_event WHERE username = :u ORDER BY id")
            .param("u", user)
            .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
            .list();
    assertThat(entries)
        .as("the lag-tolerant reads are audited")
        .anyMatch(e -> e.endsWith(" SEARCH"))
        .hasSizeGreaterThanOrEqualTo(12);
    // Integration follows the commit (the integrator gathers commits for a moment first): wait for
    // it, then every entry must have its leaf.
    assertThat(ledger.awaitIntegration()).as("everything committed integrated").isTrue();
    for (String entry : entries) {
      assertThat(ledger.leafFor(AuditLeaves.KIND, entry.substring(0, entry.indexOf(' '))))
          .as("the ledger leaf of audit entry %s", entry)
          .isPresent();
    }
  }

  private JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  /** The answer's body, after checking its status. */
  private String expect(String basic, MockHttpServletRequestBuilder request, int status)
      throws Exception {
    var response =
        mvc.perform(
                request
                    .header("Authorization", basic)
                    .header("PressTrace-Purpose", "Pool check")
                    .accept(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return response.getContentAsString();
  }

  private static String id(String body) {
    var id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    assertThat(id.find()).as(body).isTrue();
    return id.group(1);
  }

  private static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
