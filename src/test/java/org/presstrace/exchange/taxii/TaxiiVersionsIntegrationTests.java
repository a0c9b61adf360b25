package org.presstrace.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.exchange.stix.StixIds;
import org.presstrace.exchange.stix.StixMapping;
import org.presstrace.exchange.stix.StixValidator;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
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
 * The substance and pill-press collections and the versions of served objects, as a TAXII 2.1
 * client walks them (discovery, collections, paging, {@code added_after}, {@code match[type]},
 * {@code match[id]}, {@code match[version]} and the versions endpoint); what a foreign partner's
 * liaison never sees of a pill press it may not read, on any endpoint; and the filters the server
 * refuses.
 */
@PressTraceIntegrationTest
class TaxiiVersionsIntegrationTests {

  static final String TAXII = "application/taxii+json;version=2.1";
  static final String PURPOSE = "Case 2026-TAXII-0002";
  static final String ROOT = "/taxii2/presstrace/";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PRESSES = TaxiiCollection.PILL_PRESSES.id();
  static final String SUBSTANCES = TaxiiCollection.SUBSTANCES.id();

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired JdbcClient jdbc;

  final StixValidator validator = new StixValidator();

  World world;
  String analyst;
  String liaison;
  String partnerAgency;
  AccessContext holder;
  String ownerAgency;

  @BeforeEach
  void world() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    analyst = world.user("analyst", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
    partnerAgency = world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN");
    liaison = world.user("liaison", partnerAgency, Role.FOREIGN_LIAISON);
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var owner =
        registry.register(
            admin,
            new NewRegistrant(
                "Press Works " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "1 Press Way",
                null,
                "USA"));
    registry.activate(admin, owner.id(), "inspected");
    ownerAgency = owner.agencyCode();
    holder = world.as(world.user("holder", ownerAgency, Role.REGISTRANT), Channel.API);
  }

  @Test
  void aClientWalksTheSubstanceAndPillPressCollectionsAndEveryVersion() throws Exception {
    JsonNode discovery = json(call(get("/taxii2/"), analyst, 200));
    assertThat(discovery.get("api_roots").get(0).asString()).endsWith(ROOT);
    var ids = new ArrayList<String>();
    json(call(get(ROOT + "collections/"), analyst, 200))
        .get("collections")
        .forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).contains(SUBSTANCES, PRESSES);
    JsonNode described = json(call(get(ROOT + "collections/pill-presses/"), analyst, 200));
    assertThat(described.get("id").asString()).isEqualTo(PRESSES);
    assertThat(described.get("can_write").asBoolean()).isFalse();

    // the controlled lists, page by page: every substance valid STIX, fentanyl with its CAS number
    // and the table or schedule of each control
    var substances = new ArrayList<JsonNode>();
    String next = null;
    int pages = 0;
    do {
      var request =
          get(ROOT + "collections/" + SUBSTANCES + "/objects/")
              .param("match[type]", StixMapping.SUBSTANCE_TYPE)
              .param("limit", "40");
      if (next != null) {
        request.param("next", next);
      }
      JsonNode page = json(call(request, analyst, 200));
      page.path("objects").forEach(substances::add);
      next = page.get("more").asBoolean() ? page.get("next").asString() : null;
      pages++;
    } while (next != null && pages < 100);
    assertThat(pages).as("the lists take more than one page of 40").isGreaterThan(1);
    assertThat(substances).allSatisfy(o -> assertThat(validator.problems(o)).isEmpty());
    assertThat(substances.stream().map(o -> o.get("id").asString())).doesNotHaveDuplicates();
    JsonNode fentanyl =
        substances.stream()
            .filter(o -> "437-38-7".equals(o.path("cas_number").asString(null)))
            .findFirst()
            .orElseThrow();
    assertThat(fentanyl.get("controls").findValuesAsString("category")).isNotEmpty();
    assertThat(fentanyl.get("extensions").has(StixMapping.SUBSTANCE_EXTENSION)).isTrue();

    // a pill press, then stolen: two versions, both kept
    String press = press("WALK");
    String stixId = StixIds.of(StixMapping.PILL_PRESS_TYPE, "machine", press);
    String objects = ROOT + "collections/" + PRESSES + "/objects/";
    JsonNode first = only(json(call(get(objects).param("match[id]", stixId), analyst, 200)));
    assertThat(validator.problems(first)).isEmpty();
    assertThat(first.get("custody_state").asString()).isEqualTo("held");
    assertThat(json(call(get(objects).param("match[id]", stixId), analyst, 200)))
        .as("the same version, the same modified, on every request")
        .isEqualTo(json(call(get(objects).param("match[id]", stixId), analyst, 200)));
    Instant firstAdded = addedOf(stixId, first.get("modified").asString());
    Thread.sleep(5);
    registry.reportStolen(holder, press, new CustodyReport(LocalDate.now(ZoneOffset.UTC), "gone"));

    JsonNode last = only(json(call(get(objects).param("match[id]", stixId), analyst, 200)));
    assertThat(last.get("custody_state").asString()).isEqualTo("stolen");
    assertThat(last.get("modified").asString()).isGreaterThan(first.get("modified").asString());
    assertThat(last.get("created").asString()).isEqualTo(first.get("created").asString());
    assertThat(validator.problems(last)).isEmpty();
    String v1 = first.get("modified").asString();
    String v2 = last.get("modified").asString();

    assertThat(
            only(
                json(
                    call(
                        get(objects).param("match[id]", stixId).param("match[version]", "first"),
                        analyst,
                        200))))
        .isEqualTo(first);
    assertThat(
            only(
                json(
                    call(
                        get(objects).param("match[id]", stixId).param("match[version]", "last"),
                        analyst,
                        200))))
        .isEqualTo(last);
    JsonNode all =
        json(
            call(
                get(objects).param("match[id]", stixId).param("match[version]", "all"),
                analyst,
                200));
    assertThat(versionsOf(all.get("objects"))).containsExactly(v1, v2);
    assertThat(
            only(
                json(
                    call(
                        get(objects).param("match[id]", stixId).param("match[version]", v1),
                        analyst,
                        200))))
        .as("an explicit version")
        .isEqualTo(first);
    assertThat(
            json(call(
                    get(objects).param("match[id]", stixId).param("match[version]", v1 + "," + v2),
                    analyst,
                    200))
                .get("objects"))
        .hasSize(2);
    assertThat(
            json(call(
                    get(objects)
                        .param("match[id]", stixId)
                        .param("match[version]", "2001-01-01T00:00:00.000Z"),
                    analyst,
                    200))
                .has("objects"))
        .as("a version the object never had")
        .isFalse();

    // added_after the first version was added: only the second
    JsonNode after =
        json(
            call(
                get(objects)
                    .param("match[id]", stixId)
                    .param("match[version]", "all")
                    .param("added_after", StixIds.timestamp(firstAdded)),
                analyst,
                200));
    assertThat(versionsOf(after.get("objects"))).containsExactly(v2);

    // the one-object endpoint, the versions endpoint and the manifest agree
    String one = objects + stixId + "/";
    assertThat(only(json(call(get(one), analyst, 200)))).isEqualTo(last);
    assertThat(
            json(call(get(one).param("match[version]", "all"), analyst, 200)).get("objects").size())
        .isEqualTo(2);
    JsonNode versions = json(call(get(one + "versions/"), analyst, 200));
    assertThat(versions.get("versions").valueStream().map(JsonNode::asString))
        .containsExactly(v1, v2);
    assertThat(versions.get("more").asBoolean()).isFalse();
    JsonNode pageOfOne = json(call(get(one + "versions/").param("limit", "1"), analyst, 200));
    assertThat(pageOfOne.get("versions")).hasSize(1);
    assertThat(pageOfOne.get("more").asBoolean()).isTrue();
    JsonNode secondPage =
        json(
            call(
                get(one + "versions/")
                    .param("limit", "1")
                    .param("next", pageOfOne.get("next").asString()),
                analyst,
                200));
    assertThat(secondPage.get("versions").get(0).asString()).isEqualTo(v2);
    JsonNode manifest =
        json(
            call(
                get(ROOT + "collections/" + PRESSES + "/manifest/")
                    .param("match[id]", stixId)
                    .param("match[version]", "all"),
                analyst,
                200));
    assertThat(manifest.get("objects").valueStream().map(o -> o.get("version").asString()))
        .containsExactly(v1, v2);
    JsonNode lastOnly =
        json(
            call(
                get(ROOT + "collections/" + PRESSES + "/manifest/").param("match[id]", stixId),
                analyst,
                200));
    assertThat(lastOnly.get("objects")).hasSize(1);
    assertThat(lastOnly.get("objects").get(0).get("version").asString()).isEqualTo(v2);

    // paging the pill presses of this test one at a time: each version once
    String second = press("PAGE");
    String secondId = StixIds.of(StixMapping.PILL_PRESS_TYPE, "machine", second);
    var seen = new ArrayList<String>();
    next = null;
    pages = 0;
    do {
      var request =
          get(objects)
              .param("match[id]", stixId + "," + secondId)
              .param("match[type]", StixMapping.PILL_PRESS_TYPE)
              .param("match[version]", "all")
              .param("limit", "1");
      if (next != null) {
        request.param("next", next);
      }
      JsonNode page = json(call(request, analyst, 200));
      page.path("objects")
          .forEach(o -> seen.add(o.get("id").asString() + "@" + o.get("modified").asString()));
      next = page.get("more").asBoolean() ? page.get("next").asString() : null;
      pages++;
    } while (next != null && pages < 10);
    assertThat(seen).hasSize(3).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);

    // a type not in the collection matches nothing
    assertThat(
            json(call(
                    get(objects).param("match[id]", stixId).param("match[type]", "report"),
                    analyst,
                    200))
                .has("objects"))
        .isFalse();
  }

  @Test
  void aPartnerNeverSeesAPillPressItMayNotReadOnAnyEndpoint() throws Exception {
    // released to the partner's agency, each; the marking decides what the partner reads
    String shared = released(press("SHARED"));
    String relToChina = released(press("RELCHN"));
    mark(relToChina, "GREEN", "PROPIN", false, ",CHN,USA,");
    String red = released(press("RED"));
    mark(red, "RED", "PROPIN", false, null);
    String noforn = released(press("NOFORN"));
    mark(noforn, "GREEN", "PROPIN", true, null);
    String relToUsa = released(press("RELUSA"));
    mark(relToUsa, "GREEN", "PROPIN", false, ",USA,");
    String unreleased = press("UNRELEASED");

    // shared with the partner, then marked NOFORN: what the partner saw is gone too
    String tightened = released(press("TIGHT"));
    String tightenedId = stixId(tightened);
    assertThat(
            json(call(
                    get(ROOT + "collections/" + PRESSES + "/objects/")
                        .param("match[id]", tightenedId),
                    liaison,
                    200))
                .get("objects"))
        .as("before the change, the partner reads it")
        .hasSize(1);
    mark(tightened, "GREEN", "PROPIN", true, null);
    registry.reportStolen(
        holder, tightened, new CustodyReport(LocalDate.now(ZoneOffset.UTC), "gone"));

    // NOFORN when a domestic analyst read it, then loosened and stolen: the partner reads the
    // new version only
    String loosened = released(press("LOOSE"));
    mark(loosened, "GREEN", "PROPIN", true, null);
    String loosenedId = stixId(loosened);
    JsonNode noforned =
        only(
            json(
                call(
                    get(ROOT + "collections/" + PRESSES + "/objects/")
                        .param("match[id]", loosenedId),
                    analyst,
                    200)));
    Thread.sleep(5);
    mark(loosened, "GREEN", "PROPIN", false, null);
    registry.reportStolen(
        holder, loosened, new CustodyReport(LocalDate.now(ZoneOffset.UTC), "gone"));
    JsonNode domestic =
        json(
            call(
                get(ROOT + "collections/" + PRESSES + "/objects/" + loosenedId + "/versions/"),
                analyst,
                200));
    assertThat(domestic.get("versions")).as("a domestic analyst reads both versions").hasSize(2);

    Map<String, String> hidden = new LinkedHashMap<>();
    for (String id : List.of(red, noforn, relToUsa, unreleased, tightened)) {
      hidden.put(stixId(id), serialOf(id));
    }
    String hiddenIds = String.join(",", hidden.keySet());
    String noforn1 = noforned.get("modified").asString();

    List<MockHttpServletResponse> answers = new ArrayList<>();
    // discovery and the collections: the pill presses are listed, nothing else about them
    answers.add(call(get(ROOT + "collections/"), liaison, 200));
    // every object and every version, page by page
    for (String version : List.of("last", "first", "all", noforn1)) {
      String next = null;
      int pages = 0;
      do {
        var request =
            get(ROOT + "collections/" + PRESSES + "/objects/")
                .param("match[version]", version)
                .param("limit", "50");
        if (next != null) {
          request.param("next", next);
        }
        MockHttpServletResponse page = call(request, liaison, 200);
        answers.add(page);
        JsonNode envelope = json(page);
        next = envelope.get("more").asBoolean() ? envelope.get("next").asString() : null;
        pages++;
      } while (next != null && pages < 200);
    }
    for (String version : List.of("last", "first", "all")) {
      answers.add(
          call(
              get(ROOT + "collections/" + PRESSES + "/objects/")
                  .param("match[id]", hiddenIds)
                  .param("match[version]", version),
              liaison,
              200));
      answers.add(
          call(
              get(ROOT + "collections/" + PRESSES + "/manifest/")
                  .param("match[version]", version)
                  .param("limit", "1000"),
              liaison,
              200));
      answers.add(
          call(
              get(ROOT + "collections/" + PRESSES + "/manifest/")
                  .param("match[id]", hiddenIds)
                  .param("match[version]", version),
              liaison,
              200));
    }
    answers.add(
        call(
            get(ROOT + "collections/" + PRESSES + "/objects/")
                .param("match[type]", StixMapping.PILL_PRESS_TYPE)
                .param("added_after", "2000-01-01T00:00:00Z")
                .param("match[version]", "all")
                .param("limit", "1000"),
            liaison,
            200));
    for (String id : hidden.keySet()) {
      String one = ROOT + "collections/" + PRESSES + "/objects/" + id + "/";
      answers.add(call(get(one), liaison, 404));
      answers.add(call(get(one).param("match[version]", "all"), liaison, 404));
      answers.add(call(get(one + "versions/"), liaison, 404));
    }
    // and the same in the collection listed under another name
    answers.add(
        call(
            get(ROOT + "collections/pill-presses/objects/")
                .param("match[id]", hiddenIds)
                .param("match[version]", "all"),
            liaison,
            200));

    for (MockHttpServletResponse answer : answers) {
      String body = answer.getContentAsString();
      for (var press : hidden.entrySet()) {
        assertThat(body)
            .as("the partner is never shown %s", press.getValue())
            .doesNotContain(press.getKey())
            .doesNotContain(press.getValue());
      }
    }

    // what the partner may read, it reads: the releases work, so the absences above are the
    // markings' doing
    JsonNode readable =
        json(
            call(
                get(ROOT + "collections/" + PRESSES + "/objects/")
                    .param("match[id]", stixId(shared) + "," + stixId(relToChina))
                    .param("match[version]", "all"),
                liaison,
                200));
    assertThat(readable.get("objects").valueStream().map(o -> o.get("id").asString()))
        .containsExactlyInAnyOrder(stixId(shared), stixId(relToChina));
    assertThat(readable.get("objects"))
        .allSatisfy(o -> assertThat(validator.problems(o)).isEmpty());
    JsonNode partnerVersions =
        json(
            call(
                get(ROOT + "collections/" + PRESSES + "/objects/" + loosenedId + "/versions/"),
                liaison,
                200));
    assertThat(partnerVersions.get("versions"))
        .as("the NOFORN version stays hidden; the loosened one is read")
        .hasSize(1);
    assertThat(partnerVersions.get("versions").get(0).asString()).isNotEqualTo(noforn1);
    JsonNode partnerAll =
        json(
            call(
                get(ROOT + "collections/" + PRESSES + "/objects/" + loosenedId + "/")
                    .param("match[version]", "all"),
                liaison,
                200));
    assertThat(partnerAll.get("objects")).hasSize(1);
    assertThat(partnerAll.get("objects").get(0).get("custody_state").asString())
        .isEqualTo("stolen");
  }

  @Test
  void badFiltersAreTaxiiErrorMessagesWith400() throws Exception {
    String press = stixId(press("BAD"));
    String objects = ROOT + "collections/" + PRESSES + "/objects/";
    for (String bad :
        List.of("newest", "2026-13-45T00:00:00Z", "yesterday", "last;all", "2026-05-01")) {
      for (MockHttpServletRequestBuilder request :
          List.of(
              get(objects).param("match[version]", bad),
              get(ROOT + "collections/" + PRESSES + "/manifest/").param("match[version]", bad),
              get(objects + press + "/").param("match[version]", bad))) {
        MockHttpServletResponse refused = call(request, analyst, 400);
        assertThat(refused.getContentType()).isEqualTo(TAXII);
        JsonNode error = json(refused);
        assertThat(error.get("http_status").asString()).isEqualTo("400");
        assertThat(error.get("title").asString()).isNotBlank();
        assertThat(error.get("description").asString()).contains("match[version]").contains(bad);
      }
    }
    for (String bad : List.of("2026-02-30T00:00:00Z", "not-a-time", "1700000000")) {
      MockHttpServletResponse refused =
          call(get(objects + press + "/versions/").param("added_after", bad), analyst, 400);
      assertThat(refused.getContentType()).isEqualTo(TAXII);
      assertThat(json(refused).get("description").asString()).contains("added_after");
    }
  }

  /** A rotary press registered by the test's registrant, GREEN as the registry files it. */
  String press(String name) {
    return registry
        .registerMachine(
            holder,
            new NewMachine(
                "TX" + name + world.suffix(),
                false,
                "Acme",
                "RT-24",
                EquipmentKind.TABLETING_ROTARY,
                null,
                "Bay 1",
                EquipmentOrigin.DECLARED,
                null,
                LocalDate.now(ZoneOffset.UTC).minusDays(30),
                null))
        .id();
  }

  String serialOf(String machineId) {
    return jdbc.sql("SELECT serial_as_entered FROM machine WHERE id = :id")
        .param("id", machineId)
        .query(String.class)
        .single();
  }

  /** An approved release of the machine to the partner's agency, as the release workflow makes. */
  String released(String machineId) {
    jdbc.sql(
            "INSERT INTO record_release (id, kind, record_id, owner_agency, target_agency,"
                + " justification, status, requested_by, requested_at, decided_by, decided_at,"
                + " decision_reason) VALUES (:id, 'machine', :record, :owner, :target,"
                + " 'joint case', 'APPROVED', 'officer', :at, 'supervisor', :at, 'agreed')")
        .param("id", UUID.randomUUID().toString())
        .param("record", machineId)
        .param("owner", ownerAgency)
        .param("target", partnerAgency)
        .param("at", Instant.now().atOffset(ZoneOffset.UTC))
        .update();
    return machineId;
  }

  /** Sets the machine's marking, as an approved marking change does. */
  void mark(String machineId, String tlp, String cui, boolean noforn, String relTo) {
    jdbc.sql(
            "UPDATE machine SET tlp = :tlp, cui_category = :cui, noforn = :noforn,"
                + " rel_to = :relTo WHERE id = :id")
        .param("tlp", tlp)
        .param("cui", cui)
        .param("noforn", noforn)
        .param("relTo", relTo)
        .param("id", machineId)
        .update();
  }

  /** The date the analyst's agency was added the version, as its manifest states it. */
  Instant addedOf(String stixId, String version) throws Exception {
    JsonNode manifest =
        json(
            call(
                get(ROOT + "collections/" + PRESSES + "/manifest/")
                    .param("match[id]", stixId)
                    .param("match[version]", version),
                analyst,
                200));
    return Instant.parse(only(manifest).get("date_added").asString());
  }

  static String stixId(String machineId) {
    return StixIds.of(StixMapping.PILL_PRESS_TYPE, "machine", machineId);
  }

  static List<String> versionsOf(JsonNode objects) {
    var versions = new ArrayList<String>();
    objects.forEach(o -> versions.add(o.get("modified").asString()));
    return versions;
  }

  static JsonNode only(JsonNode envelope) {
    assertThat(envelope.get("objects")).as(envelope.toString()).hasSize(1);
    return envelope.get("objects").get(0);
  }

  MockHttpServletResponse call(MockHttpServletRequestBuilder request, String username, int status)
      throws Exception {
    request.header("PressTrace-Purpose", PURPOSE).header("Accept", TAXII);
    request.with(httpBasic(username, World.PASSWORD));
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return response;
  }

  static JsonNode json(MockHttpServletResponse response) throws Exception {
    return JSON.readTree(response.getContentAsString());
  }
}
