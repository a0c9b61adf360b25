package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
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
 * Seizures end to end: equipment traced and seized with alerts to the regulator, bad input stored
 * nowhere, CSV import all or nothing, and aggregates limited to what the analyst may read.
 */
@PressTraceIntegrationTest
class SeizuresIntegrationTests {

  static final String PURPOSE = "Case 2026-SZ-0001";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Trace trace;
  @Autowired Seizures seizures;
  @Autowired SeizureAnalytics analytics;
  @Autowired Releases releases;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  String cbp;
  String investigator;
  String regulatorUser;
  final String when =
      LocalDateTime.now(ZoneId.of("America/Phoenix"))
          .minusDays(2)
          .truncatedTo(ChronoUnit.MINUTES)
          .toString();

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency("DEA", "Drug Enforcement Administration", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    investigator = world.user("officer", cbp, Role.INVESTIGATOR);
    regulatorUser = world.user("diversion", "DEA", Role.INVESTIGATOR);
  }

  String body(String extraItem, String equipment) {
    return """
        {"occurredAt": "%s", "zone": "America/Phoenix", "context": "PORT_OF_ENTRY",
         "portOfEntry": "Nogales", "region": "AZ", "latitude": "31.3322", "longitude": "-110.9381",
         "marking": {"tlp": "AMBER", "cuiCategory": "LEI"},
         "items": [{"substance": "fentanyl", "form": "pills", "netWeight": "1.1", "netUnit": "kg",
                    "grossWeight": 1.2, "grossUnit": "kg", "pillCount": "10000", "imprint": "M 30",
                    "colour": "blue", "mgPerPill": "2.4", "shareAtLeast2mgPct": "60"}%s],
         "equipment": [%s],
         "parties": [{"kind": "vehicle", "name": "AZ plate ABC1234", "role": "conveyance"}]}
        """
        .formatted(when, extraItem, equipment);
  }

  MvcResult postJson(String user, String url, String content) throws Exception {
    return mvc.perform(
            post(url)
                .with(httpBasic(user, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(content))
        .andReturn();
  }

  JsonNode read(String user, String url) throws Exception {
    MvcResult result =
        mvc.perform(
                get(url)
                    .with(httpBasic(user, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(url + ": " + result.getResponse().getContentAsString())
        .isEqualTo(200);
    return json.readTree(result.getResponse().getContentAsString());
  }

  long seizureRows() {
    return jdbc.sql("SELECT COUNT(*) FROM seizure WHERE owner_agency = :a")
        .param("a", cbp)
        .query(Long.class)
        .single();
  }

  String stolenPress(String serial) {
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var owner =
        registry.register(
            admin,
            new NewRegistrant(
                "Owner " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "1 Way",
                null,
                "USA"));
    registry.activate(admin, owner.id(), "inspected");
    AccessContext holder =
        world.as(world.user("holder", owner.agencyCode(), Role.REGISTRANT), Channel.API);
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(10);
    var machine =
        registry.registerMachine(
            holder,
            new NewMachine(
                serial,
                false,
                "Acme",
                "RT-24",
                EquipmentKind.TABLETING_ROTARY,
                null,
                "Bay 1",
                EquipmentOrigin.DECLARED,
                null,
                day,
                null));
    registry.reportStolen(holder, machine.id(), new CustodyReport(day.plusDays(1), "break-in"));
    return machine.id();
  }

  @Test
  void aStolenPressIsSeizedAndAlertedAndAnUnknownSerialIsFlaggedUnregistered() throws Exception {
    String serial = "ST-" + world.suffix();
    String machineId = stolenPress(serial);
    String unknown = "ZZ-" + world.suffix();
    String before = java.time.Instant.now().minusSeconds(1).toString();
    MvcResult created =
        postJson(
            investigator,
            "/api/v1/seizures",
            body(
                "",
                "{\"serial\": \""
                    + serial
                    + "\", \"kind\": \"press\"},"
                    + " {\"serial\": \""
                    + unknown
                    + "\", \"kind\": \"mould\"}"));
    assertThat(created.getResponse().getStatus())
        .as(created.getResponse().getContentAsString())
        .isEqualTo(201);
    JsonNode detail = json.readTree(created.getResponse().getContentAsString());
    String id = detail.get("seizure").get("id").asString();
    JsonNode equipment = detail.get("equipment");
    assertThat(equipment.get(0).get("outcome").asString()).isEqualTo("SEIZED_STOLEN");
    assertThat(equipment.get(0).get("priorState").asString()).isEqualTo("STOLEN");
    assertThat(equipment.get(0).get("machineId").asString()).isEqualTo(machineId);
    assertThat(equipment.get(1).get("outcome").asString()).isEqualTo("UNREGISTERED");
    assertThat(detail.get("seizure").get("unregistered").asInt()).isEqualTo(1);
    assertThat(detail.get("seizure").get("presses").asInt()).isEqualTo(1);

    AccessContext officer = world.as(investigator, Channel.API);
    var machine = trace.machine(officer, machineId);
    assertThat(machine.state()).isEqualTo(CustodyState.SEIZED);
    assertThat(trace.custody(officer, machineId).get(2).agency()).isEqualTo(cbp);

    JsonNode alerts = read(regulatorUser, "/api/v1/alerts?status=OPEN&size=200");
    var mine =
        alerts
            .get("items")
            .valueStream()
            .filter(
                a ->
                    a.get("subjectId").asString().equals(machineId)
                        || a.get("kind").asString().equals("UNREGISTERED_EQUIPMENT")
                            && a.get("raisedAt").asString().compareTo(before) >= 0)
            .toList();
    assertThat(mine)
        .extracting(a -> a.get("kind").asString())
        .containsExactlyInAnyOrder("SEIZED_EQUIPMENT", "UNREGISTERED_EQUIPMENT");
    assertThat(mine)
        .as("the regulator may not read CBP's AMBER seizure: it learns the facts only")
        .allSatisfy(
            a ->
                assertThat(a.get("message").asString())
                    .contains("seized by a law enforcement agency")
                    .doesNotContain(id)
                    .doesNotContain(cbp));
    assertThat(mine)
        .allSatisfy(a -> assertThat(a.get("recipientAgency").asString()).isEqualTo("DEA"));
    assertThat(mine.stream().map(a -> a.get("title").asString()))
        .anyMatch(t -> t.equals("Stolen equipment " + serial + " seized"));
    JsonNode reporterAlerts = read(investigator, "/api/v1/alerts?size=200");
    assertThat(reporterAlerts.get("totalItems").asLong())
        .as("the regulator's alerts are the regulator's")
        .isZero();

    String alertId = mine.get(0).get("id").asString();
    MvcResult ack = postJson(regulatorUser, "/api/v1/alerts/" + alertId + "/acknowledgement", "");
    assertThat(ack.getResponse().getStatus()).isEqualTo(200);
    assertThat(json.readTree(ack.getResponse().getContentAsString()).get("status").asString())
        .isEqualTo("ACKNOWLEDGED");
  }

  @Test
  void theStoredReportCarriesScreeningAndEveryDoseEstimateWithItsMethod() throws Exception {
    MvcResult created =
        postJson(
            investigator,
            "/api/v1/seizures",
            body(
                ", {\"substance\": \"4-ANPP\", \"form\": \"precursor\", \"netWeight\": \"25\","
                    + " \"netUnit\": \"kg\"}, {\"substance\": \"fentanyl\", \"cas\": \"437-38-7\","
                    + " \"form\": \"powder\", \"netWeight\": \"2\", \"netUnit\": \"lb\","
                    + " \"purityPct\": \"12\"}",
                ""));
    assertThat(created.getResponse().getStatus())
        .as(created.getResponse().getContentAsString())
        .isEqualTo(201);
    String id =
        json.readTree(created.getResponse().getContentAsString())
            .get("seizure")
            .get("id")
            .asString();
    JsonNode items = read(investigator, "/api/v1/seizures/" + id).get("items");
    JsonNode pills = items.get(0);
    assertThat(pills.get("screenStatus").asString()).isEqualTo("LISTED");
    assertThat(pills.get("family").asString()).isEqualTo("fentanyl");
    assertThat(pills.get("best").get("method").asString()).isEqualTo("PILL_CONTENT");
    assertThat(pills.get("best").get("doses").asLong()).isEqualTo(12_000L);
    assertThat(pills.get("estimates").valueStream().map(e -> e.get("method").asString()).toList())
        .containsExactly("PILL_CONTENT", "GROSS_UNADJUSTED");
    JsonNode precursor = items.get(1);
    assertThat(precursor.get("family").asString()).isEqualTo("fentanyl-precursor");
    assertThat(precursor.get("estimates")).isEmpty();
    JsonNode powder = items.get(2);
    assertThat(powder.get("best").get("method").asString()).isEqualTo("LAB_PURITY");
    // 2 lb x 12% = 108,862.1688 mg = 54,431 doses
    assertThat(powder.get("best").get("doses").asLong()).isEqualTo(54_431L);
    assertThat(powder.get("best").get("assumptions").asString())
        .contains("2 lb net x 12% lab purity");
    assertThat(powder.get("netMg").decimalValue()).isEqualByComparingTo("907184.74");
  }

  @Test
  void badInputGetsAClearErrorNamingTheFieldAndStoresNothing() throws Exception {
    long before = seizureRows();
    var cases =
        List.of(
            List.of(
                "\"netWeight\": \"1.1\"",
                "\"netWeight\": \"-1.1\"",
                "items[0].netWeight",
                "must be positive"),
            List.of(
                "\"mgPerPill\": \"2.4\"",
                "\"mgPerPill\": \"2.4\", \"purityPct\": \"101\"",
                "items[0].purityPct",
                "not between 0 and 100%"),
            List.of(
                "\"netUnit\": \"kg\"",
                "\"netUnit\": \"stone\"",
                "items[0].netUnit",
                "'stone' is not one of mg, g, kg, oz, lb"),
            List.of(
                "\"form\": \"pills\"",
                "\"form\": \"powder\"",
                "items[0].pillCount",
                "a pill count is for pills, not for powder"),
            List.of(
                "\"latitude\": \"31.3322\"",
                "\"latitude\": \"131.3\"",
                "latitude",
                "outside -90 to 90"),
            List.of(
                "\"occurredAt\": \"" + when + "\"",
                "\"occurredAt\": \""
                    + LocalDateTime.now(ZoneId.of("America/Phoenix"))
                        .plusDays(3)
                        .truncatedTo(ChronoUnit.MINUTES)
                    + "\"",
                "occurredAt",
                "in the future"));
    for (List<String> c : cases) {
      String content = body("", "").replace(c.get(0), c.get(1));
      assertThat(content).as("case applies").contains(c.get(1));
      MvcResult result = postJson(investigator, "/api/v1/seizures", content);
      String response = result.getResponse().getContentAsString();
      assertThat(result.getResponse().getStatus()).as(response).isEqualTo(400);
      JsonNode problem = json.readTree(response);
      assertThat(problem.get("errors").get(0).get("field").asString())
          .as(response)
          .isEqualTo(c.get(2));
      assertThat(problem.get("detail").asString()).contains(c.get(3));
    }
    assertThat(seizureRows()).isEqualTo(before);
  }

  @Test
  void aCsvImportIsAllOrNothingWithEveryProblemByRowAndColumn() throws Exception {
    String header = String.join(",", SeizureCsv.COLUMNS) + "\n";
    String good =
        ","
            + when
            + ",America/Phoenix,PORT_OF_ENTRY,Nogales,AZ,,31.33,-110.93,fentanyl,,pills,"
            + "1.1,kg,,,10000,M 30,blue,,2.1,,,person:Jane Roe,AMBER,LEI,,\n";
    String bad =
        ","
            + when
            + ",America/Phoenix,INTERIOR,,AZ,,,,fentanyl,,powder,-2,kg,,,50,,,140,,,,,AMBER,,,\n";
    long before = seizureRows();
    MvcResult rejected = upload(header + good + bad);
    assertThat(rejected.getResponse().getStatus()).isEqualTo(422);
    JsonNode report = json.readTree(rejected.getResponse().getContentAsString());
    assertThat(report.get("stored").asInt()).isZero();
    assertThat(
            report
                .get("problems")
                .valueStream()
                .map(p -> p.get("row").asInt() + ":" + p.get("field").asString())
                .toList())
        .containsExactlyInAnyOrder("2:net_weight", "2:pill_count", "2:purity_pct");
    assertThat(seizureRows()).as("nothing stored").isEqualTo(before);

    MvcResult accepted = upload(header + good + good);
    assertThat(accepted.getResponse().getStatus())
        .as(accepted.getResponse().getContentAsString())
        .isEqualTo(201);
    assertThat(json.readTree(accepted.getResponse().getContentAsString()).get("stored").asInt())
        .isEqualTo(2);
    assertThat(seizureRows()).isEqualTo(before + 2);

    MvcResult badHeader = upload("when,where\n1,2\n");
    assertThat(badHeader.getResponse().getStatus()).isEqualTo(422);
    assertThat(badHeader.getResponse().getContentAsString()).contains("unknown column 'when'");
  }

  @Test
  void anUploadThatIsNotUtf8IsRefusedWithItsLineAndColumnAndNothingStored() throws Exception {
    long before = seizureRows();
    var bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes("substance,place\nfentanyl,".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});

    MvcResult refused =
        mvc.perform(
                multipart("/api/v1/seizures/import")
                    .file(new MockMultipartFile("file", "s.csv", "text/csv", bytes.toByteArray()))
                    .with(httpBasic(investigator, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE))
            .andReturn();

    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    JsonNode problem = json.readTree(refused.getResponse().getContentAsString());
    assertThat(problem.get("detail").asString())
        .startsWith("line 2, column 2 (place): the text is not valid UTF-8");
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("place");
    assertThat(seizureRows()).isEqualTo(before);
  }

  MvcResult upload(String csv) throws Exception {
    return mvc.perform(
            multipart("/api/v1/seizures/import")
                .file(
                    new MockMultipartFile(
                        "file", "seizures.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(investigator, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andReturn();
  }

  @Test
  void anAnalystOfAgencyASeesAggregatesWithoutAgencyBsUnreleasedRecords() throws Exception {
    String agencyA = world.agency("STATEA", AgencyKind.STATE, "USA");
    String analyst = world.user("analyst", agencyA, Role.ANALYST);
    String agencyB = world.agency("AGENCYB", AgencyKind.FEDERAL, "USA");
    AccessContext reporterB =
        world.as(world.user("reporterb", agencyB, Role.INVESTIGATOR), Channel.API);
    AccessContext supervisorB =
        world.as(world.user("supervisorb", agencyB, Role.SUPERVISOR), Channel.API);
    String region = "WY";
    String released = seizeIn(reporterB, region, Tlp.AMBER, "1000");
    seizeIn(reporterB, region, Tlp.AMBER, "20000");
    seizeIn(reporterB, region, Tlp.GREEN, "300");
    var release = releases.request(reporterB, "seizure", released, agencyA, "joint case with A");
    releases.approve(supervisorB, release.id(), "approved for the joint case");

    JsonNode forA =
        read(analyst, "/api/v1/seizures/analytics/series?period=all&region=" + region).get("rows");
    assertThat(forA).hasSize(1);
    assertThat(forA.get(0).get("pills").asLong())
        .as("released AMBER + GREEN only")
        .isEqualTo(1300L);
    assertThat(forA.get(0).get("seizures").asLong()).isEqualTo(2L);
    JsonNode forB =
        read(
                reporterB.caller().username(),
                "/api/v1/seizures/analytics/series?period=all&region=" + region)
            .get("rows");
    assertThat(forB.get(0).get("pills").asLong()).isEqualTo(21_300L);
    JsonNode rollUp =
        read(analyst, "/api/v1/seizures/analytics/last-months?months=1&region=" + region)
            .get("rollUp");
    assertThat(rollUp.get("totals").get("pills").asLong()).isEqualTo(1300L);
    assertThat(rollUp.get("totals").get("best").get("itemsByMethod").get("PILL_CONTENT").asLong())
        .isEqualTo(2L);
    JsonNode list = read(analyst, "/api/v1/seizures?region=" + region);
    assertThat(list.get("totalItems").asLong()).isEqualTo(2L);
  }

  String seizeIn(AccessContext reporter, String region, Tlp tlp, String pills) {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl",
            null,
            "pills",
            null,
            null,
            null,
            null,
            pills,
            "M 30",
            "blue",
            null,
            "2",
            null);
    var draft =
        new SeizureDraft(
            null,
            LocalDateTime.now(ZoneOffset.UTC)
                .minusHours(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString(),
            "UTC",
            "INTERIOR",
            null,
            region,
            null,
            null,
            null,
            null,
            new Marking(reporter.caller().agency(), tlp, "LEI", false, null, null),
            List.of(item),
            List.of(),
            List.of());
    return seizures.report(reporter, draft).seizure().id();
  }
}
