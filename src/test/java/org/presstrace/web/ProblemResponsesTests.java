package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesTests {

  private final ProblemResponses problems = new ProblemResponses(JsonMapper.builder().build());

  @Test
  void credentialsThatCouldNotBeCheckedAreAnUnavailableServiceNotAFailedSignIn() throws Exception {
    var response = new MockHttpServletResponse();
    // What Spring Security raises when the user's record cannot be read: the database is down,
    // or the embedded database's disk is full (reliability/faults.sh disk-full).
    problems.unauthorized(
        new MockHttpServletRequest("POST", "/api/v1/registry/machines"),
        response,
        new InternalAuthenticationServiceException(
            "could not read the user",
            new DataAccessResourceFailureException("Database is already closed")));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("WWW-Authenticate")).isNull();
    assertThat(response.getHeader("Retry-After")).isNotBlank();
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("urn:presstrace:problem:unavailable")
        .doesNotContain("Database is already closed")
        .doesNotContain("sign in");
  }

  @Test
  void wrongCredentialsStayUnauthorized() throws Exception {
    var response = new MockHttpServletResponse();
    problems.unauthorized(
        new MockHttpServletRequest("GET", "/api/v1/registry/machines"),
        response,
        new BadCredentialsException("bad credentials"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).contains("Basic");
    assertThat(response.getContentAsString()).contains("urn:presstrace:problem:unauthorized");
  }
}
