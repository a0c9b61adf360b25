package org.presstrace.ledger.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Who may integrate: one leader per database. On PostgreSQL the leader holds a session advisory
 * lock (keyed by the schema) on a connection of its own, opened beside the pool; a second process
 * waits for it, and takes over as soon as the first stops, since the server releases the lock when
 * that connection ends, also when the process is killed. Other databases (the embedded H2) have one
 * process at most, so a lock in this JVM, keyed by the database URL, is enough.
 */
@Component
public class Leadership {

  private static final Map<String, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  /** How often a process that is not the leader tries again. */
  static final Duration RETRY = Duration.ofMillis(500);

  private final DataSource dataSource;

  public Leadership(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Held leadership; closing it gives leadership up. */
  public interface Lease extends AutoCloseable {
    /** Whether the lease still holds (the lock's connection is alive). */
    boolean held();

    @Override
    void close();
  }

  /**
   * Waits until this caller leads, or until {@code keepTrying} says stop (then null). Blocks the
   * calling thread; an in-JVM lease must be closed by the same thread.
   */
  public Lease acquire(BooleanSupplier keepTrying) throws SQLException, InterruptedException {
    String product;
    String url;
    try (Connection probe = dataSource.getConnection()) {
      product = probe.getMetaData().getDatabaseProductName();
      url = probe.getMetaData().getURL();
    }
    if ("PostgreSQL".equals(product)) {
      return advisory(keepTrying);
    }
    ReentrantLock lock = IN_JVM.computeIfAbsent(url, any -> new ReentrantLock());
    while (keepTrying.getAsBoolean()) {
      if (lock.tryLock(RETRY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return new Lease() {
          @Override
          public boolean held() {
            return lock.isHeldByCurrentThread();
          }

          @Override
          public void close() {
            lock.unlock();
          }
        };
      }
    }
    return null;
  }

  private Lease advisory(BooleanSupplier keepTrying) throws SQLException, InterruptedException {
    Connection connection = dedicated();
    try {
      connection.setAutoCommit(true);
      while (keepTrying.getAsBoolean()) {
        if (tryLock(connection)) {
          return new AdvisoryLease(connection);
        }
        Thread.sleep(RETRY.toMillis());
      }
    } catch (SQLException | InterruptedException | RuntimeException e) {
      connection.close();
      throw e;
    }
    connection.close();
    return null;
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var result =
            statement.executeQuery(
                "SELECT pg_try_advisory_lock(hashtext('presstrace-ledger-integrator'),"
                    + " hashtext(current_schema()))")) {
      result.next();
      return result.getBoolean(1);
    }
  }

  /** A connection outside the pool, so leadership never takes a pooled connection from writers. */
  private Connection dedicated() throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
      if (hikari.getJdbcUrl() != null) {
        return DriverManager.getConnection(
            hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
      }
    }
    return dataSource.getConnection();
  }

  private record AdvisoryLease(Connection connection) implements Lease {
    @Override
    public boolean held() {
      try {
        return connection.isValid(5);
      } catch (SQLException e) {
        return false;
      }
    }

    @Override
    public void close() {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the server releases a session lock when its connection ends, however it ends
      }
    }
  }
}
