package org.presstrace.cli;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection to the embedded database that H2 has closed. H2
 * closes the whole database when a write to its file fails (the disk is full, for one) and answers
 * every later statement on the old connections with "database is closed"; the pool does not know
 * those codes and would hand the dead connections out until PressTrace restarts. Dropped, they are
 * replaced by connections that open the database again, from its last committed state, as soon as
 * the disk has room. Other errors, and other databases, keep the pool's own judgement.
 */
public final class EmbeddedDatabaseClosed implements SQLExceptionOverride {

  /** H2: the database was closed, already closed, or a write to its file failed. */
  private static final int DATABASE_IS_CLOSED = 90098;

  private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;
  private static final int GENERAL_ERROR = 50000;

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    return switch (e.getErrorCode()) {
      case DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN, GENERAL_ERROR -> Override.MUST_EVICT;
      default -> Override.CONTINUE_EVICT;
    };
  }
}
