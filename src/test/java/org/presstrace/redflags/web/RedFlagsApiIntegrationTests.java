package org.presstrace.redflags.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PressTraceIntegrationTest
class RedFlagsApiIntegrationTests {

  static final String BASE = "/api/v1/resolution/red-flags";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired JsonMapper json;

  World world;
  String analyst;
  String outsider;
  String email;

  @BeforeEach
  void world() {
    world = new World(directory);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    analyst = world.user("analyst", dea, Role.ANALYST);
    outsider = world.user("outsider", cbp, Role.ANALYST);
    var author = world.as(world.user("author", dea, Role.INVESTIGATOR), Channel.API);
    email = "orders" + world.suffix().toLowerCase(java.util.Locale.ROOT) + "@chem-sales.cn";
    for (String name : List.of("Li Na", "Zhou Min")) {
      subjects.submit(
          author,
          new SubjectDraft(
              Schema.PERSON,
              Map.of("name", List.of(name), "email", List.of(email)),
              "DEA-RF-1",
              "Desk",
              null,
              null,
              Marking.of(dea, Tlp.AMBER)));
    }
  }

  @Test
  void runListReadAcknowledgeAndDismissOverTheApi() throws Exception {
    JsonNode run = body(send(post(BASE + "/run"), analyst, null), 200);
    assertThat(run.get("parties").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode flag = null;
    for (JsonNode open : run.get("open")) {
      if (open.get("explanation").asString().contains(email)) {
        flag = open;
      }
    }
    assertThat(flag).as("the flag on this test's shared e-mail").isNotNull();
    String id = flag.get("id").asString();
    assertThat(flag.get("rule").asString()).isEqualTo("SHARED_CONTACT");
    assertThat(flag.get("advisory").asString()).isEqualTo("FIN-2019-A006");
    assertThat(flag.get("explanation").asString()).contains("Li Na").contains("Zhou Min");

    JsonNode page = body(send(get(BASE + "?status=open&rule=shared-contact"), analyst, null), 200);
    assertThat(page.get("items").toString()).contains(id);
    JsonNode one = body(send(get(BASE + "/" + id), analyst, null), 200);
    assertThat(one.get("citations")).hasSize(2);

    body(
        send(post(BASE + "/" + id + "/acknowledge"), analyst, "{\"note\":\"calling the bank\"}"),
        200);
    problem(send(post(BASE + "/" + id + "/acknowledge"), analyst, "{}"), 409, null);
    problem(send(post(BASE + "/" + id + "/dismiss"), analyst, "{\"note\":\"\"}"), 400, "note");
    problem(send(post(BASE + "/" + id + "/dismiss"), analyst, null), 400, "note");
    JsonNode dismissed =
        body(send(post(BASE + "/" + id + "/dismiss"), analyst, "{\"note\":\"siblings\"}"), 200);
    assertThat(dismissed.get("status").asString()).isEqualTo("DISMISSED");
    assertThat(dismissed.get("note").asString()).isEqualTo("siblings");

    problem(send(get(BASE + "/" + id), outsider, null), 404, null);
    problem(send(post(BASE + "/" + id + "/dismiss"), outsider, "{\"note\":\"x\"}"), 404, null);
    assertThat(body(send(get(BASE), outsider, null), 200).get("items")).isEmpty();
  }

  @Test
  void badFiltersAndPagesAreProblemsWithTheirField() throws Exception {
    problem(send(get(BASE + "?status=closed"), analyst, null), 400, "status");
    problem(send(get(BASE + "?rule=NO_SUCH"), analyst, null), 400, "rule");
    problem(send(get(BASE + "?size=100000"), analyst, null), 400, "size");
    MvcResult noPurpose =
        mvc.perform(get(BASE).with(httpBasic(analyst, World.PASSWORD))).andReturn();
    assertThat(noPurpose.getResponse().getStatus()).isEqualTo(400);
  }

  @Test
  void thePageListsTheAgencysFlagsWithExplanationsAndRefusesADismissalWithoutANote()
      throws Exception {
    var session = new org.springframework.mock.web.MockHttpSession();
    session.setAttribute(org.presstrace.access.Purpose.SESSION_ATTRIBUTE, "Page test");
    MvcResult page =
        mvc.perform(
                get("/resolution/red-flags")
                    .session(session)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(analyst)
                            .roles("ANALYST")))
            .andReturn();
    String html = page.getResponse().getContentAsString();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(html)
        .contains("Red flags for your agency")
        .contains("Li Na")
        .contains("FIN-2019-A006");
    String id = html.replaceAll("(?s).*red-flags/([0-9a-f-]{36})/dismiss.*", "$1");
    MvcResult refused =
        mvc.perform(
                post("/resolution/red-flags/" + id + "/dismiss")
                    .session(session)
                    .param("note", "")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(analyst)
                            .roles("ANALYST"))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn();
    assertThat(refused.getFlashMap().get("noteErrors").toString()).contains("note saying why");
    String outsiders =
        mvc.perform(
                get("/resolution/red-flags")
                    .session(session)
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(outsider)
                            .roles("ANALYST")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(outsiders).doesNotContain("Li Na").contains("0</span> red flags");
    assertThat(
            mvc.perform(
                    get("/resolution/red-flags?status=closed")
                        .session(session)
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(analyst)
                                .roles("ANALYST")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("unknown status");
  }

  private MvcResult send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String user,
      String content)
      throws Exception {
    request
        .with(httpBasic(user, World.PASSWORD))
        .header("PressTrace-Purpose", "API test " + UUID.randomUUID());
    if (content != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(content);
    }
    return mvc.perform(request).andReturn();
  }

  private JsonNode body(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(status);
    return json.readTree(result.getResponse().getContentAsString());
  }

  private void problem(MvcResult result, int status, String field) throws Exception {
    JsonNode problem = body(result, status);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    if (field != null) {
      assertThat(problem.toString()).contains("\"field\":\"" + field + "\"");
    }
  }
}
