package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A code generator reads the API contract with the API's own credentials; without them it gets a
 * 401 problem, never a redirect to the sign-in page.
 */
@PressTraceIntegrationTest
class ApiDocsAccessIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;

  private static String analyst;

  @BeforeEach
  void setUp() {
    if (analyst != null && directory.caller(analyst).isPresent()) {
      return;
    }
    var world = new World(directory);
    analyst = world.user("docs", world.agency("FED", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
  }

  @Test
  void theContractIsReadWithHttpBasic() {
    MvcTestResult result =
        mvc.get()
            .uri("/v3/api-docs")
            .accept(MediaType.APPLICATION_JSON)
            .with(httpBasic(analyst, World.PASSWORD))
            .exchange();

    assertThat(result)
        .hasStatus(HttpStatus.OK)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.info.title")
        .asString()
        .isEqualTo("PressTrace API");
  }

  @Test
  void anAnonymousClientGetsA401ProblemNotTheSignInPage() {
    MvcTestResult result =
        mvc.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).exchange();

    assertThat(result)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .doesNotContainHeader("Location");
    assertThat(result.getResponse().getHeader("WWW-Authenticate")).contains("Basic");
  }

  @Test
  void wrongCredentialsGetA401Problem() {
    MvcTestResult result =
        mvc.get()
            .uri("/v3/api-docs")
            .accept(MediaType.APPLICATION_JSON)
            .with(httpBasic(analyst, "wrong-password"))
            .exchange();

    assertThat(result)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
