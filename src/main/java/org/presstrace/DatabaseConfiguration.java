package org.presstrace;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the application's connection pools that depend on the database behind them. On
 * PostgreSQL, JDBC batches of inserts go as multi-row inserts ({@code reWriteBatchedInserts}): the
 * ledger's integrator writes a batch's leaves, salts and tree nodes, and a writer its queue rows,
 * in one statement each instead of one per row. No PressTrace code reads the row counts of a
 * batched insert, which the driver then reports as unknown. An operator's own setting in the URL or
 * the pool's data source properties is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  static final String BATCHED_INSERTS = "reWriteBatchedInserts";

  @Bean
  static BeanPostProcessor postgresBatchedInserts() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof HikariDataSource pool) {
          batchInsertsAsOne(pool);
        }
        return bean;
      }
    };
  }

  /** Turns on multi-row batched inserts for a PostgreSQL pool that has not started. */
  static void batchInsertsAsOne(HikariDataSource pool) {
    String url = pool.getJdbcUrl();
    if (url == null
        || !url.startsWith("jdbc:postgresql:")
        || url.contains(BATCHED_INSERTS)
        || pool.getDataSourceProperties().containsKey(BATCHED_INSERTS)
        || pool.isRunning()) {
      return;
    }
    pool.addDataSourceProperty(BATCHED_INSERTS, "true");
  }
}
