package org.presstrace.support;

import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each test application context a database of its own: an in-memory H2 database by default,
 * or a fresh schema in the PostgreSQL named by {@code PRESSTRACE_TEST_PG_URL} (with {@code
 * _USER}/{@code _PASSWORD} for the application's role and {@code _OWNER_USER}/{@code
 * _OWNER_PASSWORD} for the schema owner that migrates).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static boolean postgres() {
    String url = System.getenv("PRESSTRACE_TEST_PG_URL");
    return url != null && !url.isBlank();
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String name =
        "t_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);
    if (postgres()) {
      String url = System.getenv("PRESSTRACE_TEST_PG_URL");
      String user = env("PRESSTRACE_TEST_PG_USER", "presstrace_app");
      String password = env("PRESSTRACE_TEST_PG_PASSWORD", "");
      String owner = env("PRESSTRACE_TEST_PG_OWNER_USER", user);
      String ownerPassword = env("PRESSTRACE_TEST_PG_OWNER_PASSWORD", password);
      TestPropertyValues.of(
              "spring.datasource.url="
                  + url
                  + (url.contains("?") ? "&" : "?")
                  + "currentSchema="
                  + name,
              "spring.datasource.username=" + user,
              "spring.datasource.password=" + password,
              "spring.flyway.user=" + owner,
              "spring.flyway.password=" + ownerPassword,
              "spring.flyway.url=" + url,
              "spring.flyway.default-schema=" + name,
              "spring.flyway.schemas=" + name,
              "spring.flyway.create-schemas=true",
              // Spring keeps many test contexts alive at once, each with its own pool: keep each
              // pool small so the suite stays within the server's connection slots.
              "spring.datasource.hikari.maximum-pool-size="
                  + context.getEnvironment().getProperty("presstrace.test.pool-size", "5"),
              "spring.datasource.hikari.minimum-idle=1",
              "presstrace.db.application-role=" + (owner.equals(user) ? "" : user),
              "presstrace.test.database=postgresql")
          .applyTo(context);
    } else {
      String url =
          "jdbc:h2:mem:"
              + name
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
      TestPropertyValues.of(
              "spring.datasource.url=" + url,
              // Migrations on connections of their own, so that the pool may be as small as one.
              "spring.flyway.url=" + url,
              "spring.flyway.user=sa",
              "spring.flyway.password=",
              "spring.datasource.username=sa",
              "spring.datasource.password=",
              "spring.datasource.hikari.maximum-pool-size="
                  + context.getEnvironment().getProperty("presstrace.test.pool-size", "10"),
              "presstrace.db.application-role=",
              "presstrace.test.database=h2")
          .applyTo(context);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
