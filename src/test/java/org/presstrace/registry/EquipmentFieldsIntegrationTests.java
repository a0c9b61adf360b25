package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** Drive, rated output and imprint: registered through the API, shown by trace, validated. */
@PressTraceIntegrationTest
class EquipmentFieldsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  String dealerUser;
  String investigator;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var dealer =
        registry.register(
            admin,
            new NewRegistrant(
                "Press Dealers " + world.suffix(),
                null,
                RegistrantCategory.DEALER,
                null,
                "1 Press Way",
                null,
                "USA"));
    registry.activate(admin, dealer.id(), "inspection passed");
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    investigator =
        world.user(
            "investigator", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
  }

  MvcResult register(String serial, String kind, String extra) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/machines")
                .with(httpBasic(dealerUser, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"serial\": \""
                        + serial
                        + "\", \"make\": \"Acme\", \"model\": \"RT-9\", \"kind\": \""
                        + kind
                        + "\", \"location\": \"Bay 4\", \"origin\": \"DECLARED\""
                        + extra
                        + "}"))
        .andReturn();
  }

  JsonNode body(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(status);
    return json.readTree(result.getResponse().getContentAsString());
  }

  @Test
  void aPoweredRotaryPressKeepsItsRatedOutputAndTraceShowsIt() throws Exception {
    String serial = "RO-" + world.suffix();
    JsonNode machine =
        body(
            register(
                serial,
                "TABLETING_ROTARY",
                ", \"power\": \"POWERED\", \"ratedOutputPerHour\": 240000"),
            201);
    assertThat(machine.get("power").asString()).isEqualTo("POWERED");
    assertThat(machine.get("ratedOutputPerHour").asInt()).isEqualTo(240000);

    JsonNode traced =
        body(
            mvc.perform(
                    get("/api/v1/registry/trace")
                        .param("serial", serial)
                        .with(httpBasic(investigator, World.PASSWORD))
                        .header("PressTrace-Purpose", "Case 2026-EQ-1"))
                .andReturn(),
            200);
    assertThat(traced.get(0).get("machine").get("ratedOutputPerHour").asInt()).isEqualTo(240000);
    assertThat(traced.get(0).get("machine").get("power").asString()).isEqualTo("POWERED");
  }

  @Test
  void aMouldKeepsItsImprintAndAMachineWithoutDriveOrOutputStaysUnstated() throws Exception {
    JsonNode mould =
        body(register("MO-" + world.suffix(), "MOULD", ", \"imprint\": \"M / 30\""), 201);
    assertThat(mould.get("imprint").asString()).isEqualTo("M / 30");
    JsonNode plain = body(register("PL-" + world.suffix(), "TABLETING_SINGLE_PUNCH", ""), 201);
    assertThat(plain.get("power").isNull()).isTrue();
    assertThat(plain.get("ratedOutputPerHour").isNull()).isTrue();
  }

  @Test
  void badDescriptionsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    String[][] cases = {
      {"TABLETING_ROTARY", ", \"ratedOutputPerHour\": -5", "ratedOutputPerHour", "positive"},
      {"TABLETING_ROTARY", ", \"ratedOutputPerHour\": 0", "ratedOutputPerHour", "positive"},
      {"TABLETING_ROTARY", ", \"ratedOutputPerHour\": 9000000", "ratedOutputPerHour", "above"},
      {"DIE", ", \"ratedOutputPerHour\": 100", "ratedOutputPerHour", "whole machines"},
      {"HOPPER", ", \"power\": \"POWERED\"", "power", "whole machines"},
      {"ENCAPSULATING_MANUAL", ", \"power\": \"POWERED\"", "power", "not powered"},
      {"ENCAPSULATING_AUTOMATIC", ", \"power\": \"MANUAL\"", "power", "powered, not manual"},
      {"TABLETING_ROTARY", ", \"imprint\": \"M / 30\"", "imprint", "moulds and punches"},
      {"MOULD", ", \"imprint\": \"" + "M".repeat(101) + "\"", "imprint", "longer than 100"},
    };
    for (String[] bad : cases) {
      String serial = "BAD-" + world.suffix();
      JsonNode problem = body(register(serial, bad[0], bad[1]), 400);
      assertThat(problem.get("errors").get(0).get("field").asString()).as(bad[1]).isEqualTo(bad[2]);
      assertThat(problem.get("detail").asString()).as(bad[1]).contains(bad[3]);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM machine WHERE serial_as_entered = :s")
                  .param("s", serial)
                  .query(Long.class)
                  .single())
          .isZero();
    }
    assertThat(
            register("BAD-" + world.suffix(), "TABLETING_ROTARY", ", \"power\": \"STEAM\"")
                .getResponse()
                .getStatus())
        .as("an unknown drive")
        .isEqualTo(400);
  }
}
