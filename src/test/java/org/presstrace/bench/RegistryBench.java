package org.presstrace.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.presstrace.PressTraceApplication;
import org.presstrace.access.Directory;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry benchmark: starts PressTrace (its Flyway migrations included) on an H2 file database
 * or a PostgreSQL database without the web layer, fills it with a generated world when it is empty,
 * then measures traces and (with {@code --transfer-seconds}) transfers through the service layer.
 * Run by {@code benchmarks/registry-bench.sh}, which also runs pgbench beside it.
 *
 * <p>Options ({@code --name=value}): {@code --data} (H2 directory, also the ledger key's), {@code
 * --db-url --db-user --db-password --db-owner-user --db-owner-password} (PostgreSQL; generation
 * runs as the owner), {@code --machines} (1000000), {@code --events} (10000000), {@code
 * --registrants} (machines/50), {@code --traces} (rounds of each trace kind, 500), {@code --warmup}
 * (100), {@code --threads} (1,4), {@code --transfer-seconds} (30; 0 skips), {@code --h2-cache-kib}
 * (H2 page cache, 1048576), {@code --results} (a file for key=value figures), {@code --pgbench}
 * (pgbench's path: interleave it with the transfers, {@code --rounds} rounds of each for every
 * thread count, each the same seconds) with {@code --pgbench-args} (its connection and database).
 */
public final class RegistryBench {

  private final Map<String, String> options;
  private final PrintStream out = System.out;
  private final Map<String, String> figures = new LinkedHashMap<>();

  private RegistryBench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    var options = new HashMap<String, String>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("registry-bench: expected --name=value, got '" + arg + "'");
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    new RegistryBench(options).run();
    System.exit(0);
  }

  private String option(String name, String fallback) {
    String value = options.get(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private int number(String name, long fallback) {
    return Integer.parseInt(option(name, String.valueOf(fallback)).replace("_", ""));
  }

  private boolean postgres() {
    return options.containsKey("db-url");
  }

  private void run() throws Exception {
    int machines = number("machines", 1_000_000);
    long events = Long.parseLong(option("events", "10000000").replace("_", ""));
    var size =
        new RegistryWorld.Size(
            number("registrants", Math.max(50, machines / 50)), machines, events, 20_261_128L);
    String database = postgres() ? "postgresql" : "h2";
    figure("database", database);
    long bootStarted = System.nanoTime();
    try (ConfigurableApplicationContext context = start()) {
      out.printf(
          Locale.ROOT,
          "[%s] PressTrace started and migrated in %.1f s%n",
          database,
          (System.nanoTime() - bootStarted) / 1e9);
      var jdbc = context.getBean(JdbcClient.class);
      long stored = jdbc.sql("SELECT COUNT(*) FROM machine").query(Long.class).single();
      if (stored == 0) {
        generate(context, size, database);
      } else {
        out.printf("[%s] reusing the %d machines already stored%n", database, stored);
      }
      int world = jdbc.sql("SELECT COUNT(*) FROM machine").query(Long.class).single().intValue();
      long custody = jdbc.sql("SELECT COUNT(*) FROM custody_event").query(Long.class).single();
      figure("machines", world);
      figure("custody_events", custody);
      out.printf("[%s] world: %d machines, %d custody events%n", database, world, custody);
      traces(context, jdbc, world, database);
      int seconds = number("transfer-seconds", 30);
      if (seconds > 0) {
        transfers(context, jdbc, seconds, database);
      }
    }
    writeFigures();
  }

  private ConfigurableApplicationContext start() {
    var properties = new LinkedHashMap<String, Object>();
    Path data = Path.of(option("data", "target/registry-bench/h2")).toAbsolutePath();
    properties.put("presstrace.data-dir", data.toString());
    if (postgres()) {
      properties.put("spring.datasource.url", options.get("db-url"));
      properties.put("spring.datasource.username", option("db-user", "presstrace_app"));
      properties.put("spring.datasource.password", option("db-password", ""));
      if (options.containsKey("db-owner-user")) {
        properties.put("spring.flyway.user", options.get("db-owner-user"));
        properties.put("spring.flyway.password", option("db-owner-password", ""));
      }
    } else {
      properties.put(
          "spring.datasource.url",
          "jdbc:h2:file:"
              + data.resolve("presstrace")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
              + ";DB_CLOSE_ON_EXIT=FALSE"
              // H2's page cache (KiB); the default 16 MiB is a sliver of a 10-million-event
              // database's indexes, and generation and traces then read from disk.
              + ";CACHE_SIZE="
              + option("h2-cache-kib", "1048576"));
      properties.put("spring.datasource.username", "presstrace");
      properties.put("spring.datasource.password", "");
    }
    int threads =
        Arrays.stream(option("threads", "1,4").split(","))
            .mapToInt(Integer::parseInt)
            .max()
            .orElse(1);
    properties.put("spring.datasource.hikari.maximum-pool-size", Math.max(10, threads + 2));
    properties.put("spring.main.web-application-type", "none");
    properties.put("presstrace.demo.enabled", "false");
    properties.put("presstrace.registry.compliance.sweep-cron", "-");
    properties.put("logging.level.root", "warn");
    properties.put("logging.level.org.springframework.boot.SpringApplication", "off");
    var application = new SpringApplication(PressTraceApplication.class);
    if ("off".equals(option("ledger", "on"))) {
      // Traces without the ledger's leaf for each audit entry: what the ledger adds to a trace.
      // The audit entries are still written. Never a production setting: the log misses them.
      application.addInitializers(
          context ->
              context.addBeanFactoryPostProcessor(
                  factory ->
                      ((org.springframework.beans.factory.support.BeanDefinitionRegistry) factory)
                          .removeBeanDefinition("auditToLedger")));
    }
    // As command-line arguments: they take precedence over application.properties.
    return application.run(
        properties.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new));
  }

  private void generate(ConfigurableApplicationContext context, RegistryWorld.Size size, String db)
      throws SQLException {
    out.printf(
        "[%s] generating %d registrants, %d machines, about %d custody events ...%n",
        db, size.registrants(), size.machines(), size.events());
    var world = new RegistryWorld(size);
    long step = Math.max(5_000, size.machines() / 20);
    long started = System.nanoTime();
    RegistryWorld.Written written;
    long loaded;
    try (Connection connection = generationConnection(context)) {
      connection.setAutoCommit(false);
      H2BulkLoad bulk = null;
      if (!postgres()) {
        // H2 inserts every key into every index of a row as it goes; a bulk load drops them and
        // builds them once at the end, as a restore would. PostgreSQL's COPY keeps them.
        bulk = H2BulkLoad.dropSecondaryStructures(connection, List.of("machine", "custody_event"));
        out.printf("[%s] dropped %s for the load%n", db, bulk.describe());
      }
      written =
          world.generate(
              connection,
              done -> {
                if (done % step == 0 || done == size.machines()) {
                  double seconds = (System.nanoTime() - started) / 1e9;
                  out.printf(
                      Locale.ROOT,
                      "[%s]   %,d machines in %.0f s (%.0f machines/s)%n",
                      db,
                      done,
                      seconds,
                      done / seconds);
                }
              });
      if (bulk != null) {
        long rebuildStarted = System.nanoTime();
        bulk.rebuild(connection);
        double rebuilt = (System.nanoTime() - rebuildStarted) / 1e9;
        figure("index_rebuild_seconds", rebuilt);
        out.printf(Locale.ROOT, "[%s] rebuilt %s in %.1f s%n", db, bulk.describe(), rebuilt);
      }
      loaded = System.nanoTime();
      long analyseStarted = loaded;
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        // PostgreSQL: a settled table (visibility map set), as autovacuum leaves it.
        statement.execute(postgres() ? "VACUUM ANALYZE" : "ANALYZE");
      }
      figure("analyze_seconds", (System.nanoTime() - analyseStarted) / 1e9);
    }
    // Generation and, on H2, the index rebuild: the time until the world can be traced.
    double seconds = (loaded - started) / 1e9;
    figure("generate_seconds", seconds);
    figure("generate_events_per_second", written.events() / seconds);
    out.printf(
        Locale.ROOT,
        "[%s] generated %d registrants, %d machines, %d custody events in %.1f s"
            + " (%.0f events/s)%n",
        db,
        written.registrants(),
        written.machines(),
        written.events(),
        seconds,
        written.events() / seconds);
  }

  /** PostgreSQL: the schema owner (COPY needs no more than INSERT, but ANALYZE needs the owner). */
  private Connection generationConnection(ConfigurableApplicationContext context)
      throws SQLException {
    if (postgres() && options.containsKey("db-owner-user")) {
      return DriverManager.getConnection(
          options.get("db-url"), options.get("db-owner-user"), option("db-owner-password", ""));
    }
    return context.getBean(DataSource.class).getConnection();
  }

  private void traces(
      ConfigurableApplicationContext context, JdbcClient jdbc, int machines, String db) {
    baseline(
        jdbc,
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)),
        machines,
        db);
    var load = new TraceLoad(context.getBean(Trace.class), jdbc, context.getBean(Directory.class));
    int rounds = number("traces", 500);
    var kinds = EnumSet.noneOf(TraceLoad.Kind.class);
    for (String kind : option("kinds", "exact,normalised,pattern,make_model").split(",")) {
      kinds.add(TraceLoad.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
    }
    var result = load.run(machines, number("warmup", 100), rounds, 7L, kinds);
    out.printf("[%s] trace latency through Trace.trace (%d of each kind):%n", db, rounds);
    TraceLoad.describe(result).forEach(line -> out.println("[" + db + "]   " + line));
    result
        .latencies()
        .forEach(
            (kind, latencies) -> {
              if (latencies.count() == 0) {
                return;
              }
              String key = "trace." + kind.name().toLowerCase(Locale.ROOT);
              figure(key + ".p50_ms", latencies.percentileMillis(50));
              figure(key + ".p95_ms", latencies.percentileMillis(95));
              figure(key + ".p99_ms", latencies.percentileMillis(99));
              figure(key + ".p99_9_ms", latencies.percentileMillis(99.9));
              figure(key + ".over_10ms", result.slow().get(kind));
              figure(key + ".over_10ms_collecting", result.slowCollecting().get(kind));
            });
  }

  /**
   * The same-run baseline: a primary-key lookup of a random machine through the same pool, the
   * cheapest read the database can answer, so that trace figures can be read against the machine's
   * state at the time; on PostgreSQL also the cheapest durable commit ({@link #commitBaseline}).
   */
  private void baseline(
      JdbcClient jdbc, TransactionTemplate transactions, int machines, String db) {
    var random = new java.util.SplittableRandom(5L);
    var latencies = new Latencies();
    for (int i = 0; i < 2_000; i++) {
      String id = RegistryWorld.machineId(random.nextInt(machines));
      long started = System.nanoTime();
      jdbc.sql("SELECT id, serial_normalised, state FROM machine WHERE id = :id")
          .param("id", id)
          .query((rs, row) -> rs.getString(1))
          .single();
      if (i >= 500) {
        latencies.add(System.nanoTime() - started);
      }
    }
    out.printf("[%s] baseline primary-key lookup: %s%n", db, latencies.summary());
    figure("baseline.pk_lookup.p50_ms", latencies.percentileMillis(50));
    figure("baseline.pk_lookup.p99_ms", latencies.percentileMillis(99));
    if (postgres()) {
      commitBaseline(transactions, jdbc, db);
    }
  }

  /**
   * The same-run floor of a write: a transaction that takes a transaction id and commits, which
   * writes nothing but its commit record and, under synchronous commit, waits for the server to
   * flush it. Every trace commits its audit entries, so no trace can be answered faster than this;
   * its tail is the disk's, read beside the traces' own.
   */
  private void commitBaseline(TransactionTemplate transactions, JdbcClient jdbc, String db) {
    var latencies = new Latencies();
    for (int i = 0; i < 2_000; i++) {
      long started = System.nanoTime();
      transactions.executeWithoutResult(
          status -> jdbc.sql("SELECT pg_current_xact_id()::text").query(String.class).single());
      if (i >= 500) {
        latencies.add(System.nanoTime() - started);
      }
    }
    out.printf("[%s] baseline durable commit: %s%n", db, latencies.summary());
    figure("baseline.commit.p50_ms", latencies.percentileMillis(50));
    figure("baseline.commit.p99_ms", latencies.percentileMillis(99));
  }

  private void transfers(
      ConfigurableApplicationContext context, JdbcClient jdbc, int seconds, String db)
      throws InterruptedException {
    var load =
        new TransferLoad(
            context.getBean(Registry.class), context.getBean(Directory.class), jdbc, 20_000);
    out.printf(
        "[%s] transfers through Registry.transfer, %d machines in play%n", db, load.machines());
    load.run(1, Duration.ofSeconds(Math.min(10, seconds)), 11L);
    List<Integer> threads =
        Arrays.stream(option("threads", "1,4").split(",")).map(Integer::valueOf).toList();
    int rounds = number("rounds", 1);
    String pgbench = options.get("pgbench");
    for (int count : threads) {
      if (pgbench == null) {
        transferPhase(load, jdbc, db, count, seconds, 13L + count);
        continue;
      }
      // Interleaved: each round runs the transfers and then pgbench for the same time, so that
      // each ratio compares the two under the machine's conditions of the same minute.
      double[] ours = new double[rounds];
      double[] theirs = new double[rounds];
      double[] ratios = new double[rounds];
      double[] pgbenchCpu = new double[rounds];
      double[] transferCpu = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        Phase phase = transferPhase(load, jdbc, db, count, seconds, 13L + count + 1_000L * round);
        ours[round] = phase.perSecond();
        transferCpu[round] = phase.hostCpuMillis();
        double[] run = pgbench(pgbench, count, seconds);
        theirs[round] = run[0];
        pgbenchCpu[round] = run[1];
        ratios[round] = ours[round] / theirs[round];
        out.printf(
            Locale.ROOT,
            "[%s]   %d thread(s), round %d of %d: %.1f transfers/s, pgbench %.1f tps, ratio %.3f%n",
            db,
            count,
            round + 1,
            rounds,
            ours[round],
            theirs[round],
            ratios[round]);
        figure("interleaved.threads_" + count + ".round_" + (round + 1) + ".ratio", ratios[round]);
      }
      figure("transfers_per_second.threads_" + count, median(ours));
      figure("pgbench.tps.clients_" + count, median(theirs));
      figure("interleaved.threads_" + count + ".ratio_median", median(ratios));
      if (median(pgbenchCpu) > 0 && median(transferCpu) > 0) {
        figure("pgbench.clients_" + count + ".host_cpu_ms", median(pgbenchCpu));
        figure("transfer.threads_" + count + ".host_cpu_ms", median(transferCpu));
      }
    }
  }

  /** What one phase of transfers gave: transfers per second, the machine's CPU per transfer. */
  private record Phase(double perSecond, double hostCpuMillis) {}

  /**
   * One phase of transfers on {@code count} threads for {@code seconds}, with where its time went;
   * the machine's CPU per transfer is 0 where {@code /proc/stat} cannot tell.
   */
  private Phase transferPhase(
      TransferLoad load, JdbcClient jdbc, String db, int count, int seconds, long seed)
      throws InterruptedException {
    var phaseStart = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
    long[] databaseBefore = postgres() ? databaseCounters(jdbc) : null;
    long cpuBefore = processCpuNanos();
    long hostBefore = HostCpu.busyMillis();
    TransferLoad.Result result = load.run(count, Duration.ofSeconds(seconds), seed);
    long cpu = processCpuNanos() - cpuBefore;
    long host = HostCpu.busyMillis() - hostBefore;
    out.printf(
        Locale.ROOT,
        "[%s]   %d thread(s): %.1f transfers/s (%d in %.1f s, %d refused) latency %s%n",
        db,
        count,
        result.perSecond(),
        result.transfers(),
        result.seconds(),
        result.failures(),
        result.latencies().summary());
    figure("transfers_per_second.threads_" + count, result.perSecond());
    figure("transfer.threads_" + count + ".p50_ms", result.latencies().percentileMillis(50));
    figure("transfer.threads_" + count + ".p99_ms", result.latencies().percentileMillis(99));
    figure("transfer.threads_" + count + ".refused", result.failures());
    integrationLatency(jdbc, db, count, phaseStart);
    // Where a transfer's time goes: this JVM's CPU (service layer, integrator, signing) per
    // transfer, and the database's commits and rows per transfer (integrator's included).
    double perTransfer = Math.max(1, result.transfers());
    figure("transfer.threads_" + count + ".jvm_cpu_ms", cpu / 1e6 / perTransfer);
    String counters = "";
    double hostPerTransfer = 0;
    if (hostBefore >= 0 && host >= 0) {
      hostPerTransfer = host / perTransfer;
      figure("transfer.threads_" + count + ".host_cpu_ms", hostPerTransfer);
      counters += String.format(Locale.ROOT, ", host CPU %.2f ms", hostPerTransfer);
    }
    if (databaseBefore != null) {
      long[] after = databaseCounters(jdbc);
      String[] names = {"commits", "rows_fetched", "rows_inserted", "rows_updated", "rows_deleted"};
      var text = new StringBuilder(counters);
      for (int i = 0; i < names.length; i++) {
        double each = (after[i] - databaseBefore[i]) / perTransfer;
        figure("transfer.threads_" + count + ".db_" + names[i], each);
        text.append(String.format(Locale.ROOT, ", %s %.2f", names[i], each));
      }
      counters = text.toString();
    }
    out.printf(
        Locale.ROOT,
        "[%s]   %d thread(s): per transfer JVM CPU %.2f ms%s%n",
        db,
        count,
        cpu / 1e6 / perTransfer,
        counters);
    return new Phase(result.perSecond(), hostPerTransfer);
  }

  /**
   * pgbench's TPC-B-like load with {@code clients} clients for {@code seconds}, against the
   * database its {@code --pgbench-args} name (the password from {@code PGPASSWORD}); returns its
   * transactions per second and the machine's CPU per transaction (0 where unknown).
   */
  private double[] pgbench(String command, int clients, int seconds) throws InterruptedException {
    var arguments = new ArrayList<String>();
    arguments.add(command);
    arguments.addAll(
        List.of(
            "-c",
            String.valueOf(clients),
            "-j",
            String.valueOf(clients),
            "-T",
            String.valueOf(seconds)));
    String named = option("pgbench-args", "").strip();
    if (!named.isEmpty()) {
      arguments.addAll(Arrays.asList(named.split("\\s+")));
    }
    long hostBefore = HostCpu.busyMillis();
    String report;
    int exit;
    try {
      Process process =
          new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      exit = process.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("pgbench did not start: " + arguments, e);
    }
    long host = HostCpu.busyMillis() - hostBefore;
    Matcher tps = Pattern.compile("(?m)^tps = ([0-9.]+)").matcher(report);
    Matcher done =
        Pattern.compile("(?m)^number of transactions actually processed: ([0-9]+)").matcher(report);
    if (exit != 0 || !tps.find() || !done.find()) {
      throw new IllegalStateException("pgbench failed (exit " + exit + "): " + report);
    }
    double transactions = Double.parseDouble(done.group(1));
    double cpu = hostBefore >= 0 && host >= 0 && transactions > 0 ? host / transactions : 0;
    return new double[] {Double.parseDouble(tps.group(1)), cpu};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /**
   * This database's commits and row counters (pg_stat_database), after the statistics of finished
   * transactions are flushed (PostgreSQL flushes them at most once a second).
   */
  private static long[] databaseCounters(JdbcClient jdbc) throws InterruptedException {
    Thread.sleep(1_100);
    return jdbc.sql(
            "SELECT xact_commit, tup_fetched, tup_inserted, tup_updated, tup_deleted"
                + " FROM pg_stat_database WHERE datname = current_database()")
        .query(
            (rs, row) ->
                new long[] {
                  rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)
                })
        .single();
  }

  /**
   * The ledger's queue-to-log latency over the entries integrated during one phase: from the
   * writer's queueing just before its commit (appended_at) to the integrator's commit
   * (integrated_at), both stored with each leaf.
   */
  private void integrationLatency(
      JdbcClient jdbc, String db, int count, java.time.OffsetDateTime since) {
    List<Double> millis =
        jdbc
            .sql(
                "SELECT appended_at, integrated_at FROM ledger_leaf"
                    + " WHERE integrated_at >= :since")
            .param("since", since)
            .query(
                (rs, row) ->
                    Duration.between(
                                rs.getObject(1, java.time.OffsetDateTime.class),
                                rs.getObject(2, java.time.OffsetDateTime.class))
                            .toNanos()
                        / 1e6)
            .list()
            .stream()
            .sorted()
            .toList();
    if (millis.isEmpty()) {
      return;
    }
    double p50 = millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.50) - 1));
    double p99 = millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.99) - 1));
    out.printf(
        Locale.ROOT,
        "[%s]   %d thread(s): %d entries integrated, queue-to-log p50 %.1f ms p99 %.1f ms max %.1f"
            + " ms%n",
        db,
        count,
        millis.size(),
        p50,
        p99,
        millis.get(millis.size() - 1));
    figure("integration.threads_" + count + ".entries", millis.size());
    long integrations =
        jdbc.sql(
                "SELECT COUNT(DISTINCT integrated_at) FROM ledger_leaf WHERE integrated_at >= :since")
            .param("since", since)
            .query(Long.class)
            .single();
    out.printf(
        Locale.ROOT,
        "[%s]   %d thread(s): %d integrations, %.1f entries each%n",
        db,
        count,
        integrations,
        millis.size() / (double) Math.max(1, integrations));
    figure("integration.threads_" + count + ".integrations", integrations);
    figure("integration.threads_" + count + ".p50_ms", p50);
    figure("integration.threads_" + count + ".p99_ms", p99);
  }

  private void figure(String key, Object value) {
    figures.put(
        key,
        value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value));
  }

  private void writeFigures() throws IOException {
    String file = options.get("results");
    if (file == null) {
      return;
    }
    var lines = new ArrayList<String>();
    figures.forEach((key, value) -> lines.add(key + "=" + value));
    Files.write(Path.of(file), lines);
  }
}
