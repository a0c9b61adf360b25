package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** Form 452-like transaction reports, and the imports and exports that name them. */
@PressTraceIntegrationTest
class TransactionReportsIntegrationTests {

  static final String PURPOSE = "Case 2026-TXR-0001";
  static final String REPORTS = "/api/v1/registry/transaction-reports";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  AccessContext admin;
  String exporterUser;
  String otherExporterUser;
  String importerUser;
  String investigator;
  String liaison;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    exporterUser =
        world.user(
            "exporter",
            active("Exporter " + world.suffix(), RegistrantCategory.EXPORTER).agencyCode(),
            Role.REGISTRANT);
    otherExporterUser =
        world.user(
            "other",
            active("Other Exporter " + world.suffix(), RegistrantCategory.EXPORTER).agencyCode(),
            Role.REGISTRANT);
    importerUser =
        world.user(
            "importer",
            active("Importer " + world.suffix(), RegistrantCategory.IMPORTER).agencyCode(),
            Role.REGISTRANT);
    investigator =
        world.user(
            "investigator", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    liaison =
        world.user(
            "liaison",
            world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN"),
            Role.FOREIGN_LIAISON);
  }

  RegistrantView active(String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  String machine(String username, String serial) throws Exception {
    return ok(
            postJson(
                username,
                "/api/v1/registry/machines",
                "{\"serial\": \""
                    + serial
                    + "\", \"make\": \"Acme\", \"model\": \"RT\", \"kind\": \"TABLETING_ROTARY\","
                    + " \"location\": \"Bay 4\", \"origin\": \"DECLARED\"}"),
            201)
        .get("id")
        .asString();
  }

  static String exportReport(LocalDate proposedOn, String machineId, String extra) {
    return "{\"direction\": \"EXPORT\", \"purpose\": \"resale\", \"proposedOn\": \""
        + proposedOn
        + "\", \"port\": \"Laredo, TX\","
        + " \"importer\": {\"name\": \"Maquinas SA\", \"country\": \"MEX\"},"
        + " \"exporter\": {\"name\": \"Exporter\", \"country\": \"USA\"},"
        + " \"consignee\": {\"name\": \"Farmacia Norte\", \"country\": \"mex\"},"
        + " \"broker\": \"Border Forwarding LLC\","
        + " \"machines\": [{\"machineId\": \""
        + machineId
        + "\"}]"
        + extra
        + "}";
  }

  String fileExport(String username, String machineId, LocalDate proposedOn) throws Exception {
    return ok(postJson(username, REPORTS, exportReport(proposedOn, machineId, "")), 201)
        .get("transactionId")
        .asString();
  }

  void backdate(String transactionId, int days) {
    jdbc.sql("UPDATE transaction_report SET filed_on = :day WHERE id = :id")
        .param("day", today.minusDays(days))
        .param("id", transactionId)
        .update();
  }

  @Test
  void aReportGetsATransactionIdIsAmendedAndWithdrawnAndKeepsEveryVersion() throws Exception {
    String machine = machine(exporterUser, "TX-A" + world.suffix());
    MvcResult filed =
        postJson(exporterUser, REPORTS, exportReport(today.plusDays(20), machine, ""));
    JsonNode report = ok(filed, 201);
    String id = report.get("transactionId").asString();
    assertThat(id).matches("PT-" + today.getYear() + "-[0-9A-HJKMNP-TV-Z]{9}");
    assertThat(filed.getResponse().getHeader("Location")).endsWith("/" + id);
    assertThat(report.get("status").asString()).isEqualTo("FILED");
    assertThat(report.get("timing").asString()).isEqualTo("ON_TIME");
    assertThat(report.get("dueOn").asString()).isEqualTo(today.plusDays(5).toString());
    assertThat(fileExport(exporterUser, machine, today.plusDays(30))).isNotEqualTo(id);

    JsonNode amended =
        ok(
            postJson(
                exporterUser,
                REPORTS + "/" + id + "/amendments",
                exportReport(
                    today.plusDays(25), machine, ", \"reason\": \"the ship sails later\"")),
            200);
    assertThat(amended.get("status").asString()).isEqualTo("AMENDED");
    assertThat(amended.get("version").asInt()).isEqualTo(2);
    assertThat(amended.get("proposedOn").asString()).isEqualTo(today.plusDays(25).toString());

    ok(
        postJson(
            exporterUser,
            REPORTS + "/" + id + "/withdrawal",
            "{\"reason\": \"the buyer cancelled\"}"),
        200);
    MvcResult refused =
        postJson(
            exporterUser,
            REPORTS + "/" + id + "/amendments",
            exportReport(today.plusDays(26), machine, ", \"reason\": \"again\""));
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentAsString())
        .contains("is WITHDRAWN: a withdrawn report cannot be amended");

    JsonNode detail = ok(read(exporterUser, REPORTS + "/" + id), 200);
    assertThat(detail.get("report").get("status").asString()).isEqualTo("WITHDRAWN");
    JsonNode history = detail.get("history");
    assertThat(history).hasSize(3);
    assertThat(history.get(0).get("submission").asString()).isEqualTo("ORIGINAL");
    assertThat(history.get(0).get("proposedOn").asString())
        .isEqualTo(today.plusDays(20).toString());
    assertThat(history.get(0).get("consignee").get("country").asString()).isEqualTo("MEX");
    assertThat(history.get(0).get("machines").get(0).get("serial").asString())
        .isEqualTo("TX-A" + world.suffix());
    assertThat(history.get(1).get("submission").asString()).isEqualTo("AMENDED");
    assertThat(history.get(1).get("reason").asString()).isEqualTo("the ship sails later");
    assertThat(history.get(2).get("submission").asString()).isEqualTo("WITHDRAWN");
    assertThat(history.get(2).get("reason").asString()).isEqualTo("the buyer cancelled");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE kind = 'transaction-report'"
                        + " AND record_id = :id AND outcome = 'WRITTEN'")
                .param("id", id)
                .query(Long.class)
                .single())
        .as("filing, amendment and withdrawal are audited")
        .isEqualTo(3);
  }

  @Test
  void transactionReportIdsDoNotRevealHowManyOthersFiled() throws Exception {
    String mine = machine(exporterUser, "TX-V" + world.suffix());
    String theirs = machine(otherExporterUser, "TX-W" + world.suffix());
    var ids = new java.util.ArrayList<String>();
    for (int i = 0; i < 8; i++) {
      ids.add(fileExport(exporterUser, mine, today.plusDays(20)));
      fileExport(otherExporterUser, theirs, today.plusDays(20));
    }
    for (String id : ids) {
      assertThat(id).matches("PT-" + today.getYear() + "-[0-9A-HJKMNP-TV-Z]{9}");
    }
    assertThat(ids).as("filing order is not id order").isNotEqualTo(ids.stream().sorted().toList());
    assertThat(ids).doesNotHaveDuplicates();
    for (int i = 1; i < ids.size(); i++) {
      assertThat(ids.get(i).substring(0, 12))
          .as("consecutive filings share no counter")
          .isNotEqualTo(ids.get(i - 1).substring(0, 12));
    }
  }

  @Test
  void aMistypedTransactionIdIsRefusedWithAProblemDetail() throws Exception {
    String id =
        fileExport(
            exporterUser, machine(exporterUser, "TX-M" + world.suffix()), today.plusDays(20));
    char last = id.charAt(id.length() - 1);
    String typo = id.substring(0, id.length() - 1) + (last == 'A' ? 'B' : 'A');
    MvcResult refused = read(exporterUser, REPORTS + "/" + typo);
    assertField(refused, 400, "id");
    assertThat(refused.getResponse().getContentType()).contains("application/problem+json");
    assertThat(refused.getResponse().getContentAsString()).contains("check character");
    assertField(
        postJson(exporterUser, REPORTS + "/" + typo + "/withdrawal", "{\"reason\": \"mistyped\"}"),
        400,
        "id");
    assertThat(
            read(exporterUser, REPORTS + "/" + id.toLowerCase(java.util.Locale.ROOT))
                .getResponse()
                .getStatus())
        .as("read loosely, as typed")
        .isEqualTo(200);
  }

  @Test
  void badInputIsRefusedNamingTheField() throws Exception {
    String machine = machine(exporterUser, "TX-B" + world.suffix());
    assertField(
        postJson(exporterUser, REPORTS, exportReport(today.minusDays(1), machine, "")),
        400,
        "proposedOn");
    assertField(
        postJson(exporterUser, REPORTS, exportReport(today.plusDays(20), "no-such-machine", "")),
        400,
        "machines[0].machineId");
    String othersMachine = machine(otherExporterUser, "TX-C" + world.suffix());
    assertField(
        postJson(exporterUser, REPORTS, exportReport(today.plusDays(20), othersMachine, "")),
        400,
        "machines[0].machineId");
    assertField(
        postJson(
            exporterUser,
            REPORTS,
            exportReport(today.plusDays(20), machine, "")
                .replace("\"importer\": {\"name\": \"Maquinas SA\", \"country\": \"MEX\"},", "")),
        400,
        "importer");
    assertField(
        postJson(
            exporterUser,
            REPORTS,
            exportReport(today.plusDays(20), machine, "").replace("\"MEX\"", "\"XXX\"")),
        400,
        "importer.country");
    String id = fileExport(exporterUser, machine, today.plusDays(20));
    assertField(
        postJson(
            exporterUser,
            REPORTS + "/" + id + "/amendments",
            exportReport(today.plusDays(21), machine, "")),
        400,
        "reason");
    assertField(postJson(exporterUser, REPORTS + "/" + id + "/withdrawal", "{}"), 400, "reason");
    assertThat(
            postJson(
                    otherExporterUser,
                    REPORTS + "/" + id + "/withdrawal",
                    "{\"reason\": \"not mine\"}")
                .getResponse()
                .getStatus())
        .as("another registrant's report is not found")
        .isEqualTo(404);
    assertThat(
            postJson(importerUser, REPORTS, exportReport(today.plusDays(20), machine, ""))
                .getResponse()
                .getContentAsString())
        .contains("only exporters and manufacturers file export reports");
  }

  @Test
  void aLateFilingIsAcceptedMarkedLateAndQueued() throws Exception {
    String machine = machine(exporterUser, "TX-L" + world.suffix());
    JsonNode report =
        ok(postJson(exporterUser, REPORTS, exportReport(today.plusDays(3), machine, "")), 201);
    assertThat(report.get("timing").asString()).isEqualTo("LATE");
    assertThat(
            jdbc.sql("SELECT kind FROM compliance_item WHERE report_id = :id AND status = 'OPEN'")
                .param("id", report.get("transactionId").asString())
                .query(String.class)
                .list())
        .containsExactly("LATE_REPORT");
  }

  @Test
  void anExportNeedsItsOwnCoveringReportFiledFifteenDaysBeforeTheMovement() throws Exception {
    String id = machine(exporterUser, "TX-E" + world.suffix());
    String other = machine(exporterUser, "TX-F" + world.suffix());
    String path = "/api/v1/registry/machines/" + id + "/exports";
    String body =
        "{\"transactionId\": \"%s\", \"country\": \"MEX\", \"movementOn\": \"" + today + "\"}";

    assertField(postJson(exporterUser, path, body.formatted("TX-1")), 400, "transactionId");
    String othersReport =
        fileExport(
            otherExporterUser,
            machine(otherExporterUser, "TX-G" + world.suffix()),
            today.plusDays(20));
    assertField(postJson(exporterUser, path, body.formatted(othersReport)), 400, "transactionId");

    String notCovering = fileExport(exporterUser, other, today.plusDays(20));
    backdate(notCovering, 20);
    MvcResult uncovered = postJson(exporterUser, path, body.formatted(notCovering));
    assertThat(uncovered.getResponse().getStatus()).isEqualTo(409);
    assertThat(uncovered.getResponse().getContentAsString()).contains("does not cover");

    String report = fileExport(exporterUser, id, today.plusDays(20));
    MvcResult late = postJson(exporterUser, path, body.formatted(report));
    assertThat(late.getResponse().getStatus()).isEqualTo(409);
    assertThat(late.getResponse().getContentAsString())
        .contains("must be filed at least 15 days before the movement");

    String withdrawn = fileExport(exporterUser, id, today.plusDays(20));
    backdate(withdrawn, 15);
    ok(
        postJson(exporterUser, REPORTS + "/" + withdrawn + "/withdrawal", "{\"reason\": \"x\"}"),
        200);
    MvcResult refused = postJson(exporterUser, path, body.formatted(withdrawn));
    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentAsString())
        .contains("is WITHDRAWN: equipment does not move under a withdrawn report");

    backdate(report, 15);
    JsonNode exported = ok(postJson(exporterUser, path, body.formatted(report)), 200);
    assertThat(exported.get("state").asString()).isEqualTo("EXPORTED");
    JsonNode custody = ok(read(exporterUser, "/api/v1/registry/machines/" + id + "/custody"), 200);
    assertThat(custody.get(1).get("transactionId").asString()).isEqualTo(report);
    assertThat(custody.get(1).get("timing").asString()).isEqualTo("ON_TIME");
    MvcResult used =
        postJson(exporterUser, REPORTS + "/" + report + "/withdrawal", "{\"reason\": \"x\"}");
    assertThat(used.getResponse().getStatus()).isEqualTo(409);
  }

  @Test
  void anImportNamesTheImportersReportListingTheSerial() throws Exception {
    String serial = "IM-" + world.suffix();
    String report =
        ok(
                postJson(
                    importerUser,
                    REPORTS,
                    "{\"direction\": \"IMPORT\", \"purpose\": \"resale\", \"proposedOn\": \""
                        + today.plusDays(16)
                        + "\", \"port\": \"Long Beach, CA\","
                        + " \"importer\": {\"name\": \"Importer\", \"country\": \"USA\"},"
                        + " \"exporter\": {\"name\": \"Shenzhen Press Co\", \"country\": \"CHN\"},"
                        + " \"machines\": [{\"make\": \"Acme\", \"model\": \"RT\", \"serial\": \""
                        + serial
                        + "\"}]}"),
                201)
            .get("transactionId")
            .asString();
    String machine =
        "{\"serial\": \"%s\", \"make\": \"Acme\", \"model\": \"RT\", \"kind\": \"TABLETING_ROTARY\","
            + " \"location\": \"Dock 2\", \"origin\": \"IMPORTED\", \"transactionId\": \"%s\"}";

    assertField(
        postJson(
            importerUser, "/api/v1/registry/machines", machine.formatted(serial, "PT-1900-000001")),
        400,
        "transactionId");
    MvcResult uncovered =
        postJson(
            importerUser, "/api/v1/registry/machines", machine.formatted(serial + "9", report));
    assertThat(uncovered.getResponse().getStatus()).isEqualTo(409);
    assertThat(uncovered.getResponse().getContentAsString()).contains("does not cover");

    backdate(report, 16);
    JsonNode imported =
        ok(
            postJson(
                importerUser,
                "/api/v1/registry/machines",
                machine.formatted(serial.toLowerCase(), report)),
            201);
    JsonNode custody =
        ok(
            read(
                importerUser,
                "/api/v1/registry/machines/" + imported.get("id").asString() + "/custody"),
            200);
    assertThat(custody.get(0).get("type").asString()).isEqualTo("MachineImported");
    assertThat(custody.get(0).get("transactionId").asString()).isEqualTo(report);
    assertThat(custody.get(0).get("timing").asString()).isEqualTo("ON_TIME");
  }

  @Test
  void reportsAreReadThroughThePolicyWithAPurpose() throws Exception {
    String mine =
        fileExport(
            exporterUser, machine(exporterUser, "TX-R" + world.suffix()), today.plusDays(20));
    String theirs =
        fileExport(
            otherExporterUser,
            machine(otherExporterUser, "TX-S" + world.suffix()),
            today.plusDays(20));

    assertThat(read(exporterUser, REPORTS + "/" + mine).getResponse().getStatus()).isEqualTo(200);
    assertThat(read(exporterUser, REPORTS + "/" + theirs).getResponse().getStatus()).isEqualTo(404);
    assertThat(read(investigator, REPORTS + "/" + theirs).getResponse().getStatus()).isEqualTo(200);
    assertThat(read(liaison, REPORTS + "/" + theirs).getResponse().getStatus()).isEqualTo(404);
    String own = read(exporterUser, REPORTS + "?size=200").getResponse().getContentAsString();
    assertThat(own).contains(mine).doesNotContain(theirs);
    MvcResult withoutPurpose =
        mvc.perform(get(REPORTS + "/" + mine).with(httpBasic(exporterUser, World.PASSWORD)))
            .andReturn();
    assertField(withoutPurpose, 400, "purpose");
  }

  /** An export report whose parties carry what 21 CFR 1310.06(a) records want. */
  static String recordsReport(
      LocalDate proposedOn,
      String machineId,
      String exporterRegistration,
      String method,
      String idType,
      String idNumber) {
    return "{\"direction\": \"EXPORT\", \"purpose\": \"resale\", \"proposedOn\": \""
        + proposedOn
        + "\", \"port\": \"Laredo, TX\","
        + " \"importer\": {\"name\": \"Maquinas SA\", \"country\": \"MEX\","
        + " \"address\": \"Av. Reforma 100, Monterrey\", \"registration\": \"RFC MSA010101AB1\"},"
        + " \"exporter\": {\"name\": \"Exporter\", \"country\": \"USA\","
        + " \"address\": \"1 Press Way, Laredo TX\", \"registration\": "
        + (exporterRegistration == null ? "null" : "\"" + exporterRegistration + "\"")
        + "},"
        + (method == null ? "" : " \"methodOfTransfer\": \"" + method + "\",")
        + (idType == null ? "" : " \"purchaserIdType\": \"" + idType + "\",")
        + (idNumber == null ? "" : " \"purchaserIdNumber\": \"" + idNumber + "\",")
        + " \"machines\": [{\"machineId\": \""
        + machineId
        + "\"}]}";
  }

  @Test
  void aReportKeepsEachPartysAddressAndRegistrationTheMethodAndThePurchasersIdentification()
      throws Exception {
    String machine = machine(exporterUser, "TX-R" + world.suffix());
    String id =
        ok(
                postJson(
                    exporterUser,
                    REPORTS,
                    recordsReport(
                        today.plusDays(20),
                        machine,
                        "ab1234563",
                        "COMMON_CARRIER",
                        "BUSINESS_REGISTRATION",
                        "RFC MSA010101AB1")),
                201)
            .get("transactionId")
            .asString();

    JsonNode version = ok(read(exporterUser, REPORTS + "/" + id), 200).get("history").get(0);
    assertThat(version.get("importer").get("address").asString())
        .isEqualTo("Av. Reforma 100, Monterrey");
    assertThat(version.get("importer").get("registration").asString())
        .isEqualTo("RFC MSA010101AB1");
    assertThat(version.get("exporter").get("registration").asString())
        .as("a US party's registration is a DEA number, checked and upper-cased")
        .isEqualTo("AB1234563");
    assertThat(version.get("methodOfTransfer").asString()).isEqualTo("COMMON_CARRIER");
    assertThat(version.get("purchaserIdType").asString()).isEqualTo("BUSINESS_REGISTRATION");
    assertThat(version.get("purchaserIdNumber").asString()).isEqualTo("RFC MSA010101AB1");
    assertThat(read(liaison, REPORTS + "/" + id).getResponse().getStatus())
        .as("the identification is read only by those who read the report")
        .isEqualTo(404);
  }

  @Test
  void badRecordsFieldsAreProblemsNamingTheFieldAndStoreNothing() throws Exception {
    String machine = machine(exporterUser, "TX-B" + world.suffix());
    LocalDate day = today.plusDays(20);
    long before = reportsOf(exporterUser);

    assertField(
        postJson(exporterUser, REPORTS, recordsReport(day, machine, null, "TELEPORT", null, null)),
        400,
        "methodOfTransfer");
    assertField(
        postJson(
            exporterUser, REPORTS, recordsReport(day, machine, null, "POSTAL", null, "X-12345")),
        400,
        "purchaserIdType");
    assertField(
        postJson(
            exporterUser, REPORTS, recordsReport(day, machine, null, "POSTAL", "PASSPORT", null)),
        400,
        "purchaserIdNumber");
    assertField(
        postJson(exporterUser, REPORTS, recordsReport(day, machine, "AB1234564", null, null, null)),
        400,
        "exporter.registration");
    assertThat(reportsOf(exporterUser)).isEqualTo(before);
  }

  long reportsOf(String username) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM transaction_report r JOIN registrant g ON g.id = r.registrant_id"
                + " JOIN app_user u ON u.agency_code = g.agency_code WHERE u.username = :u")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  void assertField(MvcResult result, int status, String field) throws Exception {
    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
    assertThat(json.readTree(body).get("errors").get(0).get("field").asString())
        .as(body)
        .isEqualTo(field);
  }

  MvcResult read(String username, String path) throws Exception {
    return mvc.perform(
            get(path)
                .with(httpBasic(username, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
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
