package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The link-analysis page asks for a purpose, then serves its graphs in the signed-in session. */
@PressTraceIntegrationTest
class GraphPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Subjects subjects;

  @Test
  void thePageAsksForAPurposeThenDrawsWhatTheUserMayRead() throws Exception {
    var world = new World(directory);
    String agency = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String analyst = world.user("analyst", agency, Role.ANALYST);
    String tag = world.suffix().toLowerCase(Locale.ROOT);
    var context = world.as(analyst, Channel.PAGE);
    String phone =
        "+1 202 555 " + String.format(Locale.ROOT, "%04d", Math.floorMod(tag.hashCode(), 10_000));
    String one = subject(context, "Ada Kestrel " + tag, phone);
    String two = subject(context, "Bram Kestrel " + tag, phone);
    String other = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    String hidden =
        subject(
            world.as(world.user("cbp-agent", other, Role.INVESTIGATOR), Channel.API),
            "Cora Kestrel " + tag,
            phone);

    var session = new MockHttpSession();
    String asked = body(analyst, get("/resolution/graph"), session, 200);
    assertThat(asked).contains("State your purpose").doesNotContain("id=\"graph\"");

    session.setAttribute(Purpose.SESSION_ATTRIBUTE, "Graph page test");
    String page = body(analyst, get("/resolution/graph"), session, 200);
    assertThat(page).contains("id=\"graph\"").contains("cytoscape").contains("graph.js");
    assertThat(page)
        .as("the list view beside the canvas, filled only from the graph answers")
        .contains("id=\"graph-nodes\"", "id=\"graph-edges\"", "Nothing drawn yet")
        .contains("data-subjects=\"/resolution/subjects\"")
        .contains("&quot;CryptoWallet&quot;:&quot;Crypto wallet&quot;")
        .doesNotContain("Kestrel");

    assertThat(body(analyst, get("/resolution/graph/data/subjects?q=kestrel " + tag), session, 200))
        .contains(one, two);
    assertThat(body(analyst, get("/resolution/graph/data/neighbours?id=" + one), session, 200))
        .contains(two)
        .contains("\"kind\":\"value\"")
        .contains("\"holders\":2")
        .as("another agency's AMBER subject sharing the phone is neither listed nor counted")
        .doesNotContain(hidden)
        .doesNotContain("Cora Kestrel");
    assertThat(
            body(
                analyst, get("/resolution/graph/data/neighbours?id=" + one + "&k=5"), session, 400))
        .contains("\"field\":\"k\"");
    assertThat(
            body(
                analyst,
                get("/resolution/graph/data/path?from=" + one + "&to=" + two),
                session,
                200))
        .contains("\"found\":true");

    String export =
        body(
            analyst,
            post("/resolution/graph/data/export")
                .with(csrf())
                .param("ids", one + "," + two)
                .param("format", "ftm"),
            session,
            200);
    assertThat(export.lines()).as("the banner and the two subjects").hasSize(3);
  }

  private String subject(org.presstrace.access.AccessContext context, String name, String phone) {
    return subjects
        .submit(
            context,
            new SubjectDraft(
                Schema.PERSON,
                Map.of("name", List.of(name), "phone", List.of(phone)),
                "CASE-PAGE",
                "Duty desk",
                null,
                null,
                Marking.of("ignored", Tlp.AMBER)))
        .subject()
        .id();
  }

  private String body(
      String username, MockHttpServletRequestBuilder request, MockHttpSession session, int status)
      throws Exception {
    MvcResult result =
        mvc.perform(request.with(user(username).roles("ANALYST")).session(session)).andReturn();
    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
    return body;
  }
}
