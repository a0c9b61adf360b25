package org.presstrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The purpose an API caller states reaches the services through the one {@link
 * AccessContextResolver}: refused as before when invalid, never read for an anonymous request, and
 * documented on every operation that reads it.
 */
@PressTraceIntegrationTest
class AccessContextResolverIntegrationTests {

  private static final String REPORTS = "/api/v1/intel-reports";

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired JsonMapper json;

  private static String analyst;

  @BeforeEach
  void setUp() {
    if (analyst != null && directory.caller(analyst).isPresent()) {
      return;
    }
    var world = new World(directory);
    analyst = world.user("analyst", world.agency("FED", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
  }

  @Test
  void overLongPurposeIsAProblemNamingThePurpose() {
    MvcTestResult result =
        mvc.get()
            .uri(REPORTS)
            .header("PressTrace-Purpose", "x".repeat(Purpose.MAX_LENGTH + 1))
            .with(httpBasic(analyst, World.PASSWORD))
            .exchange();

    assertThat(result)
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.detail")
        .isEqualTo("purpose is longer than " + Purpose.MAX_LENGTH + " characters");
    assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("purpose");
  }

  @Test
  void blankHeaderWinsOverTheParameterAndStatesNoPurpose() {
    MvcTestResult result =
        mvc.get()
            .uri(REPORTS + "?purpose=Case 2024-0001")
            .header("PressTrace-Purpose", " ")
            .with(httpBasic(analyst, World.PASSWORD))
            .exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("needs a stated purpose");
  }

  @Test
  void parameterStatesThePurposeWithoutAHeader() {
    MvcTestResult result =
        mvc.get()
            .uri(REPORTS + "?purpose=Case 2024-0001")
            .with(httpBasic(analyst, World.PASSWORD))
            .exchange();

    assertThat(result).hasStatus(HttpStatus.OK);
  }

  @Test
  void anonymousRequestIsTurnedAwayBeforeItsPurposeIsRead() {
    MvcTestResult result =
        mvc.get()
            .uri(REPORTS)
            .header("PressTrace-Purpose", "x".repeat(Purpose.MAX_LENGTH + 1))
            .exchange();

    assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void apiDocumentListsThePurposeWhereItIsReadAndNeverTheContext() throws Exception {
    JsonNode api =
        json.readTree(
            mvc.get()
                .uri("/v3/api-docs")
                .with(user("docs"))
                .exchange()
                .getResponse()
                .getContentAsString());
    JsonNode paths = api.path("paths");

    assertThat(parameters(paths, REPORTS + "/{id}", "get"))
        .contains("header PressTrace-Purpose", "query purpose");
    assertThat(parameters(paths, REPORTS, "post"))
        .contains("header PressTrace-Purpose")
        .doesNotContain("query purpose");
    assertThat(parameters(paths, "/api/v1/releases", "get"))
        .doesNotContain("header PressTrace-Purpose", "query purpose");
    assertThat(parameters(paths, "/api/v1/seizures", "get"))
        .as("the seizure context filter is a parameter; the access context is not")
        .contains("query context")
        .doesNotContain("query access");
    assertThat(api.path("components").path("schemas").has("AccessContext")).isFalse();
  }

  private static List<String> parameters(JsonNode paths, String path, String method) {
    var names = new ArrayList<String>();
    for (JsonNode parameter : paths.path(path).path(method).path("parameters")) {
      names.add(parameter.path("in").asString() + " " + parameter.path("name").asString());
    }
    return names;
  }
}
