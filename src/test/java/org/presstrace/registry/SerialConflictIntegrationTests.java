package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registrant registering a serial that another registrant's equipment already carries is told
 * only that it conflicts with an existing registration (no holder, make, model or state), and the
 * registry's compliance queue gets an item to contact it. Its own equipment it may be told about.
 */
@PressTraceIntegrationTest
class SerialConflictIntegrationTests {

  static final String NEUTRAL =
      "conflicts with an existing registration; the registry will contact you";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  RegistrantView holder;
  RegistrantView prober;
  String holderUser;
  String proberUser;
  String make;
  String model;
  String serial;
  String machineId;
  final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    holder = active(admin, "Quiet Holder " + world.suffix(), RegistrantCategory.DEALER);
    prober = active(admin, "Curious Owner " + world.suffix(), RegistrantCategory.OWNER);
    holderUser = world.user("holder", holder.agencyCode(), Role.REGISTRANT);
    proberUser = world.user("prober", prober.agencyCode(), Role.REGISTRANT);
    make = "Acme" + world.suffix().replaceAll("[^A-Za-z0-9]", "");
    model = "Secret-" + world.suffix();
    serial = "SC-" + world.suffix();
    AccessContext holding = world.as(holderUser, Channel.API);
    machineId =
        registry
            .registerMachine(
                holding,
                new NewMachine(
                    serial,
                    false,
                    make,
                    model,
                    EquipmentKind.TABLETING_ROTARY,
                    null,
                    "Bay 1",
                    EquipmentOrigin.DECLARED,
                    null,
                    day,
                    null))
            .id();
    registry.reportStolen(holding, machineId, new CustodyReport(day, "taken from Bay 1"));
  }

  RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  /** What a problem or page may not say about the other registrant's equipment. */
  void revealsNothing(String answer) {
    assertThat(answer)
        .doesNotContain(make)
        .doesNotContain(make.toUpperCase(java.util.Locale.ROOT))
        .doesNotContain(model)
        .doesNotContain(holder.label())
        .doesNotContain(holder.legalName())
        .doesNotContain(holder.registrationNumber())
        .doesNotContain(machineId)
        .doesNotContain("STOLEN")
        .doesNotContain("already registered");
  }

  String inventoryRow(String make) {
    return new ImportRows(prober, make, day).inventory(serial, "TABLETING_ROTARY", "", "", "Bay 9");
  }

  List<String> conflictItems() {
    return jdbc.sql(
            "SELECT machine_id FROM compliance_item WHERE kind = 'SERIAL_CONFLICT'"
                + " AND registrant_id = :r AND status = 'OPEN'")
        .param("r", prober.id())
        .query(String.class)
        .list();
  }

  long machinesOfMake() {
    return jdbc.sql("SELECT COUNT(*) FROM machine WHERE make_key = :k")
        .param("k", make.toUpperCase(java.util.Locale.ROOT))
        .query(Long.class)
        .single();
  }

  @Test
  void importDryRunDoesNotNameAnotherRegistrantsMake() throws Exception {
    String csv = ImportRows.HEADER + inventoryRow(make.toLowerCase(java.util.Locale.ROOT));

    MvcResult result =
        mvc.perform(
                post("/api/v1/registry/imports?dryRun=true")
                    .with(httpBasic(proberUser, World.PASSWORD))
                    .contentType("text/csv")
                    .content(csv.getBytes(StandardCharsets.UTF_8)))
            .andReturn();

    String answer = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(422);
    JsonNode error = json.readTree(answer).get("errors").get(0);
    assertThat(error.get("column").asString()).isEqualTo("serial");
    assertThat(error.get("message").asString()).contains(NEUTRAL);
    revealsNothing(answer);
    assertThat(conflictItems())
        .as("the registry contacts the registrant")
        .containsExactly(machineId);
    assertThat(machinesOfMake()).as("nothing stored").isEqualTo(1);
  }

  @Test
  void registeringAnotherRegistrantsSerialDoesNotNameItsMakeOrState() throws Exception {
    String request =
        """
        {"serial": "%s", "make": "%s", "model": "Other", "kind": "DIE",
         "location": "Bay 9", "origin": "DECLARED"}
        """
            .formatted(serial.toLowerCase(java.util.Locale.ROOT), make);

    MvcResult first = registerAs(proberUser, request);
    MvcResult second = registerAs(proberUser, request);

    for (MvcResult result : List.of(first, second)) {
      String answer = result.getResponse().getContentAsString();
      assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(409);
      assertThat(json.readTree(answer).get("detail").asString())
          .startsWith("serial '")
          .contains(NEUTRAL);
      revealsNothing(answer);
    }
    assertThat(conflictItems()).as("one item however often it is tried").containsExactly(machineId);
    assertThat(machinesOfMake()).isEqualTo(1);
  }

  @Test
  void aRegistrantIsStillToldOfItsOwnDuplicate() throws Exception {
    MvcResult own =
        registerAs(
            holderUser,
            """
            {"serial": "%s", "make": "%s", "model": "Other", "kind": "DIE",
             "location": "Bay 9", "origin": "DECLARED"}
            """
                .formatted(serial, make));

    assertThat(own.getResponse().getStatus()).isEqualTo(409);
    assertThat(own.getResponse().getContentAsString())
        .contains(machineId)
        .contains("serials are unique per manufacturer");
    assertThat(conflictItems()).isEmpty();
  }

  @Test
  void theImportJobPageDoesNotNameAnotherRegistrantsMake() throws Exception {
    String csv = ImportRows.HEADER + inventoryRow(make);
    MvcResult upload =
        mvc.perform(
                multipart("/registry/imports")
                    .file(
                        new MockMultipartFile(
                            "file", "probe.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .param("dryRun", "true")
                    .with(user(proberUser))
                    .with(csrf()))
            .andReturn();
    assertThat(upload.getResponse().getStatus()).isEqualTo(302);
    String page = upload.getResponse().getRedirectedUrl();

    String html = null;
    for (long until = System.nanoTime() + 60_000_000_000L; System.nanoTime() < until; ) {
      html =
          mvc.perform(get(page).with(user(proberUser)))
              .andReturn()
              .getResponse()
              .getContentAsString();
      if (!html.contains("id=\"import-progress\"")) {
        break;
      }
      Thread.sleep(50);
    }

    assertThat(html).contains("conflicts with an existing registration");
    revealsNothing(html.replace("probe.csv", ""));
    assertThat(conflictItems()).containsExactly(machineId);
  }

  MvcResult registerAs(String username, String body) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/machines")
                .with(httpBasic(username, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }
}
