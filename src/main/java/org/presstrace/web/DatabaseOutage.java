package org.presstrace.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database could not be reached (and the request may be repeated),
 * rather than that this request went wrong: no connection from the pool, a connection refused or
 * broken (SQLSTATE class 08), the server shutting down under a statement (57P01 to 57P03), or a
 * rollback that the broken connection could not carry out.
 */
final class DatabaseOutage {

  private DatabaseOutage() {}

  static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && outageState(sql.getSQLState())) {
        return true;
      }
      // A rollback that failed on the broken connection hides the failure that started it (a
      // commit refused by a server shutting down leaves only this).
      if (t instanceof TransactionSystemException rollback
          && (rollback.getCause() instanceof SQLException
              || rollback.getApplicationException() != null
                  && isOutage(rollback.getApplicationException()))) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's class and message, for one log line without a stack trace. */
  static String describe(Throwable failure) {
    Throwable inner = failure;
    while (inner.getCause() != null && inner.getCause() != inner) {
      inner = inner.getCause();
    }
    return inner.getClass().getSimpleName() + ": " + inner.getMessage();
  }

  private static boolean outageState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
