package org.presstrace.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.presstrace.access.Directory;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.presstrace.support.PressTraceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's generated world is one the registry accepts: histories numbered from one, each
 * machine in the state its last event leaves it, every kind of trace finds what was generated, and
 * transfers of generated machines pass every rule of {@link Registry#transfer}. Figures are never
 * asserted here; benchmarks/registry-bench.sh measures them.
 */
@PressTraceIntegrationTest
class RegistryWorldIntegrationTests {

  static final int MACHINES = 400;

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Trace trace;
  @Autowired Registry registry;
  @Autowired Directory directory;

  @Test
  void generatesAWorldTheRegistryTracesAndTransfers() throws Exception {
    RegistryWorld.Written written;
    try (Connection connection = dataSource.getConnection()) {
      written =
          new RegistryWorld(new RegistryWorld.Size(60, MACHINES, 4_000, 5L))
              .generate(connection, done -> {});
      connection.setAutoCommit(true);
    }
    assertThat(written.machines()).isEqualTo(MACHINES);
    assertThat(written.events()).isBetween(3_000L, 4_400L);
    assertThat(count("SELECT COUNT(*) FROM custody_event WHERE id LIKE :g"))
        .isEqualTo(written.events());

    // Each history runs 1..n and the machine's version counts its events.
    assertThat(
            count(
                """
                SELECT COUNT(*) FROM machine m WHERE m.id LIKE :g AND m.version <>
                  (SELECT COUNT(*) FROM custody_event e WHERE e.machine_id = m.id)
                OR m.id LIKE :g AND m.version <>
                  (SELECT MAX(seq) FROM custody_event e WHERE e.machine_id = m.id)
                """))
        .isZero();
    // The state is the one the last state-changing event leaves.
    Map<String, String> stateAfter =
        Map.of(
            "MachineReportedLost", "LOST",
            "MachineReportedStolen", "STOLEN",
            "MachineSeized", "SEIZED",
            "MachineForfeited", "FORFEITED",
            "MachineDestroyed", "DESTROYED",
            "MachineExported", "EXPORTED");
    List<String[]> last =
        jdbc.sql(
                """
                SELECT m.state, e.type FROM machine m JOIN custody_event e
                  ON e.machine_id = m.id AND e.seq = m.version
                WHERE m.id LIKE :g AND e.type <> 'SerialTamperingReported'
                """)
            .param("g", RegistryWorld.GENERATED_IDS)
            .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    assertThat(last).hasSizeGreaterThan(MACHINES * 9 / 10);
    last.forEach(row -> assertThat(row[0]).isEqualTo(stateAfter.getOrDefault(row[1], "HELD")));
    assertThat(last.stream().filter(row -> !row[0].equals("HELD"))).isNotEmpty();
    // Sold along dealer chains; parts installed in machines of the same holder.
    assertThat(count("SELECT COUNT(*) FROM custody_event WHERE type = 'MachineTransferred'"))
        .isPositive();
    assertThat(
            count(
                """
                SELECT COUNT(*) FROM machine p JOIN machine m ON m.id = p.installed_in
                WHERE p.id LIKE :g AND p.current_holder <> m.current_holder
                """))
        .isZero();

    // Traced under the suite's Turkish default locale: models with an I ('PIP-16') must be found.
    TraceLoad.Result traces =
        new TraceLoad(trace, jdbc, directory)
            .run(MACHINES, 2, 20, 3L, java.util.EnumSet.copyOf(TraceLoad.TRACED));
    TraceLoad.TRACED.forEach(
        kind -> {
          assertThat(traces.latencies().get(kind).count()).isEqualTo(20);
          assertThat(traces.matches().get(kind)).isGreaterThanOrEqualTo(20);
        });
    assertThat(
            traces.latencies().get(TraceLoad.Kind.PATTERN_PREFIX_2).count()
                + traces.latencies().get(TraceLoad.Kind.PATTERN_PREFIX_3).count())
        .isEqualTo(20);

    var transfers =
        new TransferLoad(registry, directory, jdbc, 50).run(2, Duration.ofMillis(1_500), 9L);
    assertThat(transfers.transfers()).isPositive();
    assertThat(transfers.failures()).isZero();
  }

  @Test
  void queriesAreWrittenAsInvestigatorsWouldTypeThem() {
    assertThat(TraceLoad.loosely("KE-0123456")).isEqualTo("ke oi23456");
    assertThat(TraceLoad.loosely("ap/0001234")).isEqualTo("ap-o00i234");
    var random = new SplittableRandom(1L);
    for (int i = 0; i < 20; i++) {
      String pattern = TraceLoad.obliterated("A123-5501", random);
      assertThat(pattern).isIn("A1?3-550*", "A12?-550*");
    }
  }

  @Test
  void refusesWorldsTooSmallToMeanAnything() {
    assertThatThrownBy(() -> new RegistryWorld.Size(10, 100, 1_000, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 50 registrants");
    assertThatThrownBy(() -> new RegistryWorld.Size(60, 100, 99, 1L))
        .hasMessageContaining("one event per machine");
  }

  private long count(String sql) {
    var statement = jdbc.sql(sql);
    if (sql.contains(":g")) {
      statement = statement.param("g", RegistryWorld.GENERATED_IDS);
    }
    return statement.query(Long.class).single();
  }
}
