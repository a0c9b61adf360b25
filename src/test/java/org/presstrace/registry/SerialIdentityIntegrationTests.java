package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
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
 * A serial's identity is the serial as stamped, read without case, spaces and dashes: look-alike
 * serials (B and 8, S and 5) are different plates and both register, with a warning to check the
 * plate that names nothing of equipment the registrant may not read. The same serial written in
 * another case or spacing is still refused.
 */
@PressTraceIntegrationTest
class SerialIdentityIntegrationTests {

  static final String SIMILAR = "a similar serial exists for this make; check the plate";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Trace trace;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  RegistrantView holder;
  RegistrantView other;
  String holderUser;
  String otherUser;
  String make;
  String machineId;
  final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);

  @BeforeEach
  void setUp() throws Exception {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    holder = active(admin, "Plate Holder " + world.suffix());
    other = active(admin, "Second Owner " + world.suffix());
    holderUser = world.user("holder", holder.agencyCode(), Role.REGISTRANT);
    otherUser = world.user("other", other.agencyCode(), Role.REGISTRANT);
    make = "Ident" + world.suffix().replaceAll("[^A-Za-z0-9]", "");
    MvcResult first = register(holderUser, "ZQ-B1234");
    assertThat(first.getResponse().getStatus())
        .as(first.getResponse().getContentAsString())
        .isEqualTo(201);
    machineId = body(first).get("id").asString();
  }

  RegistrantView active(AccessContext admin, String name) {
    var registrant =
        registry.register(
            admin,
            new NewRegistrant(
                name, null, RegistrantCategory.OWNER, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  @Test
  void aLookAlikeSerialOfAnotherRegistrantRegistersWithAWarningThatNamesNothing() throws Exception {
    MvcResult result = register(otherUser, "ZQ-81234");

    String answer = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(201);
    JsonNode body = body(result);
    assertThat(body.get("serial").asString()).isEqualTo("ZQ-81234");
    assertThat(body.get("warnings").get(0).asString()).isEqualTo(SIMILAR);
    assertThat(answer)
        .doesNotContain("ZQ-B1234")
        .doesNotContain("ZQB1234")
        .doesNotContain(machineId)
        .doesNotContain(holder.label())
        .doesNotContain(holder.registrationNumber())
        .doesNotContain("already registered");
    assertThat(machinesOfMake()).isEqualTo(2);
  }

  @Test
  void lettersAndDigitsThatLookAlikeAreDifferentSerialsForTheSameHolder() throws Exception {
    MvcResult letter = register(holderUser, "S100");
    MvcResult digit = register(holderUser, "5100");

    assertThat(letter.getResponse().getStatus()).isEqualTo(201);
    assertThat(body(letter).get("warnings").isEmpty()).isTrue();
    assertThat(digit.getResponse().getStatus())
        .as(digit.getResponse().getContentAsString())
        .isEqualTo(201);
    String warning = body(digit).get("warnings").get(0).asString();
    assertThat(warning)
        .startsWith(SIMILAR)
        .as("its own machine may be named to the holder")
        .contains("'S100'")
        .contains(body(letter).get("id").asString());
    assertThat(machinesOfMake()).isEqualTo(3);
  }

  @Test
  void theSameSerialInAnotherCaseSpacingOrDashesIsRefused() throws Exception {
    MvcResult own = register(holderUser, "zq b 12-34");
    MvcResult stranger = register(otherUser, "Zq-b-1234");

    assertThat(own.getResponse().getStatus()).isEqualTo(409);
    assertThat(own.getResponse().getContentAsString()).contains(machineId);
    String answer = stranger.getResponse().getContentAsString();
    assertThat(stranger.getResponse().getStatus()).as(answer).isEqualTo(409);
    assertThat(answer)
        .contains("conflicts with an existing registration")
        .doesNotContain(machineId)
        .doesNotContain("ZQ-B1234")
        .doesNotContain(holder.label());
    assertThat(machinesOfMake()).isEqualTo(1);
  }

  @Test
  void anImportTakesALookAlikeSerialAndRefusesTheSameSerial() throws Exception {
    var rows = new ImportRows(other, make, day);
    String lookAlike = ImportRows.HEADER + rows.inventory("zq-81234", "DIE", "", "", "Bay 3");
    String same = ImportRows.HEADER + rows.inventory("zqb-1234", "DIE", "", "", "Bay 3");

    MvcResult taken = importCsv(lookAlike);
    MvcResult refused = importCsv(same);

    assertThat(taken.getResponse().getStatus())
        .as(taken.getResponse().getContentAsString())
        .isEqualTo(201);
    assertThat(refused.getResponse().getStatus()).isEqualTo(422);
    assertThat(refused.getResponse().getContentAsString())
        .contains("conflicts with an existing registration")
        .doesNotContain(machineId);
    assertThat(machinesOfMake()).isEqualTo(2);
  }

  @Test
  void aTraceStillFindsEveryLookAlike() throws Exception {
    register(otherUser, "ZQ-81234");
    AccessContext investigator =
        world.as(
            world.user("agent", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR),
            Channel.API);

    var found =
        trace.trace(investigator, Trace.Query.serial("zq-8i234")).stream()
            .map(t -> t.machine().serial())
            .filter(s -> s.toUpperCase(Locale.ROOT).startsWith("ZQ"))
            .toList();

    assertThat(found).contains("ZQ-B1234", "ZQ-81234");
  }

  long machinesOfMake() {
    return jdbc.sql("SELECT COUNT(*) FROM machine WHERE make_key = :k")
        .param("k", make.toUpperCase(Locale.ROOT))
        .query(Long.class)
        .single();
  }

  JsonNode body(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString());
  }

  MvcResult register(String username, String serial) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/machines")
                .with(httpBasic(username, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"serial": "%s", "make": "%s", "model": "RT-9", "kind": "DIE",
                     "location": "Bay 1", "origin": "DECLARED", "occurredOn": "%s"}
                    """
                        .formatted(serial, make, day)))
        .andReturn();
  }

  MvcResult importCsv(String csv) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/imports")
                .with(httpBasic(otherUser, World.PASSWORD))
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)))
        .andReturn();
  }
}
