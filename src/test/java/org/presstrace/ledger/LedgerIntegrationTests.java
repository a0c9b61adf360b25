package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every audit entry lands in the Merkle log in its own transaction; heads are signed with the
 * published key; proofs served by the API verify with nothing but the head; and tampering with the
 * stored trail or log by SQL makes verification fail, naming what diverged.
 */
@PressTraceIntegrationTest
@TestPropertySource(properties = "presstrace.test.isolation=ledger")
class LedgerIntegrationTests {

  static final HexFormat HEX = HexFormat.of();

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Ledger ledger;
  @Autowired LedgerVerifier verifier;
  @Autowired Registry registry;

  World world;
  String investigator;
  String auditor;

  @BeforeEach
  void world() throws Exception {
    world = new World(directory);
    String agency = world.agency("LDG", AgencyKind.FEDERAL, "USA");
    investigator = world.user("inv", agency, Role.INVESTIGATOR);
    auditor = world.user("aud", agency, Role.AUDITOR);
    for (int i = 0; i < 3; i++) {
      mvc.perform(
              post("/api/v1/intel-reports")
                  .with(httpBasic(investigator, World.PASSWORD))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"title\": \"Ledger "
                          + i
                          + "\", \"summary\": \"s\", \"marking\": {\"tlp\": \"GREEN\"}}"))
          .andExpect(status().isCreated());
    }
    assertThat(ledger.awaitIntegration()).isTrue();
  }

  @Test
  void everyAuditEntryIsInTheLogAndItsProofVerifiesAgainstASignedHead() throws Exception {
    long entries = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    long custody = jdbc.sql("SELECT COUNT(*) FROM custody_event").query(Long.class).single();
    assertThat(ledger.size()).isEqualTo(entries + custody);

    JsonNode head = read("/api/v1/ledger/head");
    JsonNode key = read("/api/v1/ledger/key");
    var publicKey =
        KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new X509EncodedKeySpec(
                    Base64.getDecoder().decode(key.get("publicKey").asString())));
    var signature = Signature.getInstance("Ed25519");
    signature.initVerify(publicKey);
    long size = head.get("treeSize").asLong();
    signature.update(
        new SignedTreeHead(
                size,
                head.get("rootHash").asString(),
                Instant.parse(head.get("issuedAt").asString()),
                "",
                "")
            .signedBytes());
    assertThat(signature.verify(Base64.getDecoder().decode(head.get("signature").asString())))
        .isTrue();

    long lastEntry = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
    LedgerLeaf leaf = ledger.leafFor(AuditLeaves.KIND, String.valueOf(lastEntry)).orElseThrow();
    JsonNode proof =
        read("/api/v1/ledger/proofs/inclusion?index=" + leaf.index() + "&size=" + size);
    assertThat(
            MerkleVerifier.verifyInclusion(
                leaf.index(),
                size,
                HEX.parseHex(leaf.leafHash()),
                hashes(proof.get("auditPath")),
                HEX.parseHex(head.get("rootHash").asString())))
        .isTrue();

    mvc.perform(get("/api/v1/agencies").with(httpBasic(investigator, World.PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/v1/intel-reports")
                .with(httpBasic(investigator, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"title\": \"Later\", \"summary\": \"s\", \"marking\": {\"tlp\": \"GREEN\"}}"))
        .andExpect(status().isCreated());
    JsonNode later = read("/api/v1/ledger/head");
    long laterSize = later.get("treeSize").asLong();
    assertThat(laterSize).isGreaterThan(size);
    JsonNode consistency =
        read("/api/v1/ledger/proofs/consistency?first=" + size + "&second=" + laterSize);
    assertThat(
            MerkleVerifier.verifyConsistency(
                size,
                laterSize,
                hashes(consistency.get("proof")),
                HEX.parseHex(head.get("rootHash").asString()),
                HEX.parseHex(later.get("rootHash").asString())))
        .isTrue();

    mvc.perform(get("/api/v1/ledger/leaves/0").with(httpBasic(investigator, World.PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/ledger/leaves/0").with(httpBasic(auditor, World.PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/ledger/proofs/inclusion?index=0&size=" + (laterSize + 1000))
                .with(httpBasic(investigator, World.PASSWORD)))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anUntouchedLogVerifiesAndEachKindOfTamperingIsNamed() {
    assumeFalse(
        TestDatabase.postgres(),
        "on PostgreSQL the application's role cannot change these tables at all");
    ledger.head();
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();

    long entry =
        jdbc.sql("SELECT MAX(id) FROM audit_event WHERE action = 'CREATE'")
            .query(Long.class)
            .single();
    String outcome =
        jdbc.sql("SELECT outcome FROM audit_event WHERE id = :id")
            .param("id", entry)
            .query(String.class)
            .single();
    jdbc.sql("UPDATE audit_event SET outcome = 'NOTHING' WHERE id = :id")
        .param("id", entry)
        .update();
    assertThat(verifier.verify().firstDivergence())
        .contains("audit entry " + entry)
        .contains("field outcome");
    jdbc.sql("UPDATE audit_event SET outcome = :o WHERE id = :id")
        .param("o", outcome)
        .param("id", entry)
        .update();
    assertThat(verifier.verify().holds()).isTrue();

    jdbc.sql(
            "INSERT INTO audit_event (occurred_at, action, channel, outcome) VALUES (CURRENT_TIMESTAMP, 'FORGED', 'API', 'SHOWN')")
        .update();
    assertThat(verifier.verify().firstDivergence()).contains("is not in the log");
    jdbc.sql("DELETE FROM audit_event WHERE action = 'FORGED'").update();

    var first = jdbc.sql("SELECT * FROM ledger_leaf WHERE idx = 1").query(Ledger::leafOf).single();
    var second = jdbc.sql("SELECT * FROM ledger_leaf WHERE idx = 2").query(Ledger::leafOf).single();
    swap(1, second);
    swap(2, first);
    assertThat(verifier.verify().firstDivergence()).contains("does not match");
    swap(1, first);
    swap(2, second);
    assertThat(verifier.verify().holds()).isTrue();

    jdbc.sql("DELETE FROM ledger_leaf WHERE idx = 1").update();
    assertThat(verifier.verify().firstDivergence())
        .isEqualTo("leaf 1 is missing (next stored leaf is 2)");
    jdbc.sql(
            "INSERT INTO ledger_leaf (idx, kind, ref, data, leaf_hash, appended_at) VALUES (1, :k, :r, :d, :h, CURRENT_TIMESTAMP)")
        .param("k", first.kind())
        .param("r", first.ref())
        .param("d", first.data())
        .param("h", first.leafHash())
        .update();
    assertThat(verifier.verify().holds()).isTrue();

    SignedTreeHead head = ledger.head();
    jdbc.sql("UPDATE ledger_head SET root_hash = :r WHERE tree_size = :s")
        .param("r", "00".repeat(32))
        .param("s", head.treeSize())
        .update();
    assertThat(verifier.verify().firstDivergence())
        .contains("signed head at size " + head.treeSize())
        .contains("root");
    jdbc.sql("UPDATE ledger_head SET root_hash = :r, signature = :sig WHERE tree_size = :s")
        .param("r", head.rootHash())
        .param("sig", Base64.getEncoder().encodeToString(new byte[64]))
        .param("s", head.treeSize())
        .update();
    assertThat(verifier.verify().firstDivergence()).contains("signature does not verify");
    jdbc.sql("UPDATE ledger_head SET signature = :sig WHERE tree_size = :s")
        .param("sig", head.signature())
        .param("s", head.treeSize())
        .update();
    assertThat(verifier.verify().holds()).isTrue();
  }

  @Test
  void aCustodyRowChangedBySqlIsNamedByEventAndColumn() {
    assumeFalse(
        TestDatabase.postgres(), "on PostgreSQL the application's role cannot change custody rows");
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var dealer = active(admin, "Dealer " + world.suffix(), RegistrantCategory.DEALER);
    var buyer = active(admin, "Buyer " + world.suffix(), RegistrantCategory.OWNER);
    var seller = world.as(world.user("dealer", dealer.agencyCode(), Role.REGISTRANT), Channel.API);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String machine =
        registry
            .registerMachine(
                seller,
                new NewMachine(
                    "LDG-" + world.suffix(),
                    false,
                    "Acme",
                    "RT",
                    EquipmentKind.TABLETING_ROTARY,
                    null,
                    "  Bay 4  ",
                    EquipmentOrigin.DECLARED,
                    null,
                    today,
                    null))
            .id();
    registry.transfer(
        seller,
        machine,
        new Transfer(buyer.registrationNumber(), Instant.now().minusSeconds(60), today));
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();

    String transfer =
        jdbc.sql("SELECT id FROM custody_event WHERE machine_id = :m AND seq = 2")
            .param("m", machine)
            .query(String.class)
            .single();
    jdbc.sql("UPDATE custody_event SET to_registrant = :r WHERE id = :id")
        .param("r", dealer.id())
        .param("id", transfer)
        .update();
    assertThat(verifier.verify().firstDivergence())
        .contains("custody event " + transfer)
        .contains("machine " + machine)
        .contains("field to_registrant does not match its leaf");
    jdbc.sql("UPDATE custody_event SET to_registrant = :r, occurred_on = :d WHERE id = :id")
        .param("r", buyer.id())
        .param("d", today.minusDays(3))
        .param("id", transfer)
        .update();
    assertThat(verifier.verify().firstDivergence())
        .contains("custody event " + transfer)
        .contains("field occurred_on");
    jdbc.sql("UPDATE custody_event SET occurred_on = :d WHERE id = :id")
        .param("d", today)
        .param("id", transfer)
        .update();
    assertThat(verifier.verify().holds()).isTrue();

    jdbc.sql("UPDATE custody_event SET seq = 9 WHERE id = :id").param("id", transfer).update();
    assertThat(verifier.verify().firstDivergence())
        .contains("custody event 2 of machine " + machine + " is missing from the registry");
    jdbc.sql("UPDATE custody_event SET seq = 2 WHERE id = :id").param("id", transfer).update();
    assertThat(verifier.verify().holds()).isTrue();
  }

  private RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  private void swap(long index, LedgerLeaf with) {
    jdbc.sql("UPDATE ledger_leaf SET kind = :k, ref = :r, data = :d, leaf_hash = :h WHERE idx = :i")
        .param("k", with.kind())
        .param("r", with.ref())
        .param("d", with.data())
        .param("h", with.leafHash())
        .param("i", index)
        .update();
  }

  private JsonNode read(String path) throws Exception {
    String body =
        mvc.perform(get(path).with(httpBasic(investigator, World.PASSWORD)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  private static List<byte[]> hashes(JsonNode array) {
    var list = new java.util.ArrayList<byte[]>();
    array.forEach(node -> list.add(HEX.parseHex(node.asString())));
    return list;
  }
}
