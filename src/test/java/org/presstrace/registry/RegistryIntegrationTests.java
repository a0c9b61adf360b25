package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** The registry through its API: custody changes, who reads what, and trace. */
@PressTraceIntegrationTest
class RegistryIntegrationTests {

  static final String PURPOSE = "Case 2026-REG-0001";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired org.presstrace.ledger.Ledger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired org.presstrace.ledger.LedgerVerifier ledgerVerifier;

  World world;
  AccessContext admin;
  RegistrantView dealer;
  RegistrantView buyer;
  String dealerUser;
  String buyerUser;
  String investigator;
  String liaison;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    dealer = active("Tablet Dealers " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active("Nutra Owner " + world.suffix(), RegistrantCategory.OWNER);
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    buyerUser = world.user("buyer", buyer.agencyCode(), Role.REGISTRANT);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    investigator = world.user("investigator", dea, Role.INVESTIGATOR);
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

  String serial(String prefix) {
    return prefix + world.suffix();
  }

  String machine(String username, String serial) throws Exception {
    JsonNode body =
        ok(
            postJson(
                username,
                "/api/v1/registry/machines",
                "{\"serial\": \""
                    + serial
                    + "\", \"make\": \"Acme\", \"model\": \"RT-"
                    + world.suffix()
                    + "\", \"kind\": \"TABLETING_ROTARY\", \"location\": \"Bay 4\","
                    + " \"origin\": \"DECLARED\", \"occurredOn\": \""
                    + today
                    + "\"}"),
            201);
    return body.get("id").asString();
  }

  MvcResult transfer(String username, String machineId, String buyerRegistration) throws Exception {
    return postJson(
        username,
        "/api/v1/registry/machines/" + machineId + "/transfers",
        "{\"buyerRegistration\": \""
            + buyerRegistration
            + "\", \"buyerCheckedAt\": \""
            + Instant.now().minusSeconds(60)
            + "\", \"shippedOn\": \""
            + today
            + "\"}");
  }

  @Test
  void aDealerTransfersToAnActiveBuyerWhoThenReadsItWhileTheSellerNoLongerCan() throws Exception {
    String id = machine(dealerUser, serial("TR-"));
    assertThat(read(dealerUser, "/api/v1/registry/machines/" + id).getResponse().getStatus())
        .isEqualTo(200);
    assertThat(read(buyerUser, "/api/v1/registry/machines/" + id).getResponse().getStatus())
        .as("another registrant does not read it")
        .isEqualTo(404);

    JsonNode moved = ok(transfer(dealerUser, id, buyer.registrationNumber()), 200);
    assertThat(moved.get("holder").asString()).isEqualTo(buyer.id());

    assertThat(read(buyerUser, "/api/v1/registry/machines/" + id).getResponse().getStatus())
        .isEqualTo(200);
    assertThat(read(dealerUser, "/api/v1/registry/machines/" + id).getResponse().getStatus())
        .isEqualTo(404);
    JsonNode custody = ok(read(buyerUser, "/api/v1/registry/machines/" + id + "/custody"), 200);
    assertThat(custody).hasSize(2);
    JsonNode sale = custody.get(1);
    assertThat(sale.get("type").asString()).isEqualTo("MachineTransferred");
    assertThat(sale.get("fromRegistrant").asString()).isEqualTo(dealer.id());
    assertThat(sale.get("toRegistrant").asString()).isEqualTo(buyer.id());
    assertThat(sale.get("buyerRegistration").asString()).isEqualTo(buyer.registrationNumber());
    assertThat(sale.get("buyerCheckedAt").isNull()).isFalse();
    assertThat(sale.get("timing").asString()).isEqualTo("ON_TIME");
    assertThat(ledger.awaitIntegration()).as("everything committed integrated").isTrue();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event' AND ref = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .as("both custody events are leaves of the ledger")
        .isEqualTo(2);
    assertThat(ledgerVerifier.verify().firstDivergence()).isNull();
    assertThat(
            jdbc.sql("SELECT owner_agency FROM machine WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo(buyer.agencyCode());
  }

  @Test
  void transferringAStolenMachineIsRefusedNamingTheRule() throws Exception {
    String id = machine(dealerUser, serial("ST-"));
    ok(
        postJson(
            dealerUser,
            "/api/v1/registry/machines/" + id + "/loss-reports",
            "{\"kind\": \"STOLEN\", \"occurredOn\": \"" + today + "\", \"details\": \"break-in\"}"),
        200);

    MvcResult refused = transfer(dealerUser, id, buyer.registrationNumber());

    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(json.readTree(refused.getResponse().getContentAsString()).get("detail").asString())
        .endsWith("is STOLEN: lost, stolen, seized or forfeited equipment cannot be transferred");
  }

  @Test
  void aSuspendedBuyerIsRefused() throws Exception {
    String id = machine(dealerUser, serial("SU-"));
    registry.suspend(admin, buyer.id(), "inspection found unrecorded presses");

    MvcResult refused = transfer(dealerUser, id, buyer.registrationNumber());

    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentAsString())
        .contains("is SUSPENDED: only active registrants hold or acquire equipment");
    assertThat(registry.statusHistory(buyer.id()))
        .extracting(StatusChange::status)
        .containsExactly(
            RegistrantStatus.PENDING, RegistrantStatus.ACTIVE, RegistrantStatus.SUSPENDED);
  }

  @Test
  void aWrongBuyerRegistrationIsABadRequestNamingTheField() throws Exception {
    String id = machine(dealerUser, serial("WR-"));
    MvcResult refused = transfer(dealerUser, id, "PPR-NOSUCH00");
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    JsonNode problem = json.readTree(refused.getResponse().getContentAsString());
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("buyerRegistration");
  }

  @Test
  void tracingByPatternFindsThePartlyObliteratedSerialAndNeedsAPurpose() throws Exception {
    String wanted = machine(dealerUser, "A123-55" + world.suffix());
    machine(dealerUser, "A124-55" + world.suffix());
    String url = "/api/v1/registry/trace?pattern=A1?3-55*" + world.suffix();

    MvcResult withoutPurpose =
        mvc.perform(get(url).with(httpBasic(investigator, World.PASSWORD))).andReturn();
    assertThat(withoutPurpose.getResponse().getStatus()).isEqualTo(400);
    assertThat(withoutPurpose.getResponse().getContentAsString()).contains("\"purpose\"");

    JsonNode found = ok(read(investigator, url), 200);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("machine").get("id").asString()).isEqualTo(wanted);
    assertThat(found.get(0).get("match").asString()).isEqualTo("PATTERN");
    assertThat(found.get(0).get("lastLawfulHolder").get("id").asString()).isEqualTo(dealer.id());
    assertThat(found.get(0).get("custody").get(0).get("type").asString())
        .isEqualTo("MachineDeclared");
  }

  @Test
  void aPatternTraceNarrowedByItsFixedPrefixFindsSerialsAtTheEdgesOfThatPrefix() throws Exception {
    String nine = machine(dealerUser, "Q9-1234" + world.suffix());
    String last = machine(dealerUser, "Q9YY-234" + world.suffix());
    machine(dealerUser, "QA-1234" + world.suffix());
    machine(dealerUser, "Q8-1234" + world.suffix());

    JsonNode found = ok(read(investigator, "/api/v1/registry/trace?pattern=Q9*234*"), 200);

    assertThat(found.findValuesAsString("id")).contains(nine, last);
    assertThat(found)
        .allSatisfy(t -> assertThat(t.get("machine").get("serial").asString()).startsWith("Q9"));
  }

  @Test
  void aMakeAndModelTraceFindsModelsWithAnIUnderTheTurkishLocale() throws Exception {
    assertThat(java.util.Locale.getDefault().getLanguage()).isEqualTo("tr");
    String id =
        ok(
                postJson(
                    dealerUser,
                    "/api/v1/registry/machines",
                    "{\"serial\": \"PIP"
                        + world.suffix()
                        + "\", \"make\": \"Acme\", \"model\": \"PIP-16-"
                        + world.suffix()
                        + "\", \"kind\": \"TABLETING_ROTARY\", \"location\": \"Bay 4\","
                        + " \"origin\": \"DECLARED\", \"occurredOn\": \""
                        + today
                        + "\"}"),
                201)
            .get("id")
            .asString();

    JsonNode found =
        ok(
            read(
                investigator,
                "/api/v1/registry/trace?make=ACME&model=pip-16-"
                    + world.suffix().toLowerCase(java.util.Locale.ROOT)),
            200);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("machine").get("id").asString()).isEqualTo(id);
    assertThat(found.get(0).get("match").asString()).isEqualTo("MAKE_MODEL");
  }

  @Test
  void traceByLookAlikeSerialShowsTheOpenTheftAndTheNewHolder() throws Exception {
    String id = machine(dealerUser, "SO-10" + world.suffix());
    ok(transfer(dealerUser, id, buyer.registrationNumber()), 200);
    ok(
        postJson(
            buyerUser,
            "/api/v1/registry/machines/" + id + "/loss-reports",
            "{\"kind\": \"STOLEN\", \"occurredOn\": \"" + today + "\"}"),
        200);

    JsonNode found =
        ok(read(investigator, "/api/v1/registry/trace?serial=5o-1O" + world.suffix()), 200);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("match").asString()).isEqualTo("NORMALISED");
    assertThat(found.get(0).get("lastLawfulHolder").get("id").asString()).isEqualTo(buyer.id());
    assertThat(found.get(0).get("openLossOrTheft").get(0).get("type").asString())
        .isEqualTo("MachineReportedStolen");
    assertThat(found.get(0).get("custody")).hasSize(3);
  }

  @Test
  void aForeignLiaisonTracesNothing() throws Exception {
    String id = machine(dealerUser, serial("FL-"));
    JsonNode found = ok(read(liaison, "/api/v1/registry/trace?serial=" + serial("FL-")), 200);
    assertThat(found).isEmpty();
    assertThat(read(liaison, "/api/v1/registry/machines/" + id).getResponse().getStatus())
        .isEqualTo(404);
    assertThat(
            read(liaison, "/api/v1/registry/machines/" + id + "/custody").getResponse().getStatus())
        .isEqualTo(404);
    assertThat(ok(read(liaison, "/api/v1/registry/machines"), 200).get("totalItems").asLong())
        .isZero();
  }

  @Test
  void everyGuardedReadPathHidesEquipmentFromOtherRegistrantsAndAuditsThePurpose()
      throws Exception {
    String id = machine(dealerUser, serial("GP-"));
    for (String path :
        new String[] {
          "/api/v1/registry/machines/" + id,
          "/api/v1/registry/machines/" + id + "/custody",
          "/api/v1/registry/machines",
          "/api/v1/registry/trace?serial=" + serial("GP-")
        }) {
      String requestId = "reg-" + UUID.randomUUID();
      MvcResult result =
          mvc.perform(
                  get(path)
                      .with(httpBasic(buyerUser, World.PASSWORD))
                      .header("PressTrace-Purpose", PURPOSE)
                      .header("X-Request-Id", requestId))
              .andReturn();
      if (path.contains(id)) {
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
      } else {
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).as(path).doesNotContain(id);
      }
      long audited =
          jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE request_id = :id AND purpose = :purpose")
              .param("id", requestId)
              .param("purpose", PURPOSE)
              .query(Long.class)
              .single();
      assertThat(audited).as("audit entries for %s", path).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void serialsAreUniquePerMakeByTheSerialAsStamped() throws Exception {
    machine(dealerUser, "LO-55" + world.suffix());
    MvcResult clash =
        postJson(
            dealerUser,
            "/api/v1/registry/machines",
            "{\"serial\": \"lo 55"
                + world.suffix().toLowerCase(java.util.Locale.ROOT)
                + "\", \"make\": \"ACME\", \"model\": \"X\", \"kind\": \"DIE\","
                + " \"location\": \"Bay 4\", \"origin\": \"DECLARED\"}");
    assertThat(clash.getResponse().getStatus()).isEqualTo(409);
    assertThat(clash.getResponse().getContentAsString())
        .contains("serials are unique per manufacturer");
    MvcResult lookAlike =
        postJson(
            dealerUser,
            "/api/v1/registry/machines",
            "{\"serial\": \"10.55"
                + world.suffix()
                + "\", \"make\": \"ACME\", \"model\": \"X\", \"kind\": \"DIE\","
                + " \"location\": \"Bay 4\", \"origin\": \"DECLARED\"}");
    assertThat(lookAlike.getResponse().getStatus()).isEqualTo(201);
    assertThat(lookAlike.getResponse().getContentAsString())
        .contains("a similar serial exists for this make; check the plate");
  }

  @Test
  void aSeizureByAnInvestigatorIsRecordedAndDomesticAgenciesReadIt() throws Exception {
    String id = machine(dealerUser, serial("SZ-"));
    JsonNode seized =
        ok(
            postJson(
                investigator,
                "/api/v1/registry/machines/" + id + "/seizures",
                "{\"occurredOn\": \"" + today + "\", \"details\": \"warrant 26-114\"}"),
            200);
    assertThat(seized.get("state").asString()).isEqualTo("SEIZED");
    MvcResult refused =
        postJson(
            dealerUser,
            "/api/v1/registry/machines/" + id + "/seizures",
            "{\"occurredOn\": \"" + today + "\"}");
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void registrantStatusIsOpenToSignedInUsers() throws Exception {
    JsonNode view = ok(read(dealerUser, "/api/v1/registry/registrants/" + buyer.id()), 200);
    assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(view.has("contact")).isFalse();
    assertThat(view.get("address").isNull()).as("another registrant's address").isTrue();
    assertThat(
            read(dealerUser, "/api/v1/registry/registrants/" + buyer.id() + "/history")
                .getResponse()
                .getStatus())
        .as("another registrant's status history and its reasons")
        .isEqualTo(404);
    assertThat(ok(read(dealerUser, "/api/v1/registry/registrants?q=" + world.suffix()), 200))
        .hasSize(2);
  }

  @Test
  void registrationStatusChangesFollowTheirRules() {
    var applicant =
        registry.register(
            admin,
            new NewRegistrant(
                "Pending " + world.suffix(),
                null,
                RegistrantCategory.DEALER,
                null,
                "2 Way",
                null,
                null));
    assertThat(applicant.status()).isEqualTo(RegistrantStatus.PENDING);
    assertThatThrownBy(() -> registry.suspend(admin, applicant.id(), "no"))
        .isInstanceOf(org.presstrace.shared.ConflictingState.class)
        .hasMessageEndingWith("is PENDING: only an active registration is suspended");
    registry.revoke(admin, applicant.id(), "false statements in the application");
    assertThatThrownBy(() -> registry.activate(admin, applicant.id(), "appeal"))
        .isInstanceOf(org.presstrace.shared.ConflictingState.class)
        .hasMessageEndingWith("is REVOKED: a revoked registration is final");
    assertThatThrownBy(
            () ->
                registry.register(
                    admin,
                    new NewRegistrant(
                        "Bad DEA", null, RegistrantCategory.DEALER, "AB1234564", "x", null, null)))
        .isInstanceOf(org.presstrace.shared.InvalidRequest.class)
        .hasMessageContaining("fails the check digit");
    assertThatThrownBy(
            () ->
                registry.register(
                    world.as(dealerUser, Channel.API),
                    new NewRegistrant("X", null, RegistrantCategory.DEALER, null, "x", null, null)))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
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
