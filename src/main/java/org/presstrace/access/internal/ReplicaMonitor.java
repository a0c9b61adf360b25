package org.presstrace.access.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the streaming replica: every {@code checkInterval} it reads the primary's WAL position
 * and the replica's replay position, and from the history of the primary's positions works out how
 * far behind the replica is in time (the replica holds everything the primary had written at the
 * latest sample whose position it has replayed). The replica may serve reads while it answers, is
 * still in recovery (a promoted replica is no longer a copy of this primary), is at most {@code
 * maxLag} behind, and was last checked recently. Owns the replica's connection pool and its own
 * connection to the primary, apart from the application's pool.
 */
final class ReplicaMonitor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);

  private record Sample(long atNanos, long lsn) {}

  private final HikariDataSource primary;
  private final HikariDataSource replica;
  private final long maxLagNanos;
  private final long staleNanos;
  private final LongSupplier nanoTime;
  private final Deque<Sample> samples = new ArrayDeque<>();
  private final ScheduledExecutorService checks;

  private volatile boolean healthy;
  private volatile long checkedAtNanos;
  private volatile long replayed = -1;
  private volatile boolean replayedKnown;
  private volatile long replayedSampleAt;
  private volatile long lagMillis = -1;
  private volatile String lastProblem = "not checked yet";

  ReplicaMonitor(
      HikariDataSource primary,
      ReadReplicaProperties settings,
      String fallbackUser,
      String fallbackPassword) {
    this.primary = primary;
    this.replica = pool(settings, fallbackUser, fallbackPassword);
    this.maxLagNanos = settings.maxLag().toNanos();
    this.staleNanos =
        Math.max(3 * settings.checkInterval().toNanos(), Duration.ofSeconds(2).toNanos());
    this.nanoTime = System::nanoTime;
    this.checks =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "presstrace-replica-check");
              thread.setDaemon(true);
              return thread;
            });
    long every = settings.checkInterval().toMillis();
    checks.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
  }

  private static HikariDataSource pool(
      ReadReplicaProperties settings, String fallbackUser, String fallbackPassword) {
    var config = new HikariConfig();
    config.setPoolName("replica");
    config.setJdbcUrl(settings.url());
    boolean ownRole = !settings.username().isBlank();
    config.setUsername(ownRole ? settings.username() : fallbackUser);
    config.setPassword(ownRole ? settings.password() : fallbackPassword);
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(1, settings.poolSize()));
    config.setConnectionTimeout(settings.connectTimeout().toMillis());
    config.setValidationTimeout(Math.min(settings.connectTimeout().toMillis(), 1000));
    config.setReadOnly(true);
    // A replica that is down when PressTrace starts must not stop it: reads use the primary.
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  DataSource replica() {
    return replica;
  }

  /** Whether the replica may serve a lag-tolerant read now. */
  boolean healthy() {
    return healthy && nanoTime.getAsLong() - checkedAtNanos < staleNanos;
  }

  /** The replica's replay position at the last check, -1 when unknown. */
  long replayed() {
    return replayed;
  }

  /**
   * Whether, at the last check, the replica had replayed everything the primary had committed by
   * {@code nanos} (a {@link System#nanoTime()} reading): it had replayed the primary's position as
   * read after that moment.
   */
  boolean replayedSince(long nanos) {
    return replayedKnown && replayedSampleAt - nanos >= 0;
  }

  /** How far behind the replica was at the last check, in milliseconds; -1 when unknown. */
  long lagMillis() {
    return lagMillis;
  }

  String lastProblem() {
    return lastProblem;
  }

  /** The primary's current WAL position: after a commit, at or past the commit's record. */
  long primaryPosition() throws SQLException {
    try (Connection connection = primary.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A read found the replica unreachable: reads go to the primary until a check succeeds. */
  void markDown(SQLException problem) {
    if (healthy) {
      log.warn("read replica unreachable, reading from the primary: {}", problem.getMessage());
    }
    healthy = false;
    lastProblem = String.valueOf(problem.getMessage());
  }

  void check() {
    try {
      // Taken before the primary's position is read: every commit complete by then is at or
      // before that position.
      long sampledAt = nanoTime.getAsLong();
      long primaryAt = primaryPosition();
      boolean inRecovery;
      long replayedAt;
      try (Connection connection = replica.getConnection();
          Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn")) {
        rs.next();
        inRecovery = rs.getBoolean(1);
        replayedAt = rs.getLong(2);
        if (rs.wasNull()) {
          replayedAt = -1;
        }
      }
      long now = nanoTime.getAsLong();
      long lag = lag(now, sampledAt, primaryAt, replayedAt);
      replayed = replayedAt;
      lagMillis = lag < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(lag);
      boolean ok = inRecovery && lag >= 0 && lag <= maxLagNanos;
      lastProblem =
          ok
              ? null
              : !inRecovery
                  ? "the replica is not in recovery (promoted, or not a replica)"
                  : "the replica is " + (lag < 0 ? "too far" : lagMillis + " ms") + " behind";
      if (ok != healthy) {
        if (ok) {
          log.info("read replica serving lag-tolerant reads ({} ms behind)", lagMillis);
        } else {
          log.warn("reading from the primary: {}", lastProblem);
        }
      }
      checkedAtNanos = now;
      healthy = ok;
    } catch (SQLException | RuntimeException e) {
      if (healthy) {
        log.warn("read replica check failed, reading from the primary: {}", e.getMessage());
      }
      healthy = false;
      lastProblem = String.valueOf(e.getMessage());
    }
  }

  /**
   * How far behind, in nanoseconds: the age of the newest sample of the primary's position that the
   * replica has replayed, or -1 when it has replayed none of the samples kept (more than twice the
   * bound behind, or not yet known).
   */
  private long lag(long now, long sampledAt, long primaryAt, long replayedAt) {
    synchronized (samples) {
      samples.addLast(new Sample(sampledAt, primaryAt));
      while (samples.size() > 1 && now - samples.peekFirst().atNanos() > 2 * maxLagNanos) {
        samples.removeFirst();
      }
      var newestFirst = samples.descendingIterator();
      while (newestFirst.hasNext()) {
        Sample sample = newestFirst.next();
        if (sample.lsn() <= replayedAt) {
          replayedSampleAt = sample.atNanos();
          replayedKnown = true;
          return now - sample.atNanos();
        }
      }
      replayedKnown = false;
      return -1;
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
    replica.close();
    primary.close();
  }
}
