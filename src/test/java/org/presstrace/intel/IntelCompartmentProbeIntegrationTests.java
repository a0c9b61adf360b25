package org.presstrace.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writing an intelligence report reveals nothing about compartments the author is not in. */
@PressTraceIntegrationTest
class IntelCompartmentProbeIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  @Test
  void aCompartmentCodeProbeGetsOneAnswerWhetherOrNotTheCompartmentExists() throws Exception {
    var world = new World(directory);
    String agency = world.agency("FBI", AgencyKind.FEDERAL, "USA");
    String author = world.user("author", agency, Role.INVESTIGATOR);
    String compartment = "OPY" + world.suffix();
    directory.ensureCompartment(compartment, "Operation Y case team", agency);

    MvcResult existing = write(author, compartment);
    MvcResult invented = write(author, "NOPE" + world.suffix());

    for (MvcResult result : List.of(existing, invented)) {
      assertThat(result.getResponse().getStatus()).isEqualTo(400);
      JsonNode error =
          json.readTree(result.getResponse().getContentAsString()).get("errors").get(0);
      assertThat(error.get("field").asString()).isEqualTo("marking.compartment");
      assertThat(error.get("message").asString()).startsWith("you are not a member of compartment");
    }
    long stored =
        jdbc.sql("SELECT COUNT(*) FROM intel_report WHERE owner_agency = :a")
            .param("a", agency)
            .query(Long.class)
            .single();
    assertThat(stored).isZero();
  }

  MvcResult write(String author, String compartment) throws Exception {
    return mvc.perform(
            post("/api/v1/intel-reports")
                .with(httpBasic(author, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"title": "Press seen", "summary": "At the port",
                     "marking": {"tlp": "AMBER", "cuiCategory": "LEI", "compartment": "%s"}}
                    """
                        .formatted(compartment)))
        .andReturn();
  }
}
