package org.presstrace.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.presstrace.PressTraceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the two-node tests share: a fresh schema in the PostgreSQL that {@link TestDatabase} names
 * ({@code PRESSTRACE_TEST_PG_*}), and PressTrace nodes on loopback on that one schema, each with
 * sessions in the database and its resolution index listening for the other's records.
 */
public final class TwoNodes {

  private TwoNodes() {}

  /** A schema name no other test uses. */
  public static String freshSchema() {
    return "n_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  /** The storage settings of a node on {@code schema}, as command-line arguments. */
  public static List<String> storage(String schema) {
    String url = System.getenv("PRESSTRACE_TEST_PG_URL");
    String user = env("PRESSTRACE_TEST_PG_USER", "presstrace_app");
    String password = env("PRESSTRACE_TEST_PG_PASSWORD", "");
    String owner = env("PRESSTRACE_TEST_PG_OWNER_USER", user);
    String ownerPassword = env("PRESSTRACE_TEST_PG_OWNER_PASSWORD", password);
    return List.of(
        "--spring.datasource.url="
            + url
            + (url.contains("?") ? "&" : "?")
            + "currentSchema="
            + schema,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password,
        "--spring.flyway.url=" + url,
        "--spring.flyway.user=" + owner,
        "--spring.flyway.password=" + ownerPassword,
        "--spring.flyway.default-schema=" + schema,
        "--spring.flyway.schemas=" + schema,
        "--spring.flyway.create-schemas=true",
        "--spring.datasource.hikari.maximum-pool-size=6",
        "--spring.datasource.hikari.minimum-idle=1",
        "--presstrace.db.application-role=" + (owner.equals(user) ? "" : user));
  }

  /**
   * Starts node {@code name} on {@code port} and {@code schema}, its data directory (keys) {@code
   * data} shared with the other node, with {@code extra} arguments.
   */
  public static ConfigurableApplicationContext start(
      String name, int port, String schema, Path data, String... extra) {
    var arguments = new ArrayList<>(storage(schema));
    arguments.addAll(
        List.of(
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--presstrace.data-dir=" + data,
            "--presstrace.cluster.enabled=true",
            "--presstrace.cluster.node-name=" + name,
            "--presstrace.cluster.poll=500ms",
            "--presstrace.cluster.heartbeat=1s",
            "--presstrace.cluster.missed-heartbeats=4",
            "--logging.level.root=warn",
            "--presstrace.security.argon2.memory-kib=64",
            "--presstrace.security.argon2.iterations=1",
            "--presstrace.registry.compliance.sweep-cron=-",
            "--presstrace.exchange.taxii.feed-sweep=-"));
    for (String argument : extra) {
      // A repeated argument would be joined with a comma: the extra one replaces the default.
      String key = argument.substring(0, argument.indexOf('=') + 1);
      arguments.removeIf(existing -> existing.startsWith(key));
      arguments.add(argument);
    }
    return new SpringApplicationBuilder(PressTraceApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  /** Waits up to {@code limit} for {@code condition}, failing the test when it does not come. */
  public static void await(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + limit);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A port free on this machine now. */
  public static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
