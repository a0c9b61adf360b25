package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.presstrace.support.ReplicaOfTheTestSchema;
import org.presstrace.support.TestDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ContextConfiguration;

/**
 * The mixed workload of {@link OnePooledConnectionIntegrationTests} with a primary pool of one
 * connection and the real streaming replica that {@code reliability/replica.sh test} starts: the
 * lag-tolerant reads the replica serves write their audit entries and ledger leaves on the
 * primary's one connection, and the writes and the reads after them use it alone.
 */
@Tag("replica")
@ContextConfiguration(
    initializers = {TestDatabase.class, ReplicaOfTheTestSchema.class},
    inheritInitializers = false)
class OnePooledConnectionReplicaTests extends OnePooledConnectionIntegrationTests {

  @Value("${presstrace.db.read.url:}")
  String readUrl;

  @Value("${spring.datasource.url}")
  String primaryUrl;

  @Value("${spring.datasource.username}")
  String user;

  @Value("${spring.datasource.password}")
  String password;

  /** Waits until the replica holds this context's schema and the routing counts it healthy. */
  @BeforeEach
  void replicaCaughtUp() throws Exception {
    assumeTrue(
        ReplicaOfTheTestSchema.available(),
        "no read replica (reliability/replica.sh test starts one)");
    assertThat(readUrl).isNotBlank();
    long target;
    try (var primary = DriverManager.getConnection(primaryUrl, user, password);
        var rs =
            primary.createStatement().executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
      rs.next();
      target = rs.getLong(1);
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (var replica = DriverManager.getConnection(readUrl, user, password)) {
      while (true) {
        try (var rs =
            replica
                .createStatement()
                .executeQuery("SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn")) {
          rs.next();
          if (rs.getLong(1) >= target && healthy()) {
            return;
          }
        }
        assertThat(System.nanoTime()).as("the replica caught up").isLessThan(deadline);
        Thread.sleep(100);
      }
    }
  }

  @AfterEach
  void someReadsWereServedByTheReplica() {
    if (!ReplicaOfTheTestSchema.available()) {
      return;
    }
    var toReplica =
        meters.find("presstrace.db.connections").tag("target", "replica").functionCounter();
    assertThat(toReplica).isNotNull();
    assertThat(toReplica.count()).as("connections the replica served").isPositive();
  }

  private boolean healthy() {
    var gauge = meters.find("presstrace.db.replica.healthy").gauge();
    return gauge != null && gauge.value() == 1;
  }
}
