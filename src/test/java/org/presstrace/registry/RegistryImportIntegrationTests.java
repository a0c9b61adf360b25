package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import through the API and the service: all or nothing, row by row. The page and the
 * background jobs are in {@link RegistryImportJobsIntegrationTests}.
 */
@PressTraceIntegrationTest
class RegistryImportIntegrationTests {

  static final String HEADER = ImportRows.HEADER;

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired RegistryImports imports;
  @Autowired JdbcClient jdbc;
  @Autowired org.presstrace.ledger.Ledger ledger;
  @Autowired JsonMapper json;

  World world;
  AccessContext admin;
  String adminUser;
  RegistrantView dealer;
  RegistrantView buyer;
  RegistrantView suspended;
  String dealerUser;
  String buyerUser;
  String investigator;
  String make;
  final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    adminUser = world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR);
    admin = world.as(adminUser, Channel.API);
    dealer = active("Import Dealers " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active("Import Owner " + world.suffix(), RegistrantCategory.OWNER);
    suspended = active("Paused Owner " + world.suffix(), RegistrantCategory.OWNER);
    registry.suspend(admin, suspended.id(), "inspection failed");
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    buyerUser = world.user("buyer", buyer.agencyCode(), Role.REGISTRANT);
    investigator =
        world.user("inv", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    make = "Imp" + world.suffix().replaceAll("[^A-Za-z0-9]", "");
  }

  RegistrantView active(String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  String inventory(String serial, String kind, String power, String output, String location) {
    return new ImportRows(dealer, make, day).inventory(serial, kind, power, output, location);
  }

  String transfer(String serial, String to) {
    return new ImportRows(dealer, make, day).transfer(serial, to);
  }

  MvcResult postCsv(String username, String csv, String query) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/imports" + query)
                .with(httpBasic(username, World.PASSWORD))
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)))
        .andReturn();
  }

  JsonNode body(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(status);
    return json.readTree(result.getResponse().getContentAsString());
  }

  long machinesOfMake() {
    return jdbc.sql("SELECT COUNT(*) FROM machine WHERE make = :make")
        .param("make", make)
        .query(Long.class)
        .single();
  }

  long byDealer(String sql) {
    return jdbc.sql(sql).param("u", dealerUser).query(Long.class).single();
  }

  long count(String sql) {
    if (sql.contains("ledger_leaf")) {
      // Leaves are integrated after the commit; count them once everything committed is in.
      assertThat(ledger.awaitIntegration()).isTrue();
    }
    return jdbc.sql(sql).query(Long.class).single();
  }

  /** The (row, column) pairs a 422 names. */
  static List<String> named(JsonNode problem) {
    var named = new ArrayList<String>();
    problem
        .get("errors")
        .forEach(
            error ->
                named.add(
                    error.get("row").asLong()
                        + ":"
                        + (error.get("column").isNull() ? "-" : error.get("column").asString())));
    return named;
  }

  @Test
  void aFileWithGoodAndBadRowsStoresNothingAndNamesEachBadRowAndField() throws Exception {
    registry.registerMachine(
        world.as(dealerUser, Channel.API),
        new NewMachine(
            "TAKEN-1",
            false,
            make,
            "RT-9",
            EquipmentKind.TABLETING_ROTARY,
            null,
            "Bay 1",
            EquipmentOrigin.DECLARED,
            null,
            day,
            null));
    long events = count("SELECT COUNT(*) FROM custody_event");
    long leaves = count("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'");
    String csv =
        HEADER
            + inventory("GOOD-1", "TABLETING_ROTARY", "POWERED", "60000", "Bay 2") // 2 good
            + inventory("GOOD-2", "PRESS", "", "", "Bay 2") // 3 kind
            + inventory("GOOD-3", "DIE", "", "-5", "Bay 2") // 4 rated output (parts have none)
            + inventory("GOOD-4", "TABLETING_ROTARY", "", "-5", "Bay 2") // 5 negative
            + inventory("good 1", "TABLETING_ROTARY", "", "", "Bay 2") // 6 same serial, other case
            + inventory("TAKEN-1", "TABLETING_ROTARY", "", "", "Bay 2") // 7 already registered
            + inventory("GOOD-5", "ENCAPSULATING_AUTOMATIC", "MANUAL", "", "Bay 2") // 8 power
            + transfer("NOWHERE-9", buyer.registrationNumber()) // 9 unknown machine
            + transfer("GOOD-1", suspended.registrationNumber()) // 10 buyer not active
            + transfer("GOOD-3", buyer.registrationNumber()) // 11 declared on a bad row
            + transfer("GOOD-1", "PPR-NOSUCH1") // 12 no such buyer
            + inventory("GOOD-6", "TABLETING_ROTARY", "", "", "\"Bay 3, shelf 2\""); // 13 good

    JsonNode problem = body(postCsv(dealerUser, csv, "?fileName=mixed.csv"), 422);

    assertThat(problem.get("type").asString()).isEqualTo("urn:presstrace:problem:invalid-import");
    assertThat(problem.get("detail").asString())
        .contains("mixed.csv")
        .contains("nothing was stored");
    assertThat(named(problem))
        .containsExactly(
            "3:kind",
            "4:rated_output_per_hour",
            "5:rated_output_per_hour",
            "6:serial",
            "7:serial",
            "8:power",
            "9:serial",
            "10:buyer_registration",
            "11:serial",
            "12:buyer_registration");
    JsonNode errors = problem.get("errors");
    assertThat(errors.get(0).get("value").asString()).isEqualTo("PRESS");
    assertThat(errors.get(0).get("message").asString()).contains("TABLETING_ROTARY");
    assertThat(errors.get(2).get("message").asString()).contains("positive");
    assertThat(errors.get(3).get("message").asString()).contains("also on row 2");
    assertThat(errors.get(4).get("message").asString()).contains("already registered");
    assertThat(errors.get(7).get("message").asString()).contains("SUSPENDED");
    assertThat(errors.get(8).get("message").asString()).contains("row 4");
    assertThat(problem.get("problemCount").asInt()).isEqualTo(10);

    assertThat(machinesOfMake()).as("only the machine registered before").isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM custody_event")).isEqualTo(events);
    assertThat(count("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'"))
        .isEqualTo(leaves);
    assertThat(byDealer("SELECT COUNT(*) FROM registry_import WHERE imported_by = :u")).isZero();
    assertThat(
            byDealer(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND outcome = 'REFUSED'"
                    + " AND username = :u"))
        .isEqualTo(1);
  }

  @Test
  void aGoodFileImportsWithCustodyEventsAuditAndLedgerLeaves() throws Exception {
    long leaves = count("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'");
    String csv =
        "\uFEFF"
            + HEADER
            + inventory("OK-1", "TABLETING_ROTARY", "powered", "240000", "\"Warehouse 2, bay 4\"")
            + inventory("OK-2", "ENCAPSULATING_MANUAL", "MANUAL", "3000", "Store room")
            + "\n"
            + "INVENTORY,,OK-3,"
            + make
            + ",B-tooling,MOULD,,,\"M / 30\",\"Cabinet \"\"A\"\"\","
            + day
            + ",,\n"
            + transfer("OK-1", buyer.registrationNumber());
    var file =
        new MockMultipartFile(
            "file", "stock.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

    JsonNode summary =
        body(
            mvc.perform(
                    multipart("/api/v1/registry/imports")
                        .file(file)
                        .with(httpBasic(dealerUser, World.PASSWORD)))
                .andReturn(),
            201);

    assertThat(summary.get("rows").asInt()).isEqualTo(4);
    assertThat(summary.get("inventoryRows").asInt()).isEqualTo(3);
    assertThat(summary.get("transferRows").asInt()).isEqualTo(1);
    assertThat(summary.get("stored").asBoolean()).isTrue();
    assertThat(machinesOfMake()).isEqualTo(3);

    JsonNode mine =
        body(
            mvc.perform(
                    get("/api/v1/registry/machines")
                        .with(httpBasic(dealerUser, World.PASSWORD))
                        .header("PressTrace-Purpose", "Stock check"))
                .andReturn(),
            200);
    assertThat(mine.get("items").findValuesAsString("serial")).contains("OK-2", "OK-3");
    String mould =
        jdbc.sql(
                "SELECT imprint || '|' || location FROM machine WHERE make = :m AND kind = 'MOULD'")
            .param("m", make)
            .query(String.class)
            .single();
    assertThat(mould).isEqualTo("M / 30|Cabinet \"A\"");

    JsonNode traced =
        body(
            mvc.perform(
                    get("/api/v1/registry/trace")
                        .param("serial", "OK-1")
                        .with(httpBasic(investigator, World.PASSWORD))
                        .header("PressTrace-Purpose", "Case 2026-IMP-1"))
                .andReturn(),
            200);
    JsonNode sold = traced.get(0);
    assertThat(sold.get("machine").get("holder").asString()).isEqualTo(buyer.id());
    assertThat(sold.get("machine").get("location").asString()).isEqualTo("Warehouse 2, bay 4");
    assertThat(sold.get("machine").get("ratedOutputPerHour").asInt()).isEqualTo(240000);
    assertThat(sold.get("custody").findValuesAsString("type"))
        .containsExactly("MachineDeclared", "MachineTransferred");
    assertThat(sold.get("custody").get(1).get("buyerRegistration").asString())
        .isEqualTo(buyer.registrationNumber());

    assertThat(count("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'") - leaves)
        .isEqualTo(4);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CUSTODY' AND username = :u")
                .param("u", dealerUser)
                .query(Long.class)
                .single())
        .isEqualTo(4);
    assertThat(count("SELECT rows_total FROM registry_import")).isEqualTo(4);
  }

  @Test
  void aDryRunStoresNothingAndAnAdministratorImportsAndTransfersForANamedRegistrant()
      throws Exception {
    String csv = HEADER + inventory("DRY-1", "TABLETING_ROTARY", "", "", "Bay 1");
    JsonNode dry = body(postCsv(adminUser, csv, "?dryRun=true"), 200);
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("stored").asBoolean()).isFalse();
    assertThat(machinesOfMake()).isZero();

    body(postCsv(adminUser, csv, ""), 201);
    assertThat(machinesOfMake()).isEqualTo(1);

    body(postCsv(adminUser, HEADER + transfer("DRY-1", buyer.registrationNumber()), ""), 201);
    assertThat(
            jdbc.sql(
                    "SELECT m.current_holder || '|' || m.owner_agency || '|' || c.seq || '|' || c.type"
                        + " FROM machine m JOIN custody_event c ON c.machine_id = m.id"
                        + " WHERE m.make = :make ORDER BY c.seq DESC LIMIT 1")
                .param("make", make)
                .query(String.class)
                .single())
        .as("a stored machine moves on, its chain continuing")
        .isEqualTo(buyer.id() + "|" + buyer.agencyCode() + "|2|MachineTransferred");

    String unnamed = HEADER + "INVENTORY,,DRY-2," + make + ",RT-9,DIE,,,,Bay 1," + day + ",,\n";
    assertThat(named(body(postCsv(adminUser, unnamed, ""), 422))).containsExactly("2:registrant");
  }

  @Test
  void aRegistrantImportsOnlyForItselfAndOthersMayNotImport() throws Exception {
    String csv = HEADER + inventory("OWN-1", "TABLETING_ROTARY", "", "", "Bay 1");
    JsonNode problem = body(postCsv(buyerUser, csv, ""), 422);
    assertThat(named(problem)).containsExactly("2:registrant");
    assertThat(problem.get("errors").get(0).get("message").asString()).contains("your own");

    assertThat(postCsv(investigator, csv, "").getResponse().getStatus()).isEqualTo(403);
    assertThat(machinesOfMake()).isZero();
  }

  @Test
  void unreadableFilesAreRefusedWithTheirReason() throws Exception {
    record Case(byte[] content, String expected, String message) {}
    byte[] latin1 =
        (HEADER + inventory("Café-1", "DIE", "", "", "Bay")).getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf16 = HEADER.getBytes(StandardCharsets.UTF_16);
    var cases =
        List.of(
            new Case(new byte[0], "1:-", "empty"),
            new Case("\n\n".getBytes(StandardCharsets.UTF_8), "1:-", "empty"),
            new Case(HEADER.getBytes(StandardCharsets.UTF_8), "1:-", "no rows"),
            new Case(
                (HEADER.replace("kind,", "kind,colour,") + "x").getBytes(StandardCharsets.UTF_8),
                "1:-",
                "unknown column"),
            new Case(
                "record,serial,make\nINVENTORY,A-1,Acme\n".getBytes(StandardCharsets.UTF_8),
                "1:occurred_on",
                "lacks"),
            new Case(latin1, "2:-", "not UTF-8"),
            new Case(utf16, "1:-", "UTF-16"),
            new Case(
                (HEADER + "INVENTORY,\"" + dealer.registrationNumber() + ",OPEN-1\n")
                    .getBytes(StandardCharsets.UTF_8),
                "2:-",
                "not valid CSV"),
            new Case(
                (HEADER + "INVENTORY,x,Bay 2, unquoted\n").getBytes(StandardCharsets.UTF_8),
                "2:-",
                "quote a value"),
            new Case(
                (HEADER + inventory("LONG-1", "DIE", "", "", "L".repeat(1001)))
                    .getBytes(StandardCharsets.UTF_8),
                "2:location",
                "longer than 1000"),
            new Case(
                (HEADER + inventory("LONG-2", "DIE", "", "", "L".repeat(301)))
                    .getBytes(StandardCharsets.UTF_8),
                "2:location",
                "longer than 300"));
    for (Case bad : cases) {
      JsonNode problem =
          body(
              mvc.perform(
                      post("/api/v1/registry/imports")
                          .with(httpBasic(dealerUser, World.PASSWORD))
                          .contentType("text/csv")
                          .content(bad.content()))
                  .andReturn(),
              422);
      assertThat(named(problem)).as(bad.message()).contains(bad.expected());
      assertThat(problem.get("errors").toString()).as(bad.expected()).contains(bad.message());
    }
    assertThat(machinesOfMake()).isZero();
  }

  @Test
  void aBodyOverTheImportLimitIsRefusedAndAFormWithoutAFileNamesTheField() throws Exception {
    byte[] huge = new byte[26_214_401];
    java.util.Arrays.fill(huge, (byte) 'x');
    MvcResult tooLarge = postCsvBytes(huge);
    assertThat(tooLarge.getResponse().getStatus()).isEqualTo(413);

    JsonNode missing =
        body(
            mvc.perform(
                    multipart("/api/v1/registry/imports")
                        .param("dryRun", "true")
                        .with(httpBasic(dealerUser, World.PASSWORD)))
                .andReturn(),
            400);
    assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("file");
  }

  MvcResult postCsvBytes(byte[] content) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/imports")
                .with(httpBasic(dealerUser, World.PASSWORD))
                .contentType("text/csv")
                .content(content))
        .andReturn();
  }
}
