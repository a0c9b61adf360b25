package org.presstrace.access.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code presstrace.db.read.url} set, the application's {@link DataSource} becomes a lazy
 * proxy over {@link ReadRouting}: lag-tolerant read-only transactions on the streaming replica,
 * everything else on the primary (the pool {@code spring.datasource.*} describes, as without a
 * replica). Without the setting none of this exists and the database is used as before: a
 * lag-tolerant transaction is then an ordinary transaction on the primary.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${presstrace.db.read.url:}'.isBlank()")
@EnableConfigurationProperties(ReadReplicaProperties.class)
class ReadReplicaConfiguration {

  /** The primary's pool, exactly as Spring Boot would build it from {@code spring.datasource}. */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource primaryDataSource(DataSourceProperties properties) {
    HikariDataSource pool =
        properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("primary");
    return pool;
  }

  /**
   * The lag check reads the primary's position on a connection of its own, outside the
   * application's pool: a busy pool must not make the replica look stale, and the check must not
   * take a connection a request is waiting for.
   */
  @Bean(destroyMethod = "close")
  ReplicaMonitor replicaMonitor(ReadReplicaProperties settings, DataSourceProperties primary) {
    HikariDataSource check =
        primary.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    check.setPoolName("primary-check");
    check.setMaximumPoolSize(1);
    check.setMinimumIdle(0);
    check.setConnectionTimeout(settings.connectTimeout().toMillis());
    check.setInitializationFailTimeout(-1);
    return new ReplicaMonitor(
        check, settings, primary.determineUsername(), primary.determinePassword());
  }

  @Bean
  OwnWrites ownWrites(ReplicaMonitor monitor, ReadReplicaProperties settings) {
    return new OwnWrites(monitor, settings);
  }

  @Bean
  ReadRouting readRouting(
      HikariDataSource primaryDataSource,
      ReplicaMonitor monitor,
      OwnWrites ownWrites,
      ObjectProvider<MeterRegistry> meters) {
    var routing = new ReadRouting(primaryDataSource, monitor, ownWrites);
    meters.ifAvailable(
        registry -> {
          FunctionCounter.builder("presstrace.db.connections", routing, ReadRouting::toReplica)
              .description("connections handed out, by where they went")
              .tag("target", "replica")
              .register(registry);
          FunctionCounter.builder("presstrace.db.connections", routing, ReadRouting::toPrimary)
              .description("connections handed out, by where they went")
              .tag("target", "primary")
              .register(registry);
          FunctionCounter.builder("presstrace.db.replica.fallbacks", routing, ReadRouting::fellBack)
              .description(
                  "lag-tolerant reads sent to the primary as the replica failed to connect")
              .register(registry);
          Gauge.builder("presstrace.db.replica.lag", monitor, ReplicaMonitor::lagMillis)
              .description("how far behind the replica was at the last check, ms; -1 unknown")
              .baseUnit("milliseconds")
              .register(registry);
          Gauge.builder("presstrace.db.replica.healthy", monitor, m -> m.healthy() ? 1 : 0)
              .description("1 while the replica serves lag-tolerant reads")
              .register(registry);
        });
    return routing;
  }

  /** What the application's JDBC access, transactions and Flyway use. */
  @Bean
  @Primary
  DataSource dataSource(ReadRouting routing) {
    var lazy = new LazyConnectionDataSourceProxy(routing);
    // Known defaults, so that no connection is taken just to learn them.
    lazy.setDefaultAutoCommit(true);
    lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    return lazy;
  }
}
