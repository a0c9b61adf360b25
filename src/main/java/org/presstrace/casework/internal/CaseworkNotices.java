package org.presstrace.casework.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's {@link CaseworkState} current with what the other nodes on the same PostgreSQL
 * database store, when {@code presstrace.cluster.enabled}: one connection of the pool listens on
 * {@value CaseworkState#CHANNEL}, and each announcement (sent in the transaction that stored the
 * record, so delivered only once it committed) is applied within the poll below, well under a
 * second. Whenever the connection is made again (at start, after a database restart) the state
 * first reads what was stored meanwhile. On H2, or with the setting off, nothing listens: one node
 * holds the only index.
 */
@Component
class CaseworkNotices implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CaseworkNotices.class);

  /** How long one wait for notifications lasts; also how soon a stop is noticed. */
  static final int WAIT_MILLIS = 250;

  private final DataSource dataSource;
  private final CaseworkState state;
  private final boolean cluster;
  private volatile boolean running;
  private volatile boolean listening;
  private Thread listener;

  CaseworkNotices(
      DataSource dataSource,
      CaseworkState state,
      @Value("${presstrace.cluster.enabled:false}") boolean cluster) {
    this.dataSource = dataSource;
    this.state = state;
    this.cluster = cluster;
  }

  @Override
  public void start() {
    if (!cluster || running) {
      return;
    }
    if (!postgres()) {
      log.info("presstrace.cluster.enabled on a database other than PostgreSQL: one node only");
      return;
    }
    running = true;
    state.announce(true);
    listener = new Thread(this::listen, "casework-notices");
    listener.setDaemon(true);
    listener.start();
  }

  /** Whether this node is listening now (false while it reconnects). */
  boolean listening() {
    return listening;
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        PGConnection notices = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CaseworkState.CHANNEL);
        }
        state.catchUp();
        listening = true;
        while (running) {
          PGNotification[] arrived = notices.getNotifications(WAIT_MILLIS);
          if (arrived != null) {
            for (PGNotification notice : arrived) {
              apply(notice.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (running) {
          log.warn("casework notices interrupted, listening again in a second: {}", e.toString());
          pause();
        }
      }
    }
    listening = false;
  }

  private void apply(String payload) {
    try {
      state.apply(payload);
    } catch (RuntimeException e) {
      log.warn("could not apply casework announcement '{}'", payload, e);
    }
  }

  private boolean postgres() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
    } catch (SQLException e) {
      return false;
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void stop() {
    running = false;
    state.announce(false);
    Thread thread = listener;
    if (thread != null) {
      try {
        thread.join(5 * WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
