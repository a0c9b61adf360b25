package org.presstrace.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.exchange.TaxiiPoll;
import org.presstrace.exchange.stix.StixIds;
import org.presstrace.exchange.stix.StixMapping;
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
 * {@code date_added} per reader scope: an object enters a collection for an agency when that agency
 * may first read it, so a partner polling incrementally receives a record released, or a marking
 * loosened, after someone else was first served it; and what one agency's dates are tells another
 * nothing.
 */
@PressTraceIntegrationTest
class TaxiiDateAddedIntegrationTests {

  static final String TAXII = "application/taxii+json;version=2.1";
  static final String PURPOSE = "Case 2026-TAXII-0003";
  static final String PRESSES = "/taxii2/presstrace/collections/pill-presses/";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired JdbcClient jdbc;
  @Autowired TaxiiPoll poll;

  World world;
  String analyst;
  String otherAnalyst;
  String liaison;
  String partnerAgency;
  String otherLiaison;
  String otherPartner;
  AccessContext holder;
  String ownerAgency;

  @BeforeEach
  void world() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    analyst = world.user("analyst", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
    otherAnalyst =
        world.user("other", world.agency("FBI", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
    partnerAgency = world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN");
    liaison = world.user("liaison", partnerAgency, Role.FOREIGN_LIAISON);
    otherPartner = world.agency("NCA", AgencyKind.FOREIGN_PARTNER, "GBR");
    otherLiaison = world.user("nca", otherPartner, Role.FOREIGN_LIAISON);
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var owner =
        registry.register(
            admin,
            new NewRegistrant(
                "Added Works " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "2 Press Way",
                null,
                "USA"));
    registry.activate(admin, owner.id(), "inspected");
    ownerAgency = owner.agencyCode();
    holder = world.as(world.user("holder", ownerAgency, Role.REGISTRANT), Channel.API);
  }

  @Test
  void aRecordReleasedAfterOthersWereServedItComesInThePartnersNextIncrementalPoll()
      throws Exception {
    String press = press("LATE");
    String unreleased = press("NEVER");
    // a domestic analyst is served both first
    assertThat(objects(get(PRESSES + "objects/").param("match[id]", ids(press, unreleased))))
        .hasSize(0);
    assertThat(
            json(call(
                    get(PRESSES + "objects/")
                        .param("match[id]", ids(press, unreleased))
                        .param("match[version]", "all"),
                    analyst))
                .get("objects"))
        .hasSize(2);
    // the partner polls everything it may read, and keeps the end of its poll as its cursor
    walk(liaison, null);
    Thread.sleep(5);
    Instant cursor = Instant.now();
    Thread.sleep(5);

    released(press, partnerAgency);

    Supplier<MockHttpServletRequestBuilder> request =
        () ->
            get(PRESSES + "objects/")
                .param("added_after", StixIds.timestamp(cursor))
                .param("match[version]", "all")
                .param("limit", "1000");
    MockHttpServletResponse incremental = call(request.get(), liaison);
    JsonNode envelope = json(incremental);
    assertThat(idsOf(envelope.get("objects")))
        .as("the record released after the partner's last poll comes in its next one")
        .contains(stixId(press))
        .doesNotContain(stixId(unreleased));
    assertThat(Instant.parse(incremental.getHeader("X-TAXII-Date-Added-First"))).isAfter(cursor);
    JsonNode manifest =
        json(
            call(
                get(PRESSES + "manifest/")
                    .param("added_after", StixIds.timestamp(cursor))
                    .param("match[id]", ids(press, unreleased))
                    .param("match[version]", "all"),
                liaison));
    assertThat(manifest.get("objects")).hasSize(1);
    assertThat(Instant.parse(manifest.get("objects").get(0).get("date_added").asString()))
        .isAfter(cursor);

    // the same request answers the same bytes and headers
    MockHttpServletResponse again = call(request.get(), liaison);
    assertThat(again.getContentAsString()).isEqualTo(incremental.getContentAsString());
    assertThat(again.getHeader("X-TAXII-Date-Added-First"))
        .isEqualTo(incremental.getHeader("X-TAXII-Date-Added-First"));
    assertThat(again.getHeader("X-TAXII-Date-Added-Last"))
        .isEqualTo(incremental.getHeader("X-TAXII-Date-Added-Last"));

    // from the end of that poll, nothing of it again; paging seven at a time gives each once
    JsonNode after =
        json(
            call(
                get(PRESSES + "objects/")
                    .param("added_after", incremental.getHeader("X-TAXII-Date-Added-Last"))
                    .param("match[id]", ids(press, unreleased))
                    .param("match[version]", "all"),
                liaison));
    assertThat(after.has("objects")).isFalse();
    assertThat(walk(liaison, cursor)).doesNotHaveDuplicates().contains(stixId(press));

    // the unreleased one, on every endpoint and every version, stays out of sight
    var answers = new ArrayList<String>();
    for (String version : List.of("first", "last", "all")) {
      answers.add(
          call(
                  get(PRESSES + "objects/").param("match[version]", version).param("limit", "1000"),
                  liaison)
              .getContentAsString());
      answers.add(
          call(
                  get(PRESSES + "manifest/")
                      .param("match[version]", version)
                      .param("limit", "1000"),
                  liaison)
              .getContentAsString());
    }
    answers.add(
        call(get(PRESSES + "objects/" + stixId(unreleased) + "/"), liaison, 404)
            .getContentAsString());
    answers.add(
        call(get(PRESSES + "objects/" + stixId(unreleased) + "/versions/"), liaison, 404)
            .getContentAsString());
    assertThat(answers).allSatisfy(body -> assertThat(body).doesNotContain(stixId(unreleased)));
  }

  @Test
  void aLoosenedMarkingBringsTheNewVersionButNeverTheNofornOne() throws Exception {
    String press = released(press("LOOSE"), partnerAgency);
    mark(press, "GREEN", "PROPIN", true, null);
    String nofornVersion =
        json(call(get(PRESSES + "objects/").param("match[id]", stixId(press)), analyst))
            .get("objects")
            .get(0)
            .get("modified")
            .asString();
    Thread.sleep(5);
    mark(press, "GREEN", "PROPIN", false, null);
    // a domestic analyst is served the loosened version first
    String loosenedVersion =
        json(call(get(PRESSES + "objects/").param("match[id]", stixId(press)), analyst))
            .get("objects")
            .get(0)
            .get("modified")
            .asString();
    assertThat(loosenedVersion).isNotEqualTo(nofornVersion);
    Thread.sleep(5);
    Instant cursor = Instant.now();
    Thread.sleep(5);

    for (String endpoint : List.of("objects/", "manifest/")) {
      JsonNode answer =
          json(
              call(
                  get(PRESSES + endpoint)
                      .param("added_after", StixIds.timestamp(cursor))
                      .param("match[id]", stixId(press))
                      .param("match[version]", "all"),
                  liaison));
      assertThat(answer.get("objects")).as(endpoint).hasSize(1);
      String field = endpoint.equals("objects/") ? "modified" : "version";
      assertThat(answer.get("objects").get(0).path(field).asString()).isEqualTo(loosenedVersion);
    }
    JsonNode versions =
        json(
            call(
                get(PRESSES + "objects/" + stixId(press) + "/versions/")
                    .param("added_after", StixIds.timestamp(cursor)),
                liaison));
    assertThat(versions.get("versions").valueStream().map(JsonNode::asString))
        .containsExactly(loosenedVersion);
    for (String endpoint : List.of("objects/", "manifest/")) {
      assertThat(
              json(call(
                      get(PRESSES + endpoint)
                          .param("match[id]", stixId(press))
                          .param("match[version]", nofornVersion),
                      liaison))
                  .has("objects"))
          .as("the NOFORN version, asked for by its timestamp")
          .isFalse();
    }
  }

  @Test
  void twoAgenciesGetTheirOwnDatesAddedAndLearnNothingOfEachOther() throws Exception {
    String shared = press("BOTH");
    String theirs = released(press("THEIRS"), partnerAgency);
    String ids = ids(shared, theirs);
    JsonNode first = json(call(get(PRESSES + "manifest/").param("match[id]", ids), analyst));
    Instant analystAdded = Instant.parse(first.get("objects").get(0).get("date_added").asString());
    Thread.sleep(5);
    Instant before = Instant.now();
    Thread.sleep(5);

    // another domestic agency is added the same record when it first reads it, not before
    MockHttpServletResponse other =
        call(get(PRESSES + "manifest/").param("match[id]", ids), otherAnalyst);
    Instant otherAdded =
        Instant.parse(json(other).get("objects").get(0).get("date_added").asString());
    assertThat(otherAdded).isAfter(before);
    assertThat(Instant.parse(other.getHeader("X-TAXII-Date-Added-First"))).isAfter(before);
    assertThat(
            Instant.parse(
                json(call(get(PRESSES + "manifest/").param("match[id]", ids), analyst))
                    .get("objects")
                    .get(0)
                    .get("date_added")
                    .asString()))
        .as("the first agency's date stays its own")
        .isEqualTo(analystAdded);

    // one partner's reads change nothing of what the other partner is answered
    Supplier<MockHttpServletRequestBuilder> request =
        () -> get(PRESSES + "manifest/").param("match[id]", ids).param("match[version]", "all");
    MockHttpServletResponse otherBefore = call(request.get(), otherLiaison);
    call(get(PRESSES + "objects/").param("match[id]", ids), liaison);
    walk(liaison, null);
    MockHttpServletResponse otherAfter = call(request.get(), otherLiaison);
    assertThat(otherAfter.getContentAsString()).isEqualTo(otherBefore.getContentAsString());
    assertThat(otherAfter.getHeaderNames()).isEqualTo(otherBefore.getHeaderNames());
    assertThat(otherAfter.getContentAsString()).doesNotContain(stixId(theirs));
    assertThat(otherAfter.getHeader("X-TAXII-Date-Added-First")).isNull();
    JsonNode partnerSees = json(call(request.get(), liaison));
    assertThat(partnerSees.get("objects")).hasSize(1);
  }

  @Test
  void thePressTraceClientPollingIncrementallyReceivesARecordReleasedLater() throws Exception {
    var importer =
        world.as(
            world.user("importer", world.agency("CBP", AgencyKind.FEDERAL, "USA"), Role.ANALYST),
            Channel.CLI);
    // both CUI//PROPIN, as the registry files them: the statement's definition comes with the
    // first poll only, and the client asks for it again when a later object refers to it
    String early = released(press("EARLY"), partnerAgency);
    String late = press("LATER");
    call(get(PRESSES + "objects/").param("match[id]", ids(early, late)), analyst);

    HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    partner.createContext(
        "/taxii2/",
        exchange -> {
          try {
            var forwarded = get(URI.create(exchange.getRequestURI().toString()));
            for (String header : List.of("Authorization", "Accept", "PressTrace-Purpose")) {
              String value = exchange.getRequestHeaders().getFirst(header);
              if (value != null) {
                forwarded.header(header, value);
              }
            }
            MockHttpServletResponse answer = mvc.perform(forwarded).andReturn().getResponse();
            for (String header :
                List.of("Content-Type", "X-TAXII-Date-Added-First", "X-TAXII-Date-Added-Last")) {
              if (answer.getHeader(header) != null) {
                exchange.getResponseHeaders().add(header, answer.getHeader(header));
              }
            }
            byte[] body = answer.getContentAsByteArray();
            exchange.sendResponseHeaders(answer.getStatus(), body.length);
            exchange.getResponseBody().write(body);
          } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
          } finally {
            exchange.close();
          }
        });
    partner.start();
    try {
      URI collection = URI.create("http://127.0.0.1:" + partner.getAddress().getPort() + PRESSES);
      String authorization =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (liaison + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
      TaxiiPoll.Polled first = poll.poll(importer, collection, authorization, null);
      assertThat(first.lastAdded()).isNotNull();
      assertThat(first.status().get("failure_count").asInt()).isZero();
      assertThat(stored(importer, early)).isEqualTo(1);
      assertThat(stored(importer, late)).isZero();
      Thread.sleep(5);

      released(late, partnerAgency);
      TaxiiPoll.Polled second = poll.poll(importer, collection, authorization, first.lastAdded());
      assertThat(second.received()).as("the poll after the release brings it").isPositive();
      assertThat(second.status().get("failure_count").asInt()).isZero();
      assertThat(stored(importer, late)).isEqualTo(1);
      assertThat(
              jdbc.sql(
                      "SELECT cui_category FROM taxii_object WHERE stix_id = :id"
                          + " AND owner_agency = :agency")
                  .param("id", stixId(late))
                  .param("agency", importer.caller().agency())
                  .query(String.class)
                  .single())
          .as("the marking read from the definition asked for again")
          .isEqualTo("PROPIN");
      assertThat(second.lastAdded()).isAfter(first.lastAdded());

      TaxiiPoll.Polled third = poll.poll(importer, collection, authorization, second.lastAdded());
      assertThat(third.received()).as("and nothing again after it").isZero();
    } finally {
      partner.stop(0);
    }
  }

  /** Every object id the caller is given, page by page of 7, from {@code after}. */
  List<String> walk(String username, Instant after) throws Exception {
    var seen = new ArrayList<String>();
    String next = null;
    int pages = 0;
    do {
      var request =
          get(PRESSES + "objects/")
              .param("match[version]", "all")
              .param("match[type]", StixMapping.PILL_PRESS_TYPE)
              .param("limit", "7");
      if (after != null) {
        request.param("added_after", StixIds.timestamp(after));
      }
      if (next != null) {
        request.param("next", next);
      }
      JsonNode page = json(call(request, username));
      page.path("objects")
          .forEach(o -> seen.add(o.get("id").asString() + "@" + o.get("modified").asString()));
      next = page.get("more").asBoolean() ? page.get("next").asString() : null;
      pages++;
    } while (next != null && pages < 500);
    return seen.stream().map(v -> v.substring(0, v.indexOf('@'))).toList();
  }

  long stored(AccessContext importer, String machineId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM taxii_object WHERE stix_id = :id AND owner_agency = :agency")
        .param("id", stixId(machineId))
        .param("agency", importer.caller().agency())
        .query(Long.class)
        .single();
  }

  JsonNode objects(MockHttpServletRequestBuilder request) throws Exception {
    return json(call(request, otherLiaison)).path("objects");
  }

  String press(String name) {
    return registry
        .registerMachine(
            holder,
            new NewMachine(
                "TA" + name + world.suffix(),
                false,
                "Acme",
                "RT-24",
                EquipmentKind.TABLETING_ROTARY,
                null,
                "Bay 2",
                EquipmentOrigin.DECLARED,
                null,
                LocalDate.now(ZoneOffset.UTC).minusDays(30),
                null))
        .id();
  }

  /** An approved release of the machine to {@code target}, as the release workflow makes. */
  String released(String machineId, String target) {
    jdbc.sql(
            "INSERT INTO record_release (id, kind, record_id, owner_agency, target_agency,"
                + " justification, status, requested_by, requested_at, decided_by, decided_at,"
                + " decision_reason) VALUES (:id, 'machine', :record, :owner, :target,"
                + " 'joint case', 'APPROVED', 'officer', :at, 'supervisor', :at, 'agreed')")
        .param("id", UUID.randomUUID().toString())
        .param("record", machineId)
        .param("owner", ownerAgency)
        .param("target", target)
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

  static String stixId(String machineId) {
    return StixIds.of(StixMapping.PILL_PRESS_TYPE, "machine", machineId);
  }

  static String ids(String... machineIds) {
    return String.join(",", List.of(machineIds).stream().map(m -> stixId(m)).toList());
  }

  static List<String> idsOf(JsonNode objects) {
    var ids = new ArrayList<String>();
    if (objects != null) {
      objects.forEach(o -> ids.add(o.get("id").asString()));
    }
    return ids;
  }

  MockHttpServletResponse call(MockHttpServletRequestBuilder request, String username)
      throws Exception {
    return call(request, username, 200);
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
