package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.context.request.ServletWebRequest;

/** The API's answer to a failure whose own text would describe stored records. */
class ApiProblemsTests {

  @Test
  void aConstraintViolationAnswersWithoutTheStoredRowOrTheConstraint() {
    var violation =
        new DuplicateKeyException(
            "PreparedStatementCallback; SQL [INSERT INTO seizure ...]",
            new SQLIntegrityConstraintViolationException(
                "Unique index or primary key violation: \"PUBLIC.SEIZURE_REFERENCE_UNIQUE ON"
                    + " PUBLIC.SEIZURE(OWNER_AGENCY, REFERENCE_SCOPE, REFERENCE) VALUES ('DEA',"
                    + " 'OPX', 'CASE-1')\""));

    var answer =
        new ApiProblems()
            .integrity(
                violation,
                new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/seizures")));

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    String detail = ((ProblemDetail) answer.getBody()).getDetail();
    assertThat(detail)
        .isEqualTo("the change conflicts with stored data")
        .doesNotContain("SEIZURE_REFERENCE_UNIQUE")
        .doesNotContain("OPX")
        .doesNotContain("CASE-1");
  }

  @Test
  void aDatabaseThatCannotBeReachedAnswers503WithRetryAfterNot500() throws Exception {
    var request = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/seizures"));
    Exception[] outages = {
      new CannotGetJdbcConnectionException(
          "Failed to obtain JDBC Connection",
          new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
      new CannotCreateTransactionException(
          "Could not open JDBC Connection for transaction",
          new SQLException("Connection refused", "08001")),
      // PostgreSQL shutting down under a statement in flight: "terminating connection due to
      // administrator command", which Spring leaves uncategorised.
      new UncategorizedSQLException(
          "PreparedStatementCallback",
          "SELECT 1",
          new SQLException("terminating connection due to administrator command", "57P01")),
      new UncategorizedSQLException(
          "PreparedStatementCallback",
          "SELECT 1",
          new SQLException("An I/O error occurred while sending to the backend.", "08006"))
    };
    var rollbackFailed =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(
        new DataAccessResourceFailureException(
            "SELECT size FROM ledger_state WHERE id = 1 FOR UPDATE",
            new SQLException("terminating connection due to administrator command", "57P01")));
    outages = java.util.Arrays.copyOf(outages, outages.length + 2);
    outages[outages.length - 2] = rollbackFailed;
    // A commit refused by a server shutting down, then the rollback on the closed connection: the
    // rollback's failure is all that reaches the handler.
    outages[outages.length - 1] =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    for (Exception outage : outages) {
      var answer = new ApiProblems().unexpected(outage, request);

      assertThat(answer.getStatusCode().value()).as(outage.toString()).isEqualTo(503);
      assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
      assertThat(((ProblemDetail) answer.getBody()).getDetail())
          .isEqualTo("the database cannot be reached now; try again shortly");
    }
  }

  @Test
  void anyOtherDatabaseFailureStaysAnUnexpected500() throws Exception {
    var answer =
        new ApiProblems()
            .unexpected(
                new UncategorizedSQLException(
                    "PreparedStatementCallback",
                    "SELECT 1",
                    new SQLException("division by zero", "22012")),
                new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/seizures")));

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
  }
}
