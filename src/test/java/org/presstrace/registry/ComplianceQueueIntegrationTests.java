package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
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

/** The compliance queue: what a sweep raises, once, and how the queue is worked. */
@PressTraceIntegrationTest
class ComplianceQueueIntegrationTests {

  static final String QUEUE = "/api/v1/registry/compliance";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired ComplianceQueue queue;
  @Autowired Deadlines deadlines;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  AccessContext admin;
  RegistrantView dealer;
  RegistrantView buyer;
  AccessContext dealerContext;
  String dealerUser;
  String investigator;
  String analyst;
  AccessContext supervisor;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    dealer = active("Dealer " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active("Buyer " + world.suffix(), RegistrantCategory.OWNER);
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    dealerContext = world.as(dealerUser, Channel.API);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    investigator = world.user("investigator", dea, Role.INVESTIGATOR);
    analyst = world.user("analyst", dea, Role.ANALYST);
    supervisor = world.as(world.user("supervisor", dea, Role.SUPERVISOR), Channel.API);
  }

  RegistrantView active(String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  String machine(String serial, LocalDate on) {
    return registry
        .registerMachine(
            dealerContext,
            new NewMachine(
                serial + world.suffix(),
                false,
                "Acme",
                "RT",
                EquipmentKind.TABLETING_ROTARY,
                null,
                "Bay 4",
                EquipmentOrigin.DECLARED,
                null,
                on,
                null))
        .id();
  }

  void sell(String machineId, LocalDate shippedOn, RegistrantView to) {
    registry.transfer(
        dealerContext,
        machineId,
        new Transfer(to.registrationNumber(), Instant.now().minusSeconds(60), shippedOn));
  }

  /** The items of a machine or registrant, but those for oral notices of its sales. */
  List<String> items(String column, String value) {
    return jdbc.sql(
            "SELECT kind FROM compliance_item WHERE "
                + column
                + " = :v AND subject NOT LIKE 'oral-notice:%' ORDER BY kind")
        .param("v", value)
        .query(String.class)
        .list();
  }

  @Test
  void aSweepQueuesLateAndMissingReportsButNotOnTimeOnesAndOnlyOnce() {
    String onTime = machine("OT-", today);
    sell(onTime, today, buyer);
    String late = machine("LT-", today);
    sell(late, today.minusDays(20), buyer);
    String missing = machine("MS-", today);
    // An export recorded before transaction reports were kept: no report is on file under it.
    jdbc.sql(
            """
            INSERT INTO custody_event (id, machine_id, seq, type, occurred_on, reported_at,
                                       from_registrant, transaction_id, recorded_by)
            VALUES (:id, :machine, 2, 'MachineExported', :on, :at, :from, 'LEGACY-7', 'import')
            """)
        .param("id", UUID.randomUUID().toString())
        .param("machine", missing)
        .param("on", today.minusDays(3))
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .param("from", dealer.id())
        .update();

    queue.sweep(supervisor);

    assertThat(items("machine_id", onTime)).isEmpty();
    assertThat(items("machine_id", late)).containsExactly("LATE_REPORT");
    assertThat(items("machine_id", missing)).containsExactly("MISSING_REPORT");
    String summary =
        jdbc.sql(
                "SELECT summary FROM compliance_item WHERE machine_id = :m"
                    + " AND subject LIKE 'custody-event:%'")
            .param("m", late)
            .query(String.class)
            .single();
    assertThat(summary)
        .contains("was due by " + deadlines.due(ReportKind.TRANSFER, today.minusDays(20)));

    queue.sweep(supervisor);
    assertThat(items("machine_id", late)).as("a second sweep raises nothing new").hasSize(1);
    assertThat(items("machine_id", missing)).hasSize(1);
  }

  @Test
  void aSweepQueuesRegistrationsExpiringWithinThirtyDays() {
    var soon = active("Soon " + world.suffix(), RegistrantCategory.OWNER);
    var later = active("Later " + world.suffix(), RegistrantCategory.OWNER);
    for (var pair : List.of(List.of(soon.id(), "10"), List.of(later.id(), "40"))) {
      jdbc.sql("UPDATE registrant SET expires_on = :day WHERE id = :id")
          .param("day", today.plusDays(Long.parseLong(pair.get(1))))
          .param("id", pair.get(0))
          .update();
    }

    queue.sweep(supervisor);
    queue.sweep(supervisor);

    assertThat(items("registrant_id", soon.id())).containsExactly("EXPIRING_REGISTRATION");
    assertThat(items("registrant_id", later.id())).isEmpty();
  }

  @Test
  void aSweepQueuesARegistrantAcquiringMoreThanFiveMachinesInThirtyDays() {
    var steady = active("Steady " + world.suffix(), RegistrantCategory.OWNER);
    for (int i = 0; i < 6; i++) {
      sell(machine("UA" + i + "-", today), today, buyer);
    }
    for (int i = 0; i < 5; i++) {
      sell(machine("UB" + i + "-", today), today, steady);
    }

    queue.sweep(supervisor);
    queue.sweep(supervisor);

    assertThat(items("registrant_id", buyer.id())).containsExactly("UNUSUAL_ACQUISITIONS");
    assertThat(items("registrant_id", steady.id())).isEmpty();
  }

  @Test
  void investigatorsListAssignAndResolveItemsAndBadInputNamesTheField() throws Exception {
    String late = machine("AR-", today);
    sell(late, today.minusDays(30), buyer);
    queue.sweep(supervisor);
    String id =
        jdbc.sql(
                "SELECT id FROM compliance_item WHERE machine_id = :m"
                    + " AND subject LIKE 'custody-event:%'")
            .param("m", late)
            .query(String.class)
            .single();

    assertThat(
            get(investigator, QUEUE + "?status=OPEN&size=200").getResponse().getContentAsString())
        .contains(id);
    assertThat(get(dealerUser, QUEUE + "?status=OPEN").getResponse().getStatus()).isEqualTo(403);
    assertField(get(investigator, QUEUE + "?status=BOGUS"), 400, "status");

    String assign = QUEUE + "/" + id + "/assignment";
    assertField(postJson(investigator, assign, "{}"), 400, "assignee");
    assertField(
        postJson(investigator, assign, "{\"assignee\": \"nobody-at-all\"}"), 400, "assignee");
    assertField(
        postJson(investigator, assign, "{\"assignee\": \"" + dealerUser + "\"}"), 400, "assignee");
    JsonNode assigned =
        ok(postJson(investigator, assign, "{\"assignee\": \"" + analyst + "\"}"), 200);
    assertThat(assigned.get("assignedTo").asString()).isEqualTo(analyst);
    assertThat(assigned.get("status").asString()).isEqualTo("OPEN");

    String resolve = QUEUE + "/" + id + "/resolution";
    assertField(postJson(analyst, resolve, "{\"note\": \" \"}"), 400, "note");
    JsonNode resolved =
        ok(
            postJson(analyst, resolve, "{\"note\": \"seller's paperwork was held by customs\"}"),
            200);
    assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
    assertThat(resolved.get("resolvedBy").asString()).isEqualTo(analyst);
    MvcResult again = postJson(analyst, resolve, "{\"note\": \"again\"}");
    assertThat(again.getResponse().getStatus()).isEqualTo(409);
    assertThat(again.getResponse().getContentAsString())
        .contains("is RESOLVED: a resolved item is not resolved again");
    assertThat(
            postJson(investigator, assign, "{\"assignee\": \"" + analyst + "\"}")
                .getResponse()
                .getStatus())
        .isEqualTo(409);
    assertThat(
            postJson(analyst, QUEUE + "/no-such-item/resolution", "{\"note\": \"x\"}")
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(
            get(investigator, QUEUE + "?status=OPEN&size=200").getResponse().getContentAsString())
        .doesNotContain(id);
    assertThat(
            jdbc.sql(
                    "SELECT action FROM audit_event WHERE kind = 'compliance-item' AND record_id = :id"
                        + " ORDER BY id")
                .param("id", id)
                .query(String.class)
                .list())
        .containsExactly("CREATE", "ASSIGN", "RESOLVE");
  }

  void assertField(MvcResult result, int status, String field) throws Exception {
    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
    assertThat(json.readTree(body).get("errors").get(0).get("field").asString())
        .as(body)
        .isEqualTo(field);
  }

  MvcResult get(String username, String path) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(username, World.PASSWORD)))
        .andReturn();
  }

  MvcResult postJson(String username, String path, String body) throws Exception {
    return mvc.perform(
            post(path)
                .with(httpBasic(username, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }

  JsonNode ok(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(status);
    return json.readTree(result.getResponse().getContentAsString());
  }
}
