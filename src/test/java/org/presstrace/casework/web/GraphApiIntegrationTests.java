package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The link-analysis API: Cytoscape elements, FollowTheMoney export, problems for bad input. */
@PressTraceIntegrationTest
class GraphApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired JsonMapper json;

  World world;
  String analyst;
  String company;
  String person;
  String hidden;

  @BeforeEach
  void world() {
    world = new World(directory);
    String mine = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    String theirs = world.agency("FBI", AgencyKind.FEDERAL, "USA");
    analyst = world.user("analyst", mine, Role.ANALYST);
    AccessContext me = world.as(analyst, Channel.API);
    AccessContext other = world.as(world.user("other", theirs, Role.INVESTIGATOR), Channel.API);
    String email = "orders." + tag() + "@pressparts.example";
    company = submit(me, Schema.COMPANY, "Pressparts Trading " + tag(), email, Tlp.GREEN);
    person = submit(me, Schema.PERSON, "Ilse Varga " + tag(), email, Tlp.GREEN);
    hidden = submit(other, Schema.PERSON, "Konrad Hidden " + tag(), email, Tlp.AMBER);
  }

  @Test
  void neighboursAreCytoscapeElementsOfWhatTheCallerMayRead() throws Exception {
    JsonNode graph = read("/api/v1/resolution/graph/subjects/" + company + "/neighbours");
    JsonNode nodes = graph.at("/elements/nodes");
    assertThat(nodes.findValuesAsString("id")).contains(company, person).doesNotContain(hidden);
    assertThat(nodes.findValuesAsString("kind")).contains("subject", "value");
    JsonNode value = nodes.findParents("valueKind").get(0);
    assertThat(value.get("valueKind").asString()).isEqualTo("email");
    assertThat(value.get("holders").asInt()).as("the hidden holder is not counted").isEqualTo(2);
    assertThat(graph.at("/elements/edges").findValuesAsString("target"))
        .contains(value.get("id").asString());
    assertThat(graph.toString()).doesNotContain("Konrad");

    JsonNode path =
        read("/api/v1/resolution/graph/path?from=" + company + "&to=" + person + "&maxDepth=2");
    assertThat(path.get("found").asBoolean()).isTrue();
    assertThat(path.get("hops").asInt()).isEqualTo(1);

    JsonNode found = read("/api/v1/resolution/graph/subjects?q=" + tag());
    assertThat(found.get("items").findValuesAsString("id"))
        .containsExactlyInAnyOrder(company, person);
  }

  @Test
  void theExportIsFollowTheMoneyLinesOrCytoscapeJson() throws Exception {
    MvcResult ftm =
        call("/api/v1/resolution/graph/export?ids=" + company + "," + person + "&format=ftm");
    assertThat(ftm.getResponse().getStatus()).isEqualTo(200);
    assertThat(ftm.getResponse().getHeader("Content-Disposition")).contains("attachment");
    List<String> lines = ftm.getResponse().getContentAsString().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode first = json.readTree(lines.get(1));
    assertThat(first.get("schema").asString()).isIn("Person", "Company");
    assertThat(first.at("/properties/email/0").asString()).contains(tag());
    assertThat(first.at("/presstrace/marking").asString()).contains("TLP:GREEN");

    JsonNode cytoscape =
        json.readTree(
            call("/api/v1/resolution/graph/export?ids=" + company + "&ids=" + person)
                .getResponse()
                .getContentAsString());
    assertThat(cytoscape.at("/elements/nodes").findValuesAsString("id")).contains(company, person);
    assertThat(cytoscape.toString()).doesNotContain(hidden);
  }

  @Test
  void ftmExportMarksEveryMatchDerivedLinkAndTheFile() throws Exception {
    AccessContext me = world.as(analyst, Channel.API);
    String name = "Orrin Vexley " + tag();
    String open = resolvable(me, name, Marking.of("ignored", Tlp.GREEN));
    String guarded =
        resolvable(me, name, new Marking("ignored", Tlp.AMBER, "LEI", false, null, null));

    MvcResult ftm =
        call("/api/v1/resolution/graph/export?ids=" + open + "," + guarded + "&format=ftm");
    assertThat(ftm.getResponse().getStatus()).isEqualTo(200);
    List<JsonNode> lines = new java.util.ArrayList<>();
    for (String line : ftm.getResponse().getContentAsString().lines().toList()) {
      lines.add(json.readTree(line));
    }
    JsonNode banner = lines.get(0);
    assertThat(banner.at("/presstrace/banner").asString())
        .as("the file's first line is its banner: the highest marking in it")
        .isEqualTo("TLP:AMBER // CUI//LEI");
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(
            line -> assertThat(line.at("/presstrace/marking").asString()).startsWith("TLP:"));
    JsonNode link =
        lines.stream()
            .filter(line -> line.get("schema").asString().equals("UnknownLink"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no match-derived link in " + lines));
    assertThat(link.at("/presstrace/marking").asString())
        .as("a match-derived link carries the join of its two subjects' markings")
        .isEqualTo("TLP:AMBER // CUI//LEI");
    assertThat(ftm.getResponse().getHeader("PressTrace-Banner")).isEqualTo("TLP:AMBER // CUI//LEI");

    JsonNode cytoscape =
        json.readTree(
            call("/api/v1/resolution/graph/export?ids=" + open + "," + guarded)
                .getResponse()
                .getContentAsString());
    assertThat(cytoscape.get("banner").asString()).isEqualTo("TLP:AMBER // CUI//LEI");
    assertThat(cytoscape.at("/elements/edges").findValuesAsString("marking"))
        .as("every edge of the Cytoscape export carries its marking")
        .hasSize(cytoscape.at("/elements/edges").size())
        .contains("TLP:AMBER // CUI//LEI");
  }

  @Test
  void badInputIsAProblemWithItsField() throws Exception {
    String base = "/api/v1/resolution/graph";
    problem(base + "/subjects/" + company + "/hops?k=4", 400, "k");
    problem(base + "/subjects/" + company + "/hops?k=0", 400, "k");
    problem(base + "/subjects/" + company + "/hops?k=two", 400, "k");
    problem(base + "/path?from=" + company + "&to=" + company, 400, "to");
    problem(base + "/path?from=" + company + "&to=" + person + "&maxDepth=9", 400, "maxDepth");
    problem(base + "/path?to=" + person, 400, "from");
    problem(base + "/export?format=graphml&ids=" + company, 400, "format");
    problem(base + "/export", 400, "ids");
    problem(base + "/subjects?q=a", 400, "q");
    problem(base + "/subjects/no-such-subject/neighbours", 404, null);
    problem(base + "/subjects/" + hidden + "/neighbours", 404, null);
    problem(base + "/path?from=" + company + "&to=" + hidden, 404, null);
    problem(base + "/export?ids=" + company + "," + hidden, 404, null);
    MvcResult withoutPurpose =
        mvc.perform(
                get(base + "/subjects/" + company + "/neighbours")
                    .with(httpBasic(analyst, World.PASSWORD)))
            .andReturn();
    assertThat(withoutPurpose.getResponse().getStatus()).isEqualTo(400);
    assertThat(withoutPurpose.getResponse().getContentAsString()).contains("\"purpose\"");
  }

  private void problem(String url, int status, String field) throws Exception {
    MvcResult result = call(url);
    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(url).isEqualTo(status);
    assertThat(result.getResponse().getContentType()).as(url).contains("problem+json");
    if (field != null) {
      assertThat(body).as(url).contains("\"field\":\"" + field + "\"");
    }
    assertThat(body).as(url).doesNotContain("Konrad");
  }

  private JsonNode read(String url) throws Exception {
    MvcResult result = call(url);
    assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
    return json.readTree(result.getResponse().getContentAsString());
  }

  private MvcResult call(String url) throws Exception {
    return mvc.perform(
            get(url)
                .with(httpBasic(analyst, World.PASSWORD))
                .header("PressTrace-Purpose", "Graph API test"))
        .andReturn();
  }

  private String submit(AccessContext context, Schema schema, String name, String email, Tlp tlp) {
    return subjects
        .submit(
            context,
            new SubjectDraft(
                schema,
                Map.of("name", List.of(name), "email", List.of(email)),
                "CASE-" + tag(),
                "Duty desk",
                null,
                null,
                Marking.of("ignored", tlp)))
        .subject()
        .id();
  }

  private String resolvable(AccessContext context, String name, Marking marking) {
    return subjects
        .submit(
            context,
            new SubjectDraft(
                Schema.PERSON,
                Map.of(
                    "name", List.of(name),
                    "birthDate", List.of("1975-11-02"),
                    "nationality", List.of("GB"),
                    "address", List.of("4 " + tag() + " Lane, Dover")),
                "CASE-" + tag(),
                "Duty desk",
                null,
                null,
                marking))
        .subject()
        .id();
  }

  private String tag() {
    return world.suffix().toLowerCase(Locale.ROOT);
  }
}
