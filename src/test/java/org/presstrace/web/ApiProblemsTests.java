package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
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
}
