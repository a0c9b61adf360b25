package org.presstrace.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.LinkDraft;
import org.presstrace.casework.LinkSchema;
import org.presstrace.casework.Links;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.exchange.stix.StixIds;
import org.presstrace.exchange.stix.StixMarkings;
import org.presstrace.exchange.stix.StixValidator;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TAXII 2.1 client's walk through the server (discovery, API root, collections, objects page by
 * page, manifest, versions, one object, a post and its status), what another agency's caller does
 * not see, and the requests the server refuses without storing anything.
 */
@PressTraceIntegrationTest
class TaxiiServerIntegrationTests {

  static final String TAXII = "application/taxii+json;version=2.1";
  static final String PURPOSE = "Case 2026-TAXII-0001";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String INTEL = TaxiiCollection.INTEL_REPORTS.id();
  static final String RECEIVED = TaxiiCollection.PARTNER_INTEL.id();

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired IntelReports reports;
  @Autowired Subjects subjects;
  @Autowired Links links;
  @Autowired JdbcClient jdbc;

  final StixValidator validator = new StixValidator();

  World world;
  String dea;
  String cbp;
  String investigator;
  String analyst;
  String liaison;
  Instant start;
  List<String> green = new ArrayList<>();
  String red;
  String person;
  String company;
  String link;

  @BeforeEach
  void world() throws Exception {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    investigator = world.user("investigator", dea, Role.INVESTIGATOR);
    analyst = world.user("analyst", cbp, Role.ANALYST);
    liaison =
        world.user(
            "liaison",
            world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN"),
            Role.FOREIGN_LIAISON);
    // A collection adds an object when it first serves it: serve what other tests left readable to
    // the analyst now, so that only this test's records are added after start.
    call(get("/taxii2/presstrace/collections/" + INTEL + "/objects/"), analyst, 200);
    Thread.sleep(5);
    start = Instant.now();
    var context = world.as(investigator, Channel.API);
    for (int i = 0; i < 3; i++) {
      green.add(
          reports
              .create(
                  context,
                  new IntelReportDraft(
                      "Press buyer " + i + " " + world.suffix(),
                      "A buyer of presses.",
                      Marking.of(dea, Tlp.GREEN)))
              .id());
      Thread.sleep(3);
    }
    person =
        subjects
            .submit(
                context,
                new SubjectDraft(
                    Schema.PERSON,
                    Map.of("name", List.of("Wang Wei " + world.suffix())),
                    "CASE-" + world.suffix(),
                    "Duty desk",
                    null,
                    null,
                    Marking.of(dea, Tlp.GREEN)))
            .subject()
            .id();
    company =
        subjects
            .submit(
                context,
                new SubjectDraft(
                    Schema.COMPANY,
                    Map.of("name", List.of("Broker Ltd " + world.suffix())),
                    "CASE-" + world.suffix(),
                    "Duty desk",
                    null,
                    null,
                    Marking.of(dea, Tlp.GREEN)))
            .subject()
            .id();
    link =
        links
            .record(
                context,
                new LinkDraft(
                    LinkSchema.PAYMENT,
                    person,
                    company,
                    new BigDecimal("950"),
                    "USD",
                    LocalDate.parse("2026-03-01"),
                    "press deposit",
                    null,
                    null,
                    "SAR " + world.suffix(),
                    LocalDate.parse("2026-03-02"),
                    Marking.of(dea, Tlp.GREEN)))
            .id();
    red =
        reports
            .create(
                context,
                new IntelReportDraft(
                    "Informant " + world.suffix(),
                    "Met the informant at the port.",
                    new Marking(dea, Tlp.RED, "INF", true, null, null)))
            .id();
  }

  @Test
  void aClientWalksDiscoveryCollectionsObjectsManifestVersionsAndPosts() throws Exception {
    JsonNode discovery = json(call(get("/taxii2/"), analyst, 200));
    String root = discovery.get("api_roots").get(0).asString();
    assertThat(root).endsWith("/taxii2/presstrace/");
    String rootPath = root.substring(root.indexOf("/taxii2/"));

    JsonNode info = json(call(get(rootPath), analyst, 200));
    assertThat(info.get("versions").get(0).asString()).isEqualTo(TAXII);

    JsonNode collections = json(call(get(rootPath + "collections/"), analyst, 200));
    List<String> ids = new ArrayList<>();
    collections.get("collections").forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).contains(INTEL, RECEIVED);

    // objects, two a page, following next until more is false
    String objects = rootPath + "collections/" + INTEL + "/objects/";
    var seen = new ArrayList<String>();
    String next = null;
    int pages = 0;
    do {
      var request =
          get(objects)
              .param("added_after", start.toString())
              .param("match[type]", "report")
              .param("limit", "2");
      if (next != null) {
        request.param("next", next);
      }
      MockHttpServletResponse page = call(request, analyst, 200);
      assertThat(page.getContentType()).isEqualTo(TAXII);
      assertThat(page.getHeader("X-TAXII-Date-Added-First")).isNotNull();
      assertThat(page.getHeader("X-TAXII-Date-Added-Last")).isNotNull();
      JsonNode envelope = json(page);
      for (JsonNode object : envelope.get("objects")) {
        assertThat(validator.problems(object)).as(object.toString()).isEmpty();
        seen.add(object.get("id").asString());
      }
      assertThat(envelope.get("objects").size()).isLessThanOrEqualTo(2);
      next = envelope.get("more").asBoolean() ? envelope.get("next").asString() : null;
      pages++;
    } while (next != null && pages < 50);
    assertThat(pages).isGreaterThanOrEqualTo(2);
    assertThat(seen)
        .doesNotHaveDuplicates()
        .containsAll(stixIds(green))
        .doesNotContain(stixId(red));

    // manifest counts what the objects list shows: never the other agency's RED record
    JsonNode manifest =
        json(
            call(
                get(rootPath + "collections/" + INTEL + "/manifest/")
                    .param("added_after", start.toString())
                    .param("match[type]", "report"),
                analyst,
                200));
    var listed = new ArrayList<String>();
    manifest.get("objects").forEach(o -> listed.add(o.get("id").asString()));
    assertThat(listed).containsAll(stixIds(green)).doesNotContain(stixId(red));
    JsonNode ownManifest =
        json(
            call(
                get(rootPath + "collections/" + INTEL + "/manifest/")
                    .param("match[id]", stixId(red)),
                investigator,
                200));
    assertThat(ownManifest.get("objects")).hasSize(1);

    // a foreign partner's liaison sees neither the unreleased GREEN reports nor the NOFORN one
    JsonNode foreign =
        json(
            call(
                get(rootPath + "collections/" + INTEL + "/manifest/")
                    .param("match[id]", String.join(",", stixIds(green)) + "," + stixId(red)),
                liaison,
                200));
    assertThat(foreign.has("objects")).isFalse();

    // every other collection answers, and everything in it is valid STIX
    var others = new ArrayList<JsonNode>();
    for (TaxiiCollection other :
        List.of(TaxiiCollection.SEIZURES, TaxiiCollection.SUBJECTS, TaxiiCollection.LINKS)) {
      JsonNode envelope =
          json(
              call(
                  get(rootPath + "collections/" + other.alias() + "/objects/")
                      .param("added_after", start.toString())
                      .param("limit", "1000"),
                  analyst,
                  200));
      for (JsonNode object : envelope.path("objects")) {
        assertThat(validator.problems(object)).as(object.toString()).isEmpty();
        others.add(object);
      }
    }
    String personId = StixIds.of("identity", "subject", person);
    String companyId = StixIds.of("identity", "subject", company);
    assertThat(others)
        .anySatisfy(
            o -> {
              assertThat(o.get("id").asString()).isEqualTo(personId);
              assertThat(o.get("identity_class").asString()).isEqualTo("individual");
            })
        .anySatisfy(
            o -> {
              assertThat(o.get("id").asString()).isEqualTo(companyId);
              assertThat(o.get("identity_class").asString()).isEqualTo("organization");
            })
        .anySatisfy(
            o -> {
              assertThat(o.get("id").asString())
                  .isEqualTo(StixIds.of("relationship", "link", link));
              assertThat(o.get("source_ref").asString()).isEqualTo(personId);
              assertThat(o.get("target_ref").asString()).isEqualTo(companyId);
            });

    // one object and its versions
    String one = rootPath + "collections/" + INTEL + "/objects/" + stixId(green.get(0)) + "/";
    JsonNode single = json(call(get(one), analyst, 200));
    assertThat(single.get("objects")).hasSize(1);
    JsonNode versions = json(call(get(one + "versions/"), analyst, 200));
    assertThat(versions.get("versions").get(0).asString())
        .isEqualTo(single.get("objects").get(0).get("modified").asString());
    call(get(rootPath + "collections/" + INTEL + "/objects/" + stixId(red) + "/"), analyst, 404);
    call(
        get(rootPath + "collections/" + INTEL + "/objects/" + stixId(red) + "/versions/"),
        analyst,
        404);

    // post an envelope; its marking travels, its provenance is kept
    String report = "report--" + StixIds.uuid5("posted-report-" + world.suffix());
    String identity = "identity--" + StixIds.uuid5("posted-identity-" + world.suffix());
    String envelope =
        """
        {"objects": [
          %s, %s,
          {"type": "report", "spec_version": "2.1", "id": "%s",
           "created": "2026-04-01T10:00:00.000Z", "modified": "2026-04-02T10:00:00.000Z",
           "name": "Precursor shipment", "published": "2026-04-01T10:00:00.000Z",
           "object_refs": ["%s"],
           "object_marking_refs": ["%s", "%s", "%s"]},
          {"type": "identity", "spec_version": "2.1", "id": "%s",
           "created": "2026-04-01T10:00:00.000Z", "modified": "2026-04-01T10:00:00.000Z",
           "name": "Broker Ltd", "identity_class": "organization"}
        ]}
        """
            .formatted(
                StixMarkings.statementDefinition("CUI//LEI"),
                StixMarkings.statementDefinition("REL TO CHN, USA"),
                report,
                identity,
                StixMarkings.tlpId(Tlp.GREEN),
                StixMarkings.statementId("CUI//LEI"),
                StixMarkings.statementId("REL TO CHN, USA"),
                identity);
    JsonNode status =
        json(
            call(
                post(rootPath + "collections/" + RECEIVED + "/objects/")
                    .contentType(TAXII)
                    .content(envelope),
                analyst,
                202));
    assertThat(status.get("status").asString()).isEqualTo("complete");
    assertThat(status.get("total_count").asInt()).isEqualTo(4);
    assertThat(status.get("success_count").asInt()).isEqualTo(4);
    assertThat(status.get("failure_count").asInt()).isZero();
    JsonNode again =
        json(call(get(rootPath + "status/" + status.get("id").asString() + "/"), analyst, 200));
    assertThat(again).isEqualTo(status);
    call(get(rootPath + "status/" + status.get("id").asString() + "/"), investigator, 404);

    var row =
        jdbc.sql(
                "SELECT owner_agency, tlp, cui_category, rel_to, sent_by FROM taxii_object"
                    + " WHERE stix_id = :id")
            .param("id", report)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("owner_agency", cbp)
        .containsEntry("tlp", "GREEN")
        .containsEntry("cui_category", "LEI")
        .containsEntry("rel_to", ",CHN,USA,")
        .containsEntry("sent_by", analyst);
    assertThat(
            jdbc.sql("SELECT tlp FROM taxii_object WHERE stix_id = :id")
                .param("id", identity)
                .query(String.class)
                .single())
        .as("an object with no marking gets the poster's agency default")
        .isEqualTo("AMBER");

    // the poster reads both back; another domestic agency reads the GREEN report only
    String received = rootPath + "collections/" + RECEIVED + "/objects/";
    JsonNode mine =
        json(call(get(received).param("match[id]", report + "," + identity), analyst, 200));
    assertThat(mine.get("objects")).hasSize(2);
    for (JsonNode object : mine.get("objects")) {
      assertThat(validator.problems(object)).isEmpty();
    }
    JsonNode theirs =
        json(call(get(received).param("match[id]", report + "," + identity), investigator, 200));
    assertThat(theirs.get("objects")).hasSize(1);
    assertThat(theirs.get("objects").get(0).get("id").asString()).isEqualTo(report);

    // posting the same version again stores nothing twice
    call(
        post(rootPath + "collections/" + RECEIVED + "/objects/")
            .contentType(TAXII)
            .content(envelope),
        analyst,
        202);
    assertThat(rows(report)).isEqualTo(1);
  }

  @Test
  void badRequestsAreRefusedAndStoreNothing() throws Exception {
    String objects = "/taxii2/presstrace/collections/" + RECEIVED + "/objects/";
    String id = "report--" + StixIds.uuid5("refused-" + world.suffix());
    String valid =
        """
        {"type": "report", "spec_version": "2.1", "id": "%s",
         "created": "2026-04-01T10:00:00.000Z", "modified": "2026-04-01T10:00:00.000Z",
         "name": "Shipment", "published": "2026-04-01T10:00:00.000Z",
         "object_refs": ["%s"]}
        """
            .formatted(id, id.replace("report", "identity"));
    String envelope = "{\"objects\": [" + valid + "]}";

    assertThat(error(call(get("/taxii2/").header("Accept", "application/json"), analyst, 406)))
        .isEqualTo("406");
    call(get("/taxii2/").header("Accept", "application/taxii+json;version=2.0"), analyst, 406);
    call(post(objects).contentType("application/json").content(envelope), analyst, 415);
    call(
        post(objects).contentType("application/taxii+json;version=2.0").content(envelope),
        analyst,
        415);
    assertThat(error(call(get(objects).param("added_after", "yesterday"), analyst, 400)))
        .isEqualTo("400");
    call(get(objects).param("limit", "0"), analyst, 400);
    call(get(objects).param("next", "not-a-token"), analyst, 400);
    call(get(objects).param("match[version]", "newest"), analyst, 400);
    call(post(objects).contentType(TAXII).content("{\"objects\": {}}"), analyst, 400);
    call(post(objects).contentType(TAXII).content("{\"objects\": []}"), analyst, 400);
    call(post(objects).contentType(TAXII).content("not json"), analyst, 400);
    call(get("/taxii2/presstrace/collections/no-such-collection/objects/"), analyst, 404);
    call(
        post("/taxii2/presstrace/collections/no-such-collection/objects/")
            .contentType(TAXII)
            .content(envelope),
        analyst,
        404);
    call(get("/taxii2/elsewhere/collections/"), analyst, 404);
    call(
        post("/taxii2/presstrace/collections/" + INTEL + "/objects/")
            .contentType(TAXII)
            .content(envelope),
        analyst,
        403);
    // reading intelligence needs a stated purpose, over TAXII as over the API
    mvc.perform(
            get("/taxii2/presstrace/collections/" + INTEL + "/objects/")
                .header("Accept", TAXII)
                .with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(400));
    call(get("/taxii2/"), null, 401);

    // one invalid object (a report without object_refs) refuses the whole envelope
    String invalid =
        """
        {"type": "report", "spec_version": "2.1", "id": "%s",
         "created": "2026-04-01T10:00:00.000Z", "modified": "2026-04-01T10:00:00.000Z",
         "name": "No refs", "published": "2026-04-01T10:00:00.000Z"}
        """
            .formatted("report--" + StixIds.uuid5("invalid-" + world.suffix()));
    JsonNode status =
        json(
            call(
                post(objects)
                    .contentType(TAXII)
                    .content("{\"objects\": [" + valid + "," + invalid + "]}"),
                analyst,
                202));
    assertThat(status.get("success_count").asInt()).isZero();
    assertThat(status.get("failure_count").asInt()).isEqualTo(2);
    assertThat(status.get("failures").get(1).get("message").asString())
        .contains("not valid STIX 2.1")
        .contains("object_refs");

    // a marking PressTrace cannot enforce refuses the object
    String unknownMarking =
        valid.replace(
            "\"object_refs\"",
            "\"object_marking_refs\": [\"marking-definition--"
                + StixIds.uuid5("unknown")
                + "\"], \"object_refs\"");
    JsonNode refused =
        json(
            call(
                post(objects).contentType(TAXII).content("{\"objects\": [" + unknownMarking + "]}"),
                analyst,
                202));
    assertThat(refused.get("failures").get(0).get("message").asString())
        .contains("neither a TLP marking nor defined in the envelope");
    assertThat(rows(id)).isZero();
  }

  long rows(String stixId) {
    return jdbc.sql("SELECT COUNT(*) FROM taxii_object WHERE stix_id = :id")
        .param("id", stixId)
        .query(Long.class)
        .single();
  }

  static String stixId(String reportId) {
    return StixIds.of("report", "intel-report", reportId);
  }

  static List<String> stixIds(List<String> reportIds) {
    return reportIds.stream().map(TaxiiServerIntegrationTests::stixId).toList();
  }

  @Test
  void unsignedForbiddenAndUnknownAnswersAreTaxiiErrorMessages() throws Exception {
    // 401 from the security chain, not the API's problem format
    MockHttpServletResponse unsigned = call(get("/taxii2/"), null, 401);
    assertThat(unsigned.getContentType()).isEqualTo(TAXII);
    assertThat(error(unsigned)).isEqualTo("401");
    assertThat(unsigned.getHeader("WWW-Authenticate")).isNotBlank();
    MockHttpServletResponse badPassword =
        mvc.perform(
                get("/taxii2/presstrace/collections/")
                    .header("Accept", TAXII)
                    .with(httpBasic(analyst, "not-the-password")))
            .andReturn()
            .getResponse();
    assertThat(badPassword.getStatus()).isEqualTo(401);
    assertThat(badPassword.getContentType()).isEqualTo(TAXII);
    // 404 for a path outside the API root and for an unknown collection
    call(get("/taxii2/elsewhere/collections/"), analyst, 404);
    // the container forwards that 404 to /error, which MockMvc does not: ask /error as it would
    MockHttpServletResponse elsewhere =
        mvc.perform(
                get("/error")
                    .requestAttr(
                        jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI,
                        "/taxii2/elsewhere/collections/")
                    .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
                    .header("Accept", TAXII))
            .andReturn()
            .getResponse();
    assertThat(elsewhere.getStatus()).isEqualTo(404);
    assertThat(elsewhere.getContentType()).isEqualTo(TAXII);
    assertThat(error(elsewhere)).isEqualTo("404");
    MockHttpServletResponse unknown =
        call(get("/taxii2/presstrace/collections/no-such-collection/"), analyst, 404);
    assertThat(unknown.getContentType()).isEqualTo(TAXII);
    assertThat(error(unknown)).isEqualTo("404");
    // 403: a post to a read-only collection
    MockHttpServletResponse readOnly =
        call(
            post("/taxii2/presstrace/collections/" + INTEL + "/objects/")
                .contentType(TAXII)
                .content("{\"objects\": []}"),
            analyst,
            403);
    assertThat(readOnly.getContentType()).isEqualTo(TAXII);
    assertThat(error(readOnly)).isEqualTo("403");
    assertThat(json(readOnly).has("type")).as("not an RFC 9457 problem").isFalse();
  }

  MockHttpServletResponse call(MockHttpServletRequestBuilder request, String username, int status)
      throws Exception {
    request.header("PressTrace-Purpose", PURPOSE);
    if (request
            .buildRequest(new org.springframework.mock.web.MockServletContext())
            .getHeader("Accept")
        == null) {
      request.header("Accept", TAXII);
    }
    if (username != null) {
      request.with(httpBasic(username, World.PASSWORD));
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return response;
  }

  static JsonNode json(MockHttpServletResponse response) throws Exception {
    return JSON.readTree(response.getContentAsString());
  }

  static String error(MockHttpServletResponse response) throws Exception {
    JsonNode body = json(response);
    assertThat(body.get("title").asString()).isNotBlank();
    return body.get("http_status").asString();
  }
}
