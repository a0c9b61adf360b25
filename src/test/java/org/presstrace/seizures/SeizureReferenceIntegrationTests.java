package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seizure references are unique within the reporting agency and compartment: a reference answer
 * never reveals a seizure the caller may not read, another agency's or a compartment's.
 */
@PressTraceIntegrationTest
class SeizureReferenceIntegrationTests {

  static final String PURPOSE = "Case 2026-SZ-0002";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  String cbp;
  String dea;
  String member;
  String outsider;
  String otherAgency;
  String compartment;
  String reference;
  final String when =
      LocalDateTime.now(ZoneId.of("America/Phoenix"))
          .minusDays(2)
          .truncatedTo(ChronoUnit.MINUTES)
          .toString();

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    member = world.user("member", cbp, Role.INVESTIGATOR);
    outsider = world.user("outsider", cbp, Role.INVESTIGATOR);
    otherAgency = world.user("deaagent", dea, Role.INVESTIGATOR);
    compartment = "OPX" + world.suffix();
    directory.ensureCompartment(compartment, "Operation X case team", cbp);
    directory.ensureMember(compartment, member);
    reference = "CASE-" + world.suffix();
  }

  String body(String reference, String compartment) {
    return """
        {"reference": "%s", "occurredAt": "%s", "zone": "America/Phoenix",
         "context": "PORT_OF_ENTRY", "portOfEntry": "Nogales", "region": "AZ",
         "marking": {"tlp": "AMBER", "cuiCategory": "LEI"%s},
         "items": [{"substance": "fentanyl", "form": "powder", "netWeight": "1.1", "netUnit": "kg"}],
         "parties": [{"kind": "person", "name": "J. Doe", "role": "driver"}]}
        """
        .formatted(
            reference,
            when,
            compartment == null ? "" : ", \"compartment\": \"" + compartment + "\"");
  }

  MvcResult report(String user, String content) throws Exception {
    return mvc.perform(
            post("/api/v1/seizures")
                .with(httpBasic(user, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(content))
        .andReturn();
  }

  String created(MvcResult result) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(201);
    return json.readTree(result.getResponse().getContentAsString())
        .get("seizure")
        .get("id")
        .asString();
  }

  long seizures(String agency) {
    return jdbc.sql("SELECT COUNT(*) FROM seizure WHERE owner_agency = :a")
        .param("a", agency)
        .query(Long.class)
        .single();
  }

  @Test
  void seizureReferenceClashDoesNotNameOtherAgencyOrCompartment() throws Exception {
    String hidden = created(report(member, body(reference, compartment)));

    MvcResult outside = report(outsider, body(reference, null));
    MvcResult elsewhere = report(otherAgency, body(reference, null));

    for (MvcResult result : new MvcResult[] {outside, elsewhere}) {
      String answer = result.getResponse().getContentAsString();
      assertThat(result.getResponse().getStatus())
          .as("a reference used only where the caller may not read looks free: " + answer)
          .isEqualTo(201);
      assertThat(answer).doesNotContain(hidden).doesNotContain(compartment);
    }
    assertThat(seizures(cbp)).isEqualTo(2);
    assertThat(seizures(dea)).isEqualTo(1);
  }

  @Test
  void aReferenceClashTheCallerMayReadNamesTheFieldAndOnlyThatSeizure() throws Exception {
    String hidden = created(report(member, body(reference, compartment)));
    String open = created(report(outsider, body(reference, null)));

    MvcResult again = report(outsider, body(reference, null));

    assertThat(again.getResponse().getStatus()).isEqualTo(400);
    JsonNode problem = json.readTree(again.getResponse().getContentAsString());
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("reference");
    assertThat(problem.get("detail").asString())
        .contains(reference)
        .contains(open)
        .doesNotContain(hidden)
        .doesNotContain(compartment);
    assertThat(seizures(cbp)).as("nothing stored by the refused report").isEqualTo(2);

    MvcResult inside = report(member, body(reference, compartment));
    assertThat(inside.getResponse().getStatus()).isEqualTo(400);
    assertThat(inside.getResponse().getContentAsString()).contains(hidden).doesNotContain(open);
  }

  @Test
  void seizureCsvImportDoesNotRevealAHiddenCompartmentsReference() throws Exception {
    created(report(member, body(reference, compartment)));
    String header = String.join(",", SeizureCsv.COLUMNS) + "\n";
    String row =
        reference
            + ","
            + when
            + ",America/Phoenix,PORT_OF_ENTRY,Nogales,AZ,,31.33,-110.93,fentanyl,,powder,"
            + "1.1,kg,,,,,,,,,,,AMBER,LEI,,\n";

    MvcResult twice = upload(outsider, header + row + row);
    assertThat(twice.getResponse().getStatus()).isEqualTo(422);
    JsonNode problems = json.readTree(twice.getResponse().getContentAsString()).get("problems");
    assertThat(problems.get(0).get("row").asInt()).isEqualTo(2);
    assertThat(problems.get(0).get("field").asString()).isEqualTo("reference");
    assertThat(problems.get(0).get("message").asString()).contains("row 1");
    assertThat(seizures(cbp)).isEqualTo(1);

    MvcResult once = upload(outsider, header + row);
    assertThat(once.getResponse().getStatus())
        .as(once.getResponse().getContentAsString())
        .isEqualTo(201);
    assertThat(once.getResponse().getContentAsString()).doesNotContain(compartment);
    assertThat(seizures(cbp)).isEqualTo(2);
  }

  @Test
  void theSeizureFormShowsAReferenceClashOnTheFieldWithoutTheHiddenSeizure() throws Exception {
    String hidden = created(report(member, body(reference, compartment)));
    String open = created(report(outsider, body(reference, null)));
    var session = new MockHttpSession();
    session.setAttribute(Purpose.SESSION_ATTRIBUTE, PURPOSE);

    MvcResult form =
        mvc.perform(
                post("/seizures/new")
                    .with(user(outsider).roles("INVESTIGATOR"))
                    .with(csrf())
                    .session(session)
                    .param("reference", reference)
                    .param("occurredAt", when)
                    .param("zone", "America/Phoenix")
                    .param("context", "PORT_OF_ENTRY")
                    .param("portOfEntry", "Nogales")
                    .param("region", "AZ")
                    .param("substance", "fentanyl")
                    .param("form", "POWDER")
                    .param("netWeight", "2")
                    .param("netUnit", "kg")
                    .param("tlp", "AMBER")
                    .param("cuiCategory", "LEI"))
            .andReturn();

    String page = form.getResponse().getContentAsString();
    assertThat(form.getResponse().getStatus()).as(page).isEqualTo(200);
    assertThat(page).contains("id=\"reference-error\"").contains(open);
    assertThat(page).doesNotContain(hidden).doesNotContain(compartment);
    assertThat(seizures(cbp)).isEqualTo(2);
  }

  @Test
  void aCompartmentCodeProbeGetsOneAnswerWhetherOrNotTheCompartmentExists() throws Exception {
    MvcResult existing = report(outsider, body(reference, compartment));
    MvcResult invented = report(outsider, body(reference, "NOPE" + world.suffix()));

    for (MvcResult result : List.of(existing, invented)) {
      assertThat(result.getResponse().getStatus()).isEqualTo(400);
      JsonNode error =
          json.readTree(result.getResponse().getContentAsString()).get("errors").get(0);
      assertThat(error.get("field").asString()).isEqualTo("marking.compartment");
      assertThat(error.get("message").asString()).startsWith("you are not a member of compartment");
    }
    assertThat(seizures(cbp)).isZero();
  }

  MvcResult upload(String user, String csv) throws Exception {
    return mvc.perform(
            multipart("/api/v1/seizures/import")
                .file(
                    new MockMultipartFile(
                        "file", "seizures.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(user, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andReturn();
  }
}
