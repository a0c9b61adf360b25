package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
 * A sale recorded by its seller waits for the buyer: the buyer confirms receipt, reading the serial
 * off the plate, or disputes it. A dispute or a plate that reads otherwise is a compliance item at
 * once; a receipt nobody confirms becomes one after the configured days, as a diversion in transit
 * would show.
 */
@PressTraceIntegrationTest
class TransferReceiptIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired ComplianceQueue queue;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  RegistrantView seller;
  RegistrantView buyer;
  RegistrantView stranger;
  String sellerUser;
  String buyerUser;
  String strangerUser;
  String agentUser;
  AccessContext supervisor;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    seller = active(admin, "Shipping Dealer " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active(admin, "Receiving Owner " + world.suffix(), RegistrantCategory.OWNER);
    stranger = active(admin, "Bystander " + world.suffix(), RegistrantCategory.OWNER);
    sellerUser = world.user("seller", seller.agencyCode(), Role.REGISTRANT);
    buyerUser = world.user("buyer", buyer.agencyCode(), Role.REGISTRANT);
    strangerUser = world.user("stranger", stranger.agencyCode(), Role.REGISTRANT);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    agentUser = world.user("agent", dea, Role.INVESTIGATOR);
    supervisor = world.as(world.user("supervisor", dea, Role.SUPERVISOR), Channel.API);
  }

  RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  /** A machine the seller declared and sold to the buyer; returns its id and serial. */
  String[] sold() {
    String serial = "ZQ-B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    AccessContext selling = world.as(sellerUser, Channel.API);
    String id =
        registry
            .registerMachine(
                selling,
                new NewMachine(
                    serial,
                    false,
                    "Acme",
                    "RT",
                    EquipmentKind.TABLETING_ROTARY,
                    null,
                    "Bay 4",
                    EquipmentOrigin.DECLARED,
                    null,
                    today,
                    null))
            .id();
    registry.transfer(
        selling,
        id,
        new Transfer(buyer.registrationNumber(), Instant.now().minusSeconds(60), today));
    return new String[] {id, serial};
  }

  MvcResult answer(String user, String machine, String body) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/machines/" + machine + "/receipt")
                .with(httpBasic(user, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }

  /** The receipt's items of {@code machine} (oral notice items are judged apart). */
  List<String> items(String machine) {
    return jdbc.sql(
            "SELECT kind FROM compliance_item WHERE machine_id = :m"
                + " AND subject LIKE 'transfer-receipt:%' ORDER BY kind")
        .param("m", machine)
        .query(String.class)
        .list();
  }

  String receipt(String machine) {
    return jdbc.sql("SELECT status FROM transfer_record WHERE machine_id = :m")
        .param("m", machine)
        .query(String.class)
        .single();
  }

  void openedDaysAgo(String machine, int days) {
    jdbc.sql("UPDATE transfer_record SET opened_at = :at WHERE machine_id = :m")
        .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(days))
        .param("m", machine)
        .update();
  }

  @Test
  void theBuyerConfirmsReceiptReadingThePlateAndTheChainShowsIt() throws Exception {
    String[] machine = sold();

    MvcResult confirmed =
        answer(
            buyerUser,
            machine[0],
            "{\"outcome\": \"CONFIRMED\", \"serial\": \"%s\"}"
                .formatted(machine[1].toLowerCase(java.util.Locale.ROOT).replace("-", " ")));

    String body = confirmed.getResponse().getContentAsString();
    assertThat(confirmed.getResponse().getStatus()).as(body).isEqualTo(200);
    assertThat(json.readTree(body).get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(receipt(machine[0])).isEqualTo("CONFIRMED");
    JsonNode custody =
        json.readTree(
            mvc.perform(
                    get("/api/v1/registry/machines/" + machine[0] + "/custody")
                        .header("PressTrace-Purpose", "Case 26-200 receipt")
                        .with(httpBasic(agentUser, World.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(custody.get(1).get("type").asString()).isEqualTo("MachineTransferred");
    assertThat(custody.get(1).get("sale").get("receipt").asString()).isEqualTo("CONFIRMED");
    openedDaysAgo(machine[0], 60);
    queue.sweep(supervisor);
    assertThat(items(machine[0])).isEmpty();
    MvcResult again = answer(buyerUser, machine[0], "{\"outcome\": \"CONFIRMED\"}");
    assertThat(again.getResponse().getStatus()).as("answered once").isEqualTo(409);
  }

  @Test
  void aPlateThatReadsOtherwiseOrADisputeIsAComplianceItemAtOnce() throws Exception {
    String[] mismatched = sold();
    String[] disputed = sold();

    MvcResult lookAlike =
        answer(
            buyerUser,
            mismatched[0],
            "{\"outcome\": \"CONFIRMED\", \"serial\": \"%s\"}"
                .formatted(mismatched[1].replace("ZQ-B", "ZQ-8")));
    MvcResult dispute =
        answer(
            buyerUser,
            disputed[0],
            "{\"outcome\": \"DISPUTED\", \"note\": \"crate arrived empty\"}");

    assertThat(lookAlike.getResponse().getStatus())
        .as(lookAlike.getResponse().getContentAsString())
        .isEqualTo(200);
    assertThat(receipt(mismatched[0])).isEqualTo("MISMATCHED");
    assertThat(items(mismatched[0])).containsExactly("DISPUTED_TRANSFER");
    assertThat(dispute.getResponse().getStatus()).isEqualTo(200);
    assertThat(receipt(disputed[0])).isEqualTo("DISPUTED");
    assertThat(items(disputed[0])).containsExactly("DISPUTED_TRANSFER");
    String summary =
        jdbc.sql(
                "SELECT summary FROM compliance_item WHERE machine_id = :m"
                    + " AND kind = 'DISPUTED_TRANSFER'")
            .param("m", disputed[0])
            .query(String.class)
            .single();
    assertThat(summary).contains("crate arrived empty").contains(seller.label());
  }

  @Test
  void aReceiptNobodyConfirmsBecomesAnItemAfterTheConfiguredDaysOnly() throws Exception {
    String[] overdue = sold();
    String[] recent = sold();
    openedDaysAgo(overdue[0], 11);
    openedDaysAgo(recent[0], 9);

    queue.sweep(supervisor);
    queue.sweep(supervisor);

    assertThat(items(overdue[0])).containsExactly("UNCONFIRMED_TRANSFER");
    assertThat(items(recent[0])).isEmpty();
  }

  @Test
  void onlyTheBuyerAnswersAndABadAnswerIsAProblemThatStoresNothing() throws Exception {
    String[] machine = sold();

    MvcResult bySeller = answer(sellerUser, machine[0], "{\"outcome\": \"CONFIRMED\"}");
    MvcResult byStranger = answer(strangerUser, machine[0], "{\"outcome\": \"CONFIRMED\"}");
    MvcResult byAgent = answer(agentUser, machine[0], "{\"outcome\": \"CONFIRMED\"}");
    MvcResult noOutcome = answer(buyerUser, machine[0], "{\"outcome\": \"MAYBE\"}");
    MvcResult noNote =
        answer(buyerUser, machine[0], "{\"outcome\": \"DISPUTED\", \"note\": \" \"}");
    MvcResult badSerial =
        answer(buyerUser, machine[0], "{\"outcome\": \"CONFIRMED\", \"serial\": \"A<1>\"}");

    assertThat(bySeller.getResponse().getStatus()).isEqualTo(404);
    assertThat(byStranger.getResponse().getStatus()).isEqualTo(404);
    assertThat(byAgent.getResponse().getStatus()).isEqualTo(403);
    for (MvcResult bad : List.of(noOutcome, noNote, badSerial)) {
      assertThat(bad.getResponse().getStatus())
          .as(bad.getResponse().getContentAsString())
          .isEqualTo(400);
      assertThat(bad.getResponse().getContentType()).contains("problem+json");
    }
    assertThat(json.readTree(noNote.getResponse().getContentAsString()).toString())
        .contains("note");
    assertThat(receipt(machine[0])).isEqualTo("PENDING");
    assertThat(items(machine[0])).isEmpty();
  }

  MvcResult sell(String machine, String extra) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/machines/" + machine + "/transfers")
                .with(httpBasic(sellerUser, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"buyerRegistration\": \"%s\", \"buyerCheckedAt\": \"%s\","
                            .formatted(buyer.registrationNumber(), Instant.now().minusSeconds(120))
                        + " \"shippedOn\": \"%s\"%s}".formatted(today, extra)))
        .andReturn();
  }

  String declared() {
    return registry
        .registerMachine(
            world.as(sellerUser, Channel.API),
            new NewMachine(
                "RS-" + UUID.randomUUID().toString().substring(0, 8),
                false,
                "Acme",
                "RT",
                EquipmentKind.TABLETING_ROTARY,
                null,
                "Bay 4",
                EquipmentOrigin.DECLARED,
                null,
                today,
                null))
        .id();
  }

  @Test
  void aSaleRecordsTheMethodThePurchasersIdentificationTheOrderAndTheOralNotice() throws Exception {
    String machine = declared();
    Instant notice =
        Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    MvcResult sold =
        sell(
            machine,
            (", \"methodOfTransfer\": \"common_carrier\", \"purchaserIdType\": \"STATE_LICENSE\","
                    + " \"purchaserIdNumber\": \"TX-PP-00172\", \"orderedOn\": \"%s\","
                    + " \"oralNoticeAt\": \"%s\"")
                .formatted(today, notice));

    assertThat(sold.getResponse().getStatus())
        .as(sold.getResponse().getContentAsString())
        .isEqualTo(200);
    JsonNode sale =
        json.readTree(
                mvc.perform(
                        get("/api/v1/registry/machines/" + machine + "/custody")
                            .header("PressTrace-Purpose", "Case 26-201 sale")
                            .with(httpBasic(agentUser, World.PASSWORD)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get(1)
            .get("sale");
    assertThat(sale.get("methodOfTransfer").asString()).isEqualTo("COMMON_CARRIER");
    assertThat(sale.get("purchaserIdType").asString()).isEqualTo("STATE_LICENSE");
    assertThat(sale.get("purchaserIdNumber").asString()).isEqualTo("TX-PP-00172");
    assertThat(sale.get("orderedOn").asString()).isEqualTo(today.toString());
    assertThat(Instant.parse(sale.get("oralNoticeAt").asString())).isEqualTo(notice);
    assertThat(sale.get("receipt").asString()).isEqualTo("PENDING");
  }

  @Test
  void badSaleRecordsAreProblemsNamingTheFieldAndTheMachineDoesNotMove() throws Exception {
    String machine = declared();

    var answers =
        List.of(
            List.of(sell(machine, ", \"methodOfTransfer\": \"DRONE\""), "methodOfTransfer"),
            List.of(sell(machine, ", \"purchaserIdNumber\": \"X-1\""), "purchaserIdType"),
            List.of(
                sell(machine, ", \"orderedOn\": \"%s\"".formatted(today.plusDays(1))), "orderedOn"),
            List.of(
                sell(
                    machine,
                    ", \"oralNoticeAt\": \"%s\"".formatted(Instant.now().plusSeconds(86400))),
                "oralNoticeAt"));

    for (var pair : answers) {
      MvcResult result = (MvcResult) pair.get(0);
      String body = result.getResponse().getContentAsString();
      assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
      assertThat(body).contains((String) pair.get(1));
    }
    assertThat(
            jdbc.sql("SELECT current_holder FROM machine WHERE id = :m")
                .param("m", machine)
                .query(String.class)
                .single())
        .isEqualTo(seller.id());
  }

  List<String> oralNoticeItems(String machine) {
    return jdbc.sql(
            "SELECT kind || ': ' || summary FROM compliance_item WHERE machine_id = :m"
                + " AND subject LIKE 'oral-notice:%'")
        .param("m", machine)
        .query(String.class)
        .list();
  }

  @Test
  void aSaleWithoutAnOralNoticeAtTheOrderOrWithALateOneIsAComplianceItem() throws Exception {
    String told = declared();
    String toldLate = declared();
    String untold = declared();
    LocalDate ordered = today.minusDays(3);
    sell(
        told,
        ", \"orderedOn\": \"%s\", \"oralNoticeAt\": \"%s\""
            .formatted(ordered, ordered.atTime(15, 0).atZone(ZoneOffset.UTC).toInstant()));
    sell(
        toldLate,
        ", \"orderedOn\": \"%s\", \"oralNoticeAt\": \"%s\""
            .formatted(
                ordered, ordered.plusDays(2).atTime(15, 0).atZone(ZoneOffset.UTC).toInstant()));
    sell(untold, "");

    queue.sweep(supervisor);
    queue.sweep(supervisor);

    assertThat(oralNoticeItems(told)).isEmpty();
    assertThat(oralNoticeItems(toldLate))
        .singleElement()
        .asString()
        .startsWith("LATE_REPORT: oral notice")
        .contains("ordered on " + ordered);
    assertThat(oralNoticeItems(untold))
        .singleElement()
        .asString()
        .startsWith("MISSING_REPORT: oral notice");
  }
}
