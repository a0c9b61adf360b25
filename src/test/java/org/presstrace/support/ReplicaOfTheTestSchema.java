package org.presstrace.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points {@code presstrace.db.read.url} at the streaming replica that {@code reliability/replica.sh
 * test} started ({@code PRESSTRACE_TEST_PG_READ_URL}), in the schema {@link TestDatabase} made on
 * the primary; leaves it unset without a replica or on H2. List it after {@link TestDatabase}, in
 * the same {@code initializers} (a subclass's own initializers run before those it inherits).
 */
public class ReplicaOfTheTestSchema
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** Whether a replica of the test database is running for these tests. */
  public static boolean available() {
    String replica = System.getenv("PRESSTRACE_TEST_PG_READ_URL");
    return replica != null && !replica.isBlank() && TestDatabase.postgres();
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (!available()) {
      return;
    }
    String replica = System.getenv("PRESSTRACE_TEST_PG_READ_URL");
    String primary = context.getEnvironment().getProperty("spring.datasource.url", "");
    int at = primary.indexOf("currentSchema=");
    if (at < 0) {
      throw new IllegalStateException("run after TestDatabase: no schema in " + primary);
    }
    String schema = primary.substring(at + 14);
    TestPropertyValues.of(
            "presstrace.db.read.url="
                + replica
                + (replica.contains("?") ? "&" : "?")
                + "currentSchema="
                + schema)
        .applyTo(context);
  }
}
