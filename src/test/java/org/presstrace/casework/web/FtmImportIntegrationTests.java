package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.FtmImport;
import org.presstrace.casework.FtmImportReport;
import org.presstrace.casework.FtmImports;
import org.presstrace.casework.Link;
import org.presstrace.casework.LinkAnalysis;
import org.presstrace.casework.LinkDraft;
import org.presstrace.casework.LinkSchema;
import org.presstrace.casework.Links;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Importing FollowTheMoney lines: the export read back gives the same export, a re-import stores
 * nothing twice, the batch's marking holds against other agencies, and bad files store nothing.
 */
@PressTraceIntegrationTest
class FtmImportIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired Links links;
  @Autowired LinkAnalysis graphs;
  @Autowired FtmImports imports;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  String analyst;
  AccessContext me;
  AccessContext other;

  @BeforeEach
  void world() {
    world = new World(directory);
    String mine = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    String theirs = world.agency("FBI", AgencyKind.FEDERAL, "USA");
    analyst = world.user("analyst", mine, Role.ANALYST);
    me = world.as(analyst, Channel.API);
    other = world.as(world.user("other", theirs, Role.INVESTIGATOR), Channel.API);
  }

  @Test
  void anExportReadBackIsExportedTheSame() {
    String person =
        subject(
            me,
            Schema.PERSON,
            Map.of(
                "name", List.of("Ilse Varga " + tag()),
                "email", List.of("ilse." + tag() + "@pressparts.example"),
                "street", List.of("4 Dock Lane"),
                "city", List.of("Dover")),
            Tlp.GREEN);
    String company =
        subject(
            me,
            Schema.COMPANY,
            Map.of(
                "name", List.of("Pressparts Trading " + tag()),
                "registrationNumber", List.of("HRB " + tag().length() + "1234")),
            Tlp.GREEN);
    links.record(
        me,
        new LinkDraft(
            LinkSchema.PAYMENT,
            person,
            company,
            new BigDecimal("950.25"),
            "USD",
            LocalDate.parse("2026-09-14"),
            "press parts",
            null,
            null,
            "SAR 1",
            null,
            Marking.of("ignored", Tlp.GREEN)));
    links.record(me, director(person, company, "managing director"));
    String first = FtmLines.of(graphs.export(me, List.of(person, company)), json);

    FtmImportReport report = importing(first, "Partner " + tag(), Tlp.GREEN);

    assertThat(report.problems()).isEmpty();
    assertThat(report.created()).isEqualTo(4);
    assertThat(report.skipped()).as("the banner line").isEqualTo(1);
    Map<String, String> renamed = new HashMap<>();
    report.entries().forEach(entry -> renamed.put(entry.sourceId(), entry.recordId()));
    String second =
        FtmLines.of(graphs.export(me, List.of(renamed.get(person), renamed.get(company))), json);
    assertThat(comparable(second, Map.of()))
        .as("export, import, export gives the first export under the new ids")
        .isEqualTo(comparable(first, renamed));
    assertThat(subjects.statements(me, renamed.get(person)))
        .allSatisfy(
            statement ->
                assertThat(statement.source()).isEqualTo("Partner " + tag() + " " + person));
  }

  @Test
  void aReImportStoresNothingTwiceAndAChangedEntityIsANewVersion() {
    String source = "Leak " + tag();
    String file = lines(person("p1", "Rafael Quintero " + tag()), company("c1"), payment("x1"));
    FtmImportReport first = importing(file, source, Tlp.AMBER);
    assertThat(first.created()).isEqualTo(3);
    int stored = storedFrom(source);

    FtmImportReport again = importing(file, source, Tlp.AMBER);
    assertThat(again.problems()).isEmpty();
    assertThat(again.created()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.updated()).isZero();
    assertThat(storedFrom(source)).as("nothing stored twice").isEqualTo(stored);
    assertThat(again.entries())
        .extracting(FtmImportReport.Entry::recordId)
        .isEqualTo(first.entries().stream().map(FtmImportReport.Entry::recordId).toList());

    String changed =
        lines(person("p1", "Rafael Quintero Ruiz " + tag()), company("c1"), payment("x1"));
    FtmImportReport third = importing(changed, source, Tlp.AMBER);
    assertThat(third.problems()).isEmpty();
    assertThat(third.unchanged()).as("the company").isEqualTo(1);
    assertThat(third.updated())
        .as("the person, and the payment now to its new version")
        .isEqualTo(2);
    String newPerson = recordOf(third, "p1");
    assertThat(newPerson).isNotEqualTo(recordOf(first, "p1"));
    assertThat(subjects.get(me, newPerson).label()).isEqualTo("Rafael Quintero Ruiz " + tag());
    assertThat(links.get(me, recordOf(third, "x1")).subject().id()).isEqualTo(newPerson);
    assertThat(subjects.get(me, recordOf(first, "p1")).label())
        .as("the earlier version is kept")
        .startsWith("Rafael Quintero ");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM casework_import_origin WHERE source_name = :s"
                        + " AND source_id = 'p1'")
                .param("s", source)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT file_name FROM casework_import_origin WHERE source_name = :s"
                        + " AND source_id = 'c1'")
                .param("s", source)
                .query(String.class)
                .single())
        .isEqualTo("leak.ftm.json");

    FtmImportReport looser =
        importing(changed + person("p2", "Somebody " + tag()) + "\n", source, Tlp.GREEN);
    assertThat(looser.problems())
        .as("re-importing under a looser marking is a marking change, not an import")
        .extracting(FtmImportReport.Problem::line)
        .contains(1, 2, 3);
    assertThat(looser.problems().get(0).message()).contains("would loosen it");
    assertThat(storedFrom(source)).isEqualTo(stored + 2);
  }

  @Test
  void importedRedSubjectsStayWithTheImportingAgencyAndLinksCarryTheJoinOfTheirEnds() {
    String source = "Informant " + tag();
    FtmImportReport red =
        importing(
            lines(person("p1", "Marta Ekdahl " + tag()), company("c1"), payment("x1")),
            source,
            Tlp.RED);
    assertThat(red.problems()).isEmpty();
    String person = recordOf(red, "p1");
    assertThat(subjects.get(me, person).marking().tlp()).isEqualTo(Tlp.RED);
    assertThatThrownBy(() -> subjects.get(other, person)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> links.get(other, recordOf(red, "x1"))).isInstanceOf(NotFound.class);
    assertThat(subjects.page(other, null, tag(), new PageQuery(0, 50)).items())
        .as("a reader of another agency does not find the imported RED subjects")
        .isEmpty();

    String guarded =
        subject(
            me,
            Schema.COMPANY,
            Map.of("name", List.of("Guarded Holdings " + tag())),
            new Marking("ignored", Tlp.AMBER, "LEI", false, null, null));
    FtmImportReport green =
        importing(
            lines(
                person("p9", "Open Person " + tag()),
                associate("a1", "p9", guarded, "UnknownLink")),
            "Register " + tag(),
            Tlp.GREEN);
    assertThat(green.problems()).isEmpty();
    Link joined = links.get(me, recordOf(green, "a1"));
    assertThat(joined.marking().banner())
        .as("a link carries the join of the batch's marking and its ends'")
        .isEqualTo("TLP:AMBER // CUI//LEI");
    assertThat(joined.marking().ownerAgency()).isEqualTo(me.caller().agency());
    assertThat(subjects.get(me, recordOf(green, "p9")).marking().banner()).isEqualTo("TLP:GREEN");
  }

  @Test
  void aLinkToAnEntityNeitherInTheFileNorReadableRefusesTheFile() {
    String hidden =
        subject(other, Schema.COMPANY, Map.of("name", List.of("Hidden Co " + tag())), Tlp.RED);
    String source = "Partner " + tag();
    FtmImportReport report =
        importing(
            lines(
                person("p1", "Visible Person " + tag()),
                associate("x1", "p1", hidden, "UnknownLink"),
                associate("x2", "p1", "nowhere-" + tag(), "UnknownLink")),
            source,
            Tlp.GREEN);
    assertThat(report.problems())
        .extracting(FtmImportReport.Problem::line, FtmImportReport.Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "properties.object"),
            org.assertj.core.groups.Tuple.tuple(3, "properties.object"));
    assertThat(report.problems().get(0).message())
        .as("an unreadable record and an unknown one get the same answer")
        .isEqualTo("no subject '" + hidden + "' that you may read");
    assertThat(storedFrom(source)).as("nothing of the file is stored").isZero();
    assertThat(subjects.page(me, null, "Visible Person " + tag(), new PageQuery(0, 5)).items())
        .isEmpty();
  }

  @Test
  void everyBadLineIsReportedWithItsNumberAndNothingIsStored() {
    String source = "Bad " + tag();
    String file =
        String.join(
            "\n",
            person("p1", "Good Person " + tag()),
            "{\"id\": \"p2\", \"schema\": \"Person\", \"properties\": {\"name\": [\"x\"]",
            "{\"schema\": \"Person\", \"properties\": {\"name\": [\"No Id\"]}}",
            "{\"id\": \"v1\", \"schema\": \"Airplane\", \"properties\": {\"name\": [\"X\"]}}",
            "{\"id\": \"s1\", \"schema\": \"Vessel\", \"properties\": {\"name\": [\"Sea\"],"
                + " \"imoNumber\": [\"IMO 9074728\"]}}",
            "{\"id\": \"p4\", \"schema\": \"Person\", \"properties\": {\"name\": [\"P\"],"
                + " \"shoeSize\": [\"44\"]}}",
            "{\"id\": \"p1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Twice\"]}}",
            "{\"id\": \"p5\", \"schema\": \"Person\", \"properties\": {\"name\": [\""
                + "x".repeat(140_000)
                + "\"]}}",
            "{\"id\": \"p6\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Red\"]},"
                + " \"presstrace\": {\"marking\": \"TLP:RED\"}}",
            "[1, 2]",
            "{\"id\": \"x1\", \"schema\": \"Payment\", \"properties\": {\"payer\": [\"p1\"],"
                + " \"beneficiary\": [\"p1\"], \"amount\": [\"-5\"], \"currency\": [\"USD\"],"
                + " \"date\": [\"2026-01-01\"]}}");

    FtmImportReport report = importing(file, source, Tlp.GREEN);

    Map<Integer, String> byLine = new LinkedHashMap<>();
    report.problems().forEach(p -> byLine.put(p.line(), p.field() + ": " + p.message()));
    assertThat(byLine.keySet()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(byLine.get(2)).contains("not JSON");
    assertThat(byLine.get(3)).startsWith("id: an entity needs its id");
    assertThat(byLine.get(4)).contains("schema 'Airplane' is not one PressTrace imports");
    assertThat(byLine.get(5)).startsWith("properties.imoNumber").contains("check digit");
    assertThat(byLine.get(6)).contains("no property 'shoeSize'");
    assertThat(byLine.get(7)).contains("already used on line 1");
    assertThat(byLine.get(8)).contains("more than 131072");
    assertThat(byLine.get(9)).contains("marked TLP:RED").contains("would loosen it");
    assertThat(byLine.get(10)).contains("not a JSON object");
    assertThat(byLine.get(11)).startsWith("ends.beneficiary");
    assertThat(storedFrom(source)).isZero();
    assertThat(subjects.page(me, null, "Good Person " + tag(), new PageQuery(0, 5)).items())
        .isEmpty();

    assertThatThrownBy(
            () ->
                imports.importLines(
                    me,
                    new FtmImport(
                        source,
                        "f",
                        null,
                        null,
                        new Marking("ignored", Tlp.GREEN, null, false, null, "NOT-MINE")),
                    person("p1", "x"),
                    false))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("not a member of compartment");
  }

  @Test
  void theApiImportsAnUploadAndAnswersABadOneWithAProblem() throws Exception {
    String source = "Api " + tag();
    String good = lines(person("p1", "Api Person " + tag()), company("c1"), payment("x1"));
    MvcResult created = upload(good, source, "AMBER");
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    JsonNode report = json.readTree(created.getResponse().getContentAsString());
    assertThat(report.get("created").asInt()).isEqualTo(3);

    MvcResult again = upload(good, source, "AMBER");
    assertThat(again.getResponse().getStatus()).isEqualTo(201);
    assertThat(json.readTree(again.getResponse().getContentAsString()).get("unchanged").asInt())
        .isEqualTo(3);

    MvcResult bad = upload(good + "{\"id\": \"z\", \"schema\": \"Vessel\"", source, "AMBER");
    assertThat(bad.getResponse().getStatus()).isEqualTo(422);
    assertThat(bad.getResponse().getContentType()).contains("problem+json");
    JsonNode problem = json.readTree(bad.getResponse().getContentAsString());
    assertThat(problem.at("/errors/0/line").asInt()).isEqualTo(4);

    MvcResult noMarking = upload(good, source, "");
    assertThat(noMarking.getResponse().getStatus()).isEqualTo(400);
    assertThat(noMarking.getResponse().getContentAsString())
        .contains("\"marking\"")
        .contains("a marking is required");
    assertThat(storedFrom(source)).isEqualTo(3);
  }

  @Test
  void theImportPageShowsWhatWasImportedAndEveryRefusedLine() throws Exception {
    String source = "Page " + tag();
    String good = lines(person("p1", "Page Person " + tag()), company("c1"), payment("x1"));
    String page = pageUpload(good, Map.of("source", source, "tlp", "AMBER"));
    assertThat(page).contains("3 new, 0 unchanged, 0 updated").contains(">Subject</a>");

    page = pageUpload(good + "{\"id\": \"p9\"}\n", Map.of("source", source, "tlp", "AMBER"));
    assertThat(page)
        .contains("Nothing was stored")
        .contains("<td>4</td><td>schema</td><td>an entity needs its schema</td>");

    page = pageUpload(good, Map.of("source", "", "tlp", "AMBER"));
    assertThat(page).contains("id=\"source-error\"").contains("source is required");

    page = pageUpload(good, Map.of("source", source, "tlp", "AMBER", "compartment", "NOT-MINE"));
    assertThat(page).contains("id=\"compartment-error\"");
    assertThat(storedFrom(source)).isEqualTo(3);
  }

  private String pageUpload(String content, Map<String, String> params) throws Exception {
    var request =
        multipart("/resolution/subjects/import")
            .file(
                new MockMultipartFile(
                    "file",
                    "partner.ftm.json",
                    "application/x-ndjson",
                    content.getBytes(StandardCharsets.UTF_8)));
    params.forEach(request::param);
    var session = new org.springframework.mock.web.MockHttpSession();
    session.setAttribute(org.presstrace.access.Purpose.SESSION_ATTRIBUTE, "Import page test");
    MvcResult result =
        mvc.perform(
                request
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(analyst)
                            .roles("ANALYST"))
                    .session(session))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return result.getResponse().getContentAsString();
  }

  private MvcResult upload(String content, String source, String tlp) throws Exception {
    return mvc.perform(
            multipart(FtmImportApi.PATH)
                .file(
                    new MockMultipartFile(
                        "file",
                        "partner.ftm.json",
                        "application/x-ndjson",
                        content.getBytes(StandardCharsets.UTF_8)))
                .param("source", source)
                .param("tlp", tlp)
                .with(httpBasic(analyst, World.PASSWORD))
                .header("PressTrace-Purpose", "FollowTheMoney import test"))
        .andReturn();
  }

  /** The lines of an export without ids of this instance: ids renamed, PressTrace fields gone. */
  private TreeSet<String> comparable(String export, Map<String, String> renamed) {
    var kept = new TreeSet<String>();
    for (String line : export.lines().toList()) {
      JsonNode node = json.readTree(line);
      if (node.has("presstrace") && node.get("presstrace").has("derivedFrom")
          || node.get("schema").asString().equals("Document")) {
        continue;
      }
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      copy.remove("presstrace");
      copy.remove("id");
      String text = copy.toString();
      for (var rename : renamed.entrySet()) {
        if (rename.getValue() != null) {
          text = text.replace(rename.getKey(), rename.getValue());
        }
      }
      kept.add(text);
    }
    return kept;
  }

  private FtmImportReport importing(String file, String source, Tlp tlp) {
    return imports.importLines(
        me,
        new FtmImport(source, "leak.ftm.json", null, null, Marking.of("ignored", tlp)),
        file,
        false);
  }

  private int storedFrom(String source) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM resolution_entity e WHERE EXISTS (SELECT 1 FROM"
                    + " resolution_statement s WHERE s.entity_id = e.id AND s.source_record LIKE :s)")
            .param("s", source + " %")
            .query(Integer.class)
            .single()
        + jdbc.sql("SELECT COUNT(*) FROM resolution_link WHERE source_record LIKE :s")
            .param("s", source + " %")
            .query(Integer.class)
            .single();
  }

  private static String recordOf(FtmImportReport report, String id) {
    return report.entries().stream()
        .filter(entry -> entry.sourceId().equals(id))
        .findFirst()
        .orElseThrow()
        .recordId();
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private String person(String id, String name) {
    return "{\"id\": \""
        + id
        + "\", \"schema\": \"Person\", \"properties\": {\"name\": [\""
        + name
        + "\"], \"nationality\": [\"MX\"]}}";
  }

  private String company(String id) {
    return "{\"id\": \""
        + id
        + "\", \"schema\": \"Organization\", \"properties\": {\"name\": [\""
        + "Consorcio Delta "
        + tag()
        + "\"]}}";
  }

  private static String payment(String id) {
    return "{\"id\": \""
        + id
        + "\", \"schema\": \"Payment\", \"properties\": {\"payer\": [\"p1\"],"
        + " \"beneficiary\": [\"c1\"], \"amount\": [\"12000\"], \"currency\": [\"USD\"],"
        + " \"date\": [\"2026-03-02\"]}}";
  }

  private static String associate(String id, String from, String to, String schema) {
    return "{\"id\": \""
        + id
        + "\", \"schema\": \""
        + schema
        + "\", \"properties\": {\"subject\":"
        + " [\""
        + from
        + "\"], \"object\": [\""
        + to
        + "\"], \"role\": [\"supplier\"]}}";
  }

  private LinkDraft director(String person, String company, String role) {
    return new LinkDraft(
        LinkSchema.DIRECTORSHIP,
        person,
        company,
        null,
        null,
        null,
        null,
        null,
        role,
        "Register extract",
        null,
        Marking.of("ignored", Tlp.GREEN));
  }

  private String subject(
      AccessContext context, Schema schema, Map<String, List<String>> properties, Tlp tlp) {
    return subject(context, schema, properties, Marking.of("ignored", tlp));
  }

  private String subject(
      AccessContext context, Schema schema, Map<String, List<String>> properties, Marking marking) {
    return subjects
        .submit(
            context,
            new SubjectDraft(
                schema,
                new LinkedHashMap<>(properties),
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
