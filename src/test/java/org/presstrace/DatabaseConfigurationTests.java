package org.presstrace;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class DatabaseConfigurationTests {

  static HikariDataSource pool(String url) {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }

  @Test
  void aPostgresqlPoolSendsBatchedInsertsAsMultiRowInserts() {
    try (var pool = pool("jdbc:postgresql://localhost:5432/presstrace")) {
      DatabaseConfiguration.batchInsertsAsOne(pool);
      assertThat(pool.getDataSourceProperties())
          .containsEntry(DatabaseConfiguration.BATCHED_INSERTS, "true");
    }
  }

  @Test
  void anEmbeddedPoolIsLeftAsItIs() {
    try (var pool = pool("jdbc:h2:mem:batched;MODE=PostgreSQL")) {
      DatabaseConfiguration.batchInsertsAsOne(pool);
      assertThat(pool.getDataSourceProperties()).isEmpty();
    }
  }

  @Test
  void anOperatorsOwnSettingIsKept() {
    try (var inUrl = pool("jdbc:postgresql://db/presstrace?reWriteBatchedInserts=false");
        var inProperties = pool("jdbc:postgresql://db/presstrace")) {
      inProperties.addDataSourceProperty(DatabaseConfiguration.BATCHED_INSERTS, "false");
      DatabaseConfiguration.batchInsertsAsOne(inUrl);
      DatabaseConfiguration.batchInsertsAsOne(inProperties);
      assertThat(inUrl.getDataSourceProperties()).isEmpty();
      assertThat(inProperties.getDataSourceProperties())
          .containsEntry(DatabaseConfiguration.BATCHED_INSERTS, "false");
    }
  }
}
