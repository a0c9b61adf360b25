package org.presstrace.ledger;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.presstrace.ledger.internal.HeadStore;
import org.presstrace.ledger.internal.IntegrationSignal;
import org.presstrace.ledger.internal.LeafStore;
import org.presstrace.ledger.internal.NodeStore;
import org.presstrace.ledger.internal.QueueStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's cost on a real database: appends per second through {@link Ledger#append} (its own
 * SQL: lock the state row, insert the leaf and the completed nodes, bump the size) onto H2 (file)
 * or PostgreSQL, then inclusion and consistency proof times read from the stored nodes at the size
 * reached, beside the raw SHA-256 rate over the same leaf bytes measured in the same run. Not a
 * test: run it with {@code benchmarks/ledger-storage.sh} (see docs/ledger.md).
 *
 * <p>Arguments: {@code h2 DIR} or {@code postgresql JDBC_URL USER PASSWORD}, then the time budget
 * in seconds for appends and the leaves per transaction (1 = one commit per leaf, as the service
 * runs; larger batches grow the tree further in the same time).
 */
public final class LedgerStorageBenchmark {

  private static final byte[] LEAF =
      ("{\"action\":\"READ\",\"agency\":\"DEA\",\"channel\":\"API\",\"id\":4242424,"
              + "\"kind\":\"intel-report\",\"occurredAt\":\"2026-11-28T01:02:03.456789Z\","
              + "\"outcome\":\"SHOWN\",\"purpose\":\"Case 2026-0142\","
              + "\"recordId\":\"3f1c9a52-7d2e-4b8a-9c61-0e5f2d7a4b19\","
              + "\"requestId\":\"8c2d4e6f-0a1b-4c3d-9e8f-7a6b5c4d3e2f\","
              + "\"type\":\"audit-event\",\"username\":\"dea.investigator\"}")
          .getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    String vendor = args[0];
    DataSource db;
    int next;
    if (vendor.equals("h2")) {
      Path dir = Path.of(args[1]);
      Files.createDirectories(dir);
      db =
          pool(
              "jdbc:h2:file:"
                  + dir.toAbsolutePath().resolve("ledger-bench")
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
              "presstrace",
              "");
      next = 2;
    } else {
      String schema = "ledger_bench_" + System.currentTimeMillis();
      String url = args[1] + (args[1].contains("?") ? "&" : "?") + "currentSchema=" + schema;
      db = pool(url, args[2], args[3]);
      JdbcClient.create(db).sql("CREATE SCHEMA " + schema).update();
      next = 4;
    }
    long seconds = Long.parseLong(args[next]);
    int batch = Integer.parseInt(args[next + 1]);
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
        .load()
        .migrate();
    new LedgerStorageBenchmark(db).run(vendor, Duration.ofSeconds(seconds), batch);
  }

  /** A connection pool, as the application uses. */
  private static DataSource pool(String url, String user, String password) {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(2);
    return pool;
  }

  private final Ledger ledger;
  private final LedgerIntegrator integrator;
  private final TransactionTemplate transactions;

  LedgerStorageBenchmark(DataSource db) {
    var template = new JdbcTemplate(db);
    var leaves = new LeafStore(template);
    var nodes = new NodeStore(template);
    var heads = new HeadStore(template);
    var queue = new QueueStore(template);
    var transactionManager = new DataSourceTransactionManager(db);
    this.ledger =
        new Ledger(
            leaves,
            nodes,
            heads,
            queue,
            new NoSigner(),
            Clock.systemUTC(),
            new IntegrationSignal(),
            Duration.ofSeconds(30));
    // Heads are not what is measured: none is due within a run.
    this.integrator =
        new LedgerIntegrator(
            ledger,
            leaves,
            nodes,
            heads,
            queue,
            Clock.systemUTC(),
            transactionManager,
            Duration.ofDays(1),
            Integer.MAX_VALUE,
            new SimpleMeterRegistry(),
            "benchmark");
    this.transactions = new TransactionTemplate(transactionManager);
  }

  void run(String vendor, Duration budget, int batch) throws Exception {
    double sha = sha256Rate();
    System.out.printf(
        Locale.ROOT,
        "%s: raw SHA-256 over a %d-byte leaf: %,.0f/s (median of 5 s after 1 s warm-up)%n",
        vendor,
        LEAF.length,
        sha);
    List<Double> rates = new ArrayList<>();
    long deadline = System.nanoTime() + budget.toNanos();
    long windowStart = System.nanoTime();
    long windowLeaves = 0;
    long size = ledger.size();
    while (System.nanoTime() < deadline) {
      transactions.executeWithoutResult(
          status -> {
            for (int i = 0; i < batch; i++) {
              ledger.append("audit-event", "bench", LEAF);
            }
          });
      // Queued, then integrated as the integrator does it: the figure counts leaves in the log.
      integrator.drain(PendingAppends.FLUSH_EVERY);
      size += batch;
      windowLeaves += batch;
      long elapsed = System.nanoTime() - windowStart;
      if (elapsed >= 10_000_000_000L) {
        double rate = windowLeaves * 1e9 / elapsed;
        rates.add(rate);
        System.out.printf(Locale.ROOT, "%s: %,d leaves, %,.0f appends/s%n", vendor, size, rate);
        windowStart = System.nanoTime();
        windowLeaves = 0;
      }
    }
    double appends = median(rates);
    double shaAfter = sha256Rate();
    System.out.printf(
        Locale.ROOT, "%s: raw SHA-256 after the appends: %,.0f/s%n", vendor, shaAfter);
    sha = (sha + shaAfter) / 2;
    System.out.printf(
        Locale.ROOT,
        "%s: %,d leaves reached, %d leaves per transaction: median %,.0f appends/s"
            + " (SHA-256, mean of before and after, is %,.0f times faster)%n",
        vendor,
        size,
        batch,
        appends,
        sha / appends);
    proofs(vendor, size);
  }

  private void proofs(String vendor, long size) {
    var random = new Random(42);
    List<Double> inclusion = new ArrayList<>();
    List<Double> consistency = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long index = (long) (random.nextDouble() * size);
      long first = 1 + (long) (random.nextDouble() * (size - 1));
      long start = System.nanoTime();
      transactions.executeWithoutResult(status -> ledger.inclusionProof(index, size));
      inclusion.add((System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      transactions.executeWithoutResult(status -> ledger.consistencyProof(first, size));
      consistency.add((System.nanoTime() - start) / 1e6);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: at %,d leaves: inclusion proof median %.2f ms, consistency proof median %.2f ms"
            + " (200 random each, read from stored nodes)%n",
        vendor,
        size,
        median(inclusion),
        median(consistency));
  }

  private static double sha256Rate() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    List<Double> rates = new ArrayList<>();
    for (int second = 0; second < 6; second++) {
      long count = 0;
      long start = System.nanoTime();
      while (System.nanoTime() - start < 1_000_000_000L) {
        for (int i = 0; i < 1000; i++) {
          digest.update((byte) 0);
          digest.update(LEAF);
          digest.digest();
        }
        count += 1000;
      }
      if (second > 0) {
        rates.add(count * 1e9 / (System.nanoTime() - start));
      }
    }
    return median(rates);
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Heads are not measured here; appends and proofs need no key. */
  private static final class NoSigner implements Ledger.Signer {
    @Override
    public String keyId() {
      return "bench";
    }

    @Override
    public String publicKey() {
      return "";
    }

    @Override
    public String sign(byte[] message) {
      throw new UnsupportedOperationException("the benchmark signs no heads");
    }

    @Override
    public boolean verify(byte[] message, String signature) {
      return false;
    }
  }
}
