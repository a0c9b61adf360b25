package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.test.context.ContextConfiguration;

/**
 * The mixed workload of {@link OnePooledConnectionIntegrationTests} with a read replica configured
 * beside a primary pool of one connection. The read URL names the test database itself, which is no
 * standby, so the replica is never healthy and every lag-tolerant read, with its audit entry, goes
 * to the primary: the routing, the lag check and the read-your-writes bookkeeping after each write
 * must not take a second connection from the primary's pool either.
 */
@ContextConfiguration(
    initializers = OnePooledConnectionWithReadPoolIntegrationTests.ReadPoolOnTheTestDatabase.class)
class OnePooledConnectionWithReadPoolIntegrationTests extends OnePooledConnectionIntegrationTests {

  /** Points {@code presstrace.db.read.url} at the database the test context was given. */
  static class ReadPoolOnTheTestDatabase
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "presstrace.db.read.url=${spring.datasource.url}",
              "presstrace.db.read.check-interval=100ms",
              "presstrace.db.read.connect-timeout=1s")
          .applyTo(context);
    }
  }

  @Test
  void theReadPoolIsConfigured() {
    assertThat(dataSource).isInstanceOf(LazyConnectionDataSourceProxy.class);
    assertThat(context.containsBean("replicaMonitor")).isTrue();
  }
}
