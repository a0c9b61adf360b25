package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 closes the embedded database when a write to its file fails (a full disk, for one); the
 * connection pool must then drop its connections, so that the next request opens the database again
 * once the disk has room, instead of answering "Database is already closed" until PressTrace is
 * restarted. {@code reliability/faults.sh disk-full} shows the same on a full tmpfs.
 */
class EmbeddedDatabaseClosedTests {

  @TempDir Path data;

  @Test
  void poolOpensTheEmbeddedDatabaseAgainAfterH2ClosedIt() throws Exception {
    var storage = new StorageOptions();
    storage.dataDir = data;
    var properties = storage.properties(false);
    var config = new HikariConfig();
    config.setJdbcUrl((String) properties.get("spring.datasource.url"));
    config.setUsername("presstrace");
    config.setMaximumPoolSize(2);
    config.setExceptionOverrideClassName(
        (String) properties.get("spring.datasource.hikari.exception-override-class-name"));
    try (var pool = new HikariDataSource(config)) {
      try (var connection = pool.getConnection()) {
        connection.createStatement().execute("CREATE TABLE kept (n INT)");
        connection.createStatement().execute("INSERT INTO kept VALUES (1)");
      }
      try (var connection = pool.getConnection()) {
        // What H2 does to itself after a failed write: the database closes under the pool.
        connection.createStatement().execute("SHUTDOWN IMMEDIATELY");
      } catch (SQLException closedUnderUs) {
        // the statement closes its own connection
      }
      // Requests come faster than the pool's liveness check (500 ms): only eviction helps.
      List<String> outcomes = new ArrayList<>();
      for (int attempt = 0; attempt < 4; attempt++) {
        try (var connection = pool.getConnection()) {
          connection.createStatement().execute("INSERT INTO kept VALUES (2)");
          outcomes.add("ok");
        } catch (SQLException e) {
          outcomes.add(String.valueOf(e.getErrorCode()));
        }
      }
      assertThat(outcomes.subList(2, 4))
          .as("attempts after the close: " + outcomes)
          .containsOnly("ok");
      try (var connection = pool.getConnection();
          var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM kept")) {
        rows.next();
        assertThat(rows.getInt(1)).as("rows kept").isGreaterThanOrEqualTo(3);
      }
    }
  }
}
