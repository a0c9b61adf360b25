package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
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

/**
 * A loss or theft is due the next business day after it was discovered, not after it happened: a
 * theft found on a stocktake weeks later and reported the day it was found is on time.
 */
@PressTraceIntegrationTest
class LossDiscoveryIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired ComplianceQueue queue;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  String holderUser;
  String agentUser;
  AccessContext supervisor;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC).minusDays(1);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var holder =
        registry.activate(
            admin,
            registry
                .register(
                    admin,
                    new NewRegistrant(
                        "Stocktake Holder " + world.suffix(),
                        null,
                        RegistrantCategory.OWNER,
                        null,
                        "1 Press Way",
                        null,
                        "USA"))
                .id(),
            "inspection passed");
    holderUser = world.user("holder", holder.agencyCode(), Role.REGISTRANT);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    agentUser = world.user("agent", dea, Role.INVESTIGATOR);
    supervisor = world.as(world.user("supervisor", dea, Role.SUPERVISOR), Channel.API);
  }

  String machine() {
    return registry
        .registerMachine(
            world.as(holderUser, Channel.API),
            new NewMachine(
                "LD-" + UUID.randomUUID().toString().substring(0, 8),
                false,
                "Acme",
                "RT",
                EquipmentKind.TABLETING_ROTARY,
                null,
                "Bay 4",
                EquipmentOrigin.DECLARED,
                null,
                LocalDate.now(ZoneOffset.UTC),
                null))
        .id();
  }

  MvcResult report(String machine, String body) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/machines/" + machine + "/loss-reports")
                .with(httpBasic(holderUser, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }

  List<String> items(String machine) {
    return jdbc.sql(
            "SELECT kind FROM compliance_item WHERE machine_id = :m AND summary LIKE 'theft%'")
        .param("m", machine)
        .query(String.class)
        .list();
  }

  JsonNode theft(String machine) throws Exception {
    var custody =
        json.readTree(
            mvc.perform(
                    get("/api/v1/registry/machines/" + machine + "/custody")
                        .header("PressTrace-Purpose", "Case 26-118 theft")
                        .with(httpBasic(agentUser, World.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString());
    return custody.get(custody.size() - 1);
  }

  @Test
  void aTheftReportedTheDayItWasDiscoveredIsOnTimeThoughItHappenedWeeksAgo() throws Exception {
    String found = machine();
    String unstated = machine();
    LocalDate happened = today.minusDays(30);

    MvcResult stated =
        report(
            found,
            """
            {"kind": "STOLEN", "occurredOn": "%s", "discoveredOn": "%s", "details": "stocktake"}
            """
                .formatted(happened, today));
    report(
        unstated,
        """
        {"kind": "STOLEN", "occurredOn": "%s", "details": "stocktake"}
        """
            .formatted(happened));
    queue.sweep(supervisor);

    assertThat(stated.getResponse().getStatus())
        .as(stated.getResponse().getContentAsString())
        .isEqualTo(200);
    JsonNode entry = theft(found);
    assertThat(entry.get("occurredOn").asString()).isEqualTo(happened.toString());
    assertThat(entry.get("discoveredOn").asString()).isEqualTo(today.toString());
    assertThat(entry.get("timing").asString()).isEqualTo("ON_TIME");
    assertThat(items(found)).isEmpty();
    assertThat(theft(unstated).get("timing").asString())
        .as("without a discovery day the duty runs from the day it happened")
        .isEqualTo("LATE");
    assertThat(items(unstated)).containsExactly("LATE_REPORT");
  }

  @Test
  void aDiscoveryBeforeTheEventOrInTheFutureIsAProblemAndNothingIsStored() throws Exception {
    String machine = machine();
    MvcResult before =
        report(
            machine,
            """
            {"kind": "LOST", "occurredOn": "%s", "discoveredOn": "%s"}
            """
                .formatted(today, today.minusDays(1)));
    MvcResult future =
        report(
            machine,
            """
            {"kind": "LOST", "occurredOn": "%s", "discoveredOn": "%s"}
            """
                .formatted(today, today.plusDays(5)));

    for (MvcResult result : List.of(before, future)) {
      String answer = result.getResponse().getContentAsString();
      assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(400);
      assertThat(result.getResponse().getContentType()).contains("problem+json");
      assertThat(answer).contains("discoveredOn");
    }
    assertThat(
            jdbc.sql("SELECT state FROM machine WHERE id = :id")
                .param("id", machine)
                .query(String.class)
                .single())
        .isEqualTo("HELD");
  }
}
