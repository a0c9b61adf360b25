package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Transfer;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ledger proves without disclosing: a custody leaf holds salted commitments to the event's
 * content, never the content, so an auditor reading leaves learns no seizure reference, theft
 * detail or place; verification still names the record and field changed in the stored row, and an
 * export of commitments still checks offline.
 */
@PressTraceIntegrationTest
@TestPropertySource(properties = "presstrace.test.isolation=ledger-commitments")
class LedgerCommitmentIntegrationTests {

  static final String PLACE = "Warehouse 9, Calle Sur";
  static final String FIRST_PLACE = "Bay 4";
  static final String THEFT = "Cut loose from the van at gate 3";
  static final String SEIZURE = "SEIZ-2026-0042";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Ledger ledger;
  @Autowired LedgerVerifier verifier;
  @Autowired LedgerExport export;
  @Autowired Registry registry;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AuditTrail audit;

  World world;
  String auditor;
  AccessContext seller;
  AccessContext investigator;
  RegistrantView dealer;
  RegistrantView buyer;
  LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void world() {
    world = new World(directory);
    String agency = world.agency("CMT", AgencyKind.FEDERAL, "USA");
    auditor = world.user("aud", agency, Role.AUDITOR);
    investigator = world.as(world.user("inv", agency, Role.INVESTIGATOR), Channel.API);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    dealer = active(admin, "Dealer " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active(admin, "Buyer " + world.suffix(), RegistrantCategory.OWNER);
    seller = world.as(world.user("dealer", dealer.agencyCode(), Role.REGISTRANT), Channel.API);
  }

  @Test
  void auditorReadsNoCustodyContentThroughLedgerLeaf() throws Exception {
    String machine = machineAt(FIRST_PLACE);
    registry.relocate(seller, machine, new CustodyReport(today, PLACE));
    registry.reportStolen(seller, machine, new CustodyReport(today, THEFT));
    registry.seize(investigator, machine, new CustodyReport(today, SEIZURE));

    List<Long> leaves = custodyLeaves(machine);
    assertThat(leaves).hasSize(4);
    for (long index : leaves) {
      String body =
          mvc.perform(
                  get("/api/v1/ledger/leaves/" + index).with(httpBasic(auditor, World.PASSWORD)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(body)
          .contains(machine)
          .doesNotContain(SEIZURE)
          .doesNotContain("SEIZ")
          .doesNotContain(THEFT)
          .doesNotContain("gate 3")
          .doesNotContain(PLACE)
          .doesNotContain("Calle Sur")
          .doesNotContain(FIRST_PLACE)
          .doesNotContain(dealer.id());
    }
    JsonNode seized = json.readTree(ledger.leaf(leaves.get(3)).data());
    assertThat(seized.path("type").asString()).isEqualTo("MachineSeized");
    assertThat(seized.has("agency"))
        .as("an event with its own marking commits to its agency instead of naming it")
        .isFalse();
    assertThat(seized.has(CustodyLeaves.COMMIT + "agency")).isTrue();
    assertThat(seized.toString()).doesNotContain(investigator.caller().agency());
    assertThat(seized.has("details")).isFalse();
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void auditorReadsNoPurposeOrDetailTextThroughAuditLeaf() throws Exception {
    var looking =
        new AccessContext(
            investigator.caller(), Channel.API, new Purpose("Tracing Maria Lopez, case 2026-0142"));
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                audit.record(
                    looking, "SEARCH", "subject", null, "SHOWN", "query 'Maria Lopez' matched 2"));
    long entry = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
    assertThat(ledger.awaitIntegration()).isTrue();
    long index = ledger.leafFor(AuditLeaves.KIND, String.valueOf(entry)).orElseThrow().index();

    String body =
        mvc.perform(get("/api/v1/ledger/leaves/" + index).with(httpBasic(auditor, World.PASSWORD)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body)
        .doesNotContain("Maria")
        .doesNotContain("Lopez")
        .doesNotContain("2026-0142")
        .contains("SEARCH")
        .contains(investigator.caller().username());
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void verifyNamesTheAuditEntryWhosePurposeOrDetailWasChanged() {
    assumeFalse(TestDatabase.postgres(), "on PostgreSQL the application's role cannot change this");
    var looking =
        new AccessContext(investigator.caller(), Channel.API, new Purpose("Case 2026-0142"));
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> audit.record(looking, "SEARCH", "subject", null, "SHOWN", "query 'Lopez'"));
    long entry = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();

    for (String column : List.of("purpose", "detail")) {
      String before =
          jdbc.sql("SELECT " + column + " FROM audit_event WHERE id = :id")
              .param("id", entry)
              .query(String.class)
              .single();
      jdbc.sql("UPDATE audit_event SET " + column + " = 'Case 2026-0143' WHERE id = :id")
          .param("id", entry)
          .update();
      assertThat(verifier.verify().firstDivergence())
          .contains("audit entry " + entry)
          .contains("field " + column + " does not match its leaf");
      jdbc.sql("UPDATE audit_event SET " + column + " = :v WHERE id = :id")
          .param("v", before)
          .param("id", entry)
          .update();
      assertThat(verifier.verify().holds()).isTrue();
    }
  }

  @Test
  void verifyNamesTheCustodyEventAndFieldOfARowChangedBySql() {
    assumeFalse(
        TestDatabase.postgres(), "on PostgreSQL the application's role cannot change custody rows");
    String machine = machineAt(FIRST_PLACE);
    registry.relocate(seller, machine, new CustodyReport(today, PLACE));
    registry.seize(investigator, machine, new CustodyReport(today, SEIZURE));
    String other = machineAt("Bay 5");
    registry.transfer(
        seller,
        other,
        new Transfer(buyer.registrationNumber(), Instant.now().minusSeconds(60), today));
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();

    String relocation = eventId(machine, 2);
    String seizure = eventId(machine, 3);
    String transfer = eventId(other, 2);
    tampered(relocation, "details", "Warehouse 8, Calle Sur", PLACE);
    tampered(seizure, "details", "SEIZ-2026-0043", SEIZURE);
    tampered(seizure, "occurred_on", today.minusDays(2), today);
    tampered(transfer, "to_registrant", dealer.id(), buyer.id());
    tampered(eventId(machine, 1), "salt", "00".repeat(16), salt(eventId(machine, 1)));

    // Lowering the seizure's own marking to expose it to the holder is named as well.
    jdbc.sql("UPDATE custody_event SET tlp = 'CLEAR', cui_category = NULL WHERE id = :id")
        .param("id", seizure)
        .update();
    assertThat(verifier.verify().firstDivergence())
        .contains("custody event " + seizure)
        .contains("field marking does not match its leaf");
    jdbc.sql("UPDATE custody_event SET tlp = 'AMBER', cui_category = 'LEI' WHERE id = :id")
        .param("id", seizure)
        .update();
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void aLeafWrittenBeforeCommitmentsKeepsItsFormAndIsStillChecked() {
    assumeFalse(
        TestDatabase.postgres(), "on PostgreSQL the application's role cannot change custody rows");
    String machine = machineAt(FIRST_PLACE);
    var legacy = new LinkedHashMap<String, Object>();
    legacy.put("type", "MachineRelocated");
    legacy.put("machineId", machine);
    legacy.put("holder", dealer.id());
    legacy.put("details", "Old shed");
    legacy.put("occurredOn", today.toString());
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              jdbc.sql(
                      """
                      INSERT INTO custody_event (id, machine_id, seq, type, occurred_on,
                                                 reported_at, to_registrant, details, recorded_by)
                      VALUES (:id, :machine, 2, 'MachineRelocated', :on, CURRENT_TIMESTAMP,
                              :holder, 'Old shed', 'legacy')
                      """)
                  .param("id", UUID.randomUUID().toString())
                  .param("machine", machine)
                  .param("on", today)
                  .param("holder", dealer.id())
                  .update();
              ledger.append(CustodyLeaves.KIND, machine, CanonicalJson.of(legacy));
            });
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();

    String event = eventId(machine, 2);
    jdbc.sql("UPDATE custody_event SET details = 'New shed' WHERE id = :id")
        .param("id", event)
        .update();
    assertThat(verifier.verify().firstDivergence())
        .contains("custody event " + event)
        .contains("field details differs from the log");
    jdbc.sql("UPDATE custody_event SET details = 'Old shed' WHERE id = :id")
        .param("id", event)
        .update();
    assertThat(verifier.verify().holds()).isTrue();

    String current = eventId(machine, 1);
    String salt = salt(current);
    jdbc.sql("UPDATE custody_event SET salt = NULL WHERE id = :id").param("id", current).update();
    assertThat(verifier.verify().firstDivergence())
        .contains("custody event " + current)
        .contains("has no salt");
    jdbc.sql("UPDATE custody_event SET salt = :s WHERE id = :id")
        .param("s", salt)
        .param("id", current)
        .update();
    assertThat(verifier.verify().holds()).isTrue();
  }

  @Test
  void theSameShortValueCommitsDifferentlyInTwoLeaves() {
    String first = machineAt(FIRST_PLACE);
    String second = machineAt("Bay 7");
    registry.relocate(seller, first, new CustodyReport(today, "Bay 9"));
    registry.relocate(seller, second, new CustodyReport(today, "Bay 9"));

    JsonNode one = json.readTree(ledger.leaf(custodyLeaves(first).get(1)).data());
    JsonNode two = json.readTree(ledger.leaf(custodyLeaves(second).get(1)).data());
    assertThat(one.path("commit.details").asString()).hasSize(64);
    assertThat(one.path("commit.details").asString())
        .isNotEqualTo(two.path("commit.details").asString());
    assertThat(one.path("commit.occurred_on").asString())
        .isNotEqualTo(two.path("commit.occurred_on").asString());
    assertThat(salt(eventId(first, 2))).isNotEqualTo(salt(eventId(second, 2))).hasSize(32);
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void anExportOfCommitmentsChecksOfflineAndATamperedOneFails() throws Exception {
    String machine = machineAt(FIRST_PLACE);
    registry.reportStolen(seller, machine, new CustodyReport(today, THEFT));
    var out = new StringWriter();
    export.export(out);
    var lines = new ArrayList<>(out.toString().lines().toList());
    assertThat(String.join("\n", lines))
        .doesNotContain(THEFT)
        .doesNotContain(FIRST_PLACE)
        .contains("commit.details");
    var key = LedgerKeys.publicKey(ledger.publicKey());
    Verification untouched = new ExportCheck(key).check(reader(lines));
    assertThat(untouched.holds()).as(untouched.firstDivergence()).isTrue();

    long theft = custodyLeaves(machine).get(1);
    int line = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("{\"type\":\"leaf\",\"index\":" + theft + ",")) {
        line = i;
      }
    }
    ObjectNode leaf = (ObjectNode) json.readTree(lines.get(line));
    String data = leaf.path("data").asString();
    String commitment = json.readTree(data).path("commit.details").asString();
    String altered = (commitment.charAt(0) == '0' ? "1" : "0") + commitment.substring(1);
    leaf.put("data", data.replace(commitment, altered));
    lines.set(line, json.writeValueAsString(leaf));
    assertThat(new ExportCheck(key).check(reader(lines)).firstDivergence())
        .contains("leaf " + theft)
        .contains("hash does not match its data");
  }

  private void tampered(String event, String column, Object changed, Object original) {
    String machine =
        jdbc.sql("SELECT machine_id FROM custody_event WHERE id = :id")
            .param("id", event)
            .query(String.class)
            .single();
    jdbc.sql("UPDATE custody_event SET " + column + " = :v WHERE id = :id")
        .param("v", changed)
        .param("id", event)
        .update();
    assertThat(verifier.verify().firstDivergence())
        .contains("custody event " + event)
        .contains("machine " + machine)
        .contains("field " + (column.equals("salt") ? "occurred_on" : column))
        .contains("does not match its leaf");
    jdbc.sql("UPDATE custody_event SET " + column + " = :v WHERE id = :id")
        .param("v", original)
        .param("id", event)
        .update();
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  private String machineAt(String location) {
    return registry
        .registerMachine(
            seller,
            new NewMachine(
                "CMT-" + world.suffix() + "-" + location.replace(' ', '-'),
                false,
                "Acme",
                "RT",
                EquipmentKind.TABLETING_ROTARY,
                null,
                location,
                EquipmentOrigin.DECLARED,
                null,
                today,
                null))
        .id();
  }

  private List<Long> custodyLeaves(String machine) {
    assertThat(ledger.awaitIntegration()).isTrue();
    return jdbc.sql("SELECT idx FROM ledger_leaf WHERE kind = :k AND ref = :m ORDER BY idx")
        .param("k", CustodyLeaves.KIND)
        .param("m", machine)
        .query(Long.class)
        .list();
  }

  private String eventId(String machine, int seq) {
    return jdbc.sql("SELECT id FROM custody_event WHERE machine_id = :m AND seq = :s")
        .param("m", machine)
        .param("s", seq)
        .query(String.class)
        .single();
  }

  private String salt(String event) {
    return jdbc.sql("SELECT salt FROM custody_event WHERE id = :id")
        .param("id", event)
        .query(String.class)
        .single();
  }

  private RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  private static BufferedReader reader(List<String> lines) {
    return new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
  }
}
