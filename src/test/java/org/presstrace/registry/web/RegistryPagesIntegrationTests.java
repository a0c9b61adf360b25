package org.presstrace.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A registrant reports a transfer on its equipment page; an investigator traces the new holder. */
@PressTraceIntegrationTest
class RegistryPagesIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  World world;
  RegistrantView dealer;
  RegistrantView buyer;
  String dealerUser;
  String investigator;
  String serial;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.PAGE);
    dealer = active(admin, "Page Dealer " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active(admin, "Page Buyer " + world.suffix(), RegistrantCategory.OWNER);
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    investigator =
        world.user(
            "investigator", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    serial = "PG-" + world.suffix();
    registry.registerMachine(
        world.as(dealerUser, Channel.PAGE),
        new NewMachine(
            serial,
            false,
            "Acme",
            "RT-9",
            EquipmentKind.TABLETING_ROTARY,
            null,
            "Bay 1",
            EquipmentOrigin.DECLARED,
            null,
            null,
            null));
  }

  RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Way", null, null));
    return registry.activate(admin, registrant.id(), "inspected");
  }

  MockHttpSession withPurpose() {
    var session = new MockHttpSession();
    session.setAttribute(Purpose.SESSION_ATTRIBUTE, "Case 2026-PG-1");
    return session;
  }

  @Test
  void pagesAskForAPurposeFirst() {
    assertThat(
            mvc.get()
                .uri("/registry/trace")
                .with(user(investigator))
                .session(new MockHttpSession()))
        .hasStatusOk()
        .bodyText()
        .contains("State your purpose");
  }

  @Test
  void theExportReportFormOffersTheEquipmentTheRegistrantHolds() throws Exception {
    var form =
        mvc.get()
            .uri("/registry/transaction-reports")
            .with(user(dealerUser))
            .session(withPurpose())
            .exchange();
    assertThat(form).hasStatusOk();
    String body = form.getResponse().getContentAsString(StandardCharsets.UTF_8);
    String select = body.substring(body.indexOf("id=\"machineIds\""));
    // The registrant's one item is on the first page of its holdings (pages count from 0).
    assertThat(select.substring(0, select.indexOf("</select>"))).contains(serial + " (Acme RT-9)");
  }

  @Test
  void aRegistrantReportsATransferAndAnInvestigatorTracesTheNewHolder() throws Exception {
    var session = withPurpose();
    var page = mvc.get().uri("/registry/equipment").with(user(dealerUser)).session(session);
    assertThat(page).hasStatusOk().bodyText().contains(serial).contains("Report a transfer");
    String id = offeredMachine(session);

    var posted =
        mvc.post()
            .uri("/registry/equipment/transfer")
            .with(user(dealerUser))
            .with(csrf())
            .session(session)
            .param("machineId", id)
            .param("buyerRegistration", buyer.registrationNumber())
            .param(
                "checkedAt",
                LocalDateTime.now(ZoneOffset.UTC)
                    .minusMinutes(5)
                    .truncatedTo(ChronoUnit.MINUTES)
                    .toString())
            .param("shippedOn", LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(posted).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/registry/equipment");

    assertThat(
            mvc.get()
                .uri("/registry/trace?q=" + serial.toLowerCase(java.util.Locale.ROOT))
                .with(user(investigator))
                .session(withPurpose()))
        .hasStatusOk()
        .bodyText()
        .contains(buyer.label())
        .contains("Transferred")
        .contains("Same serial, written differently")
        .doesNotContain("MachineTransferred");
  }

  @Test
  void aRefusedTransferShowsTheErrorNextToTheField() throws Exception {
    var session = withPurpose();
    String id = offeredMachine(session);

    assertThat(
            mvc.post()
                .uri("/registry/equipment/transfer")
                .with(user(dealerUser))
                .with(csrf())
                .session(session)
                .param("machineId", id)
                .param("buyerRegistration", "PPR-NOSUCH00")
                .param("checkedAt", "2026-01-01T10:00")
                .param("shippedOn", LocalDate.now(ZoneOffset.UTC).toString()))
        .hasStatusOk()
        .bodyText()
        .contains("id=\"buyerRegistration-error\"")
        .contains("no registrant has registration number");
  }

  @Test
  void theTransferFormKeepsTheSalesRecordsAndShowsABadOneBesideItsField() throws Exception {
    var session = withPurpose();
    String id = offeredMachine(session);
    String checked =
        LocalDateTime.now(ZoneOffset.UTC)
            .minusMinutes(5)
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();

    assertThat(
            mvc.post()
                .uri("/registry/equipment/transfer")
                .with(user(dealerUser))
                .with(csrf())
                .session(session)
                .param("machineId", id)
                .param("buyerRegistration", buyer.registrationNumber())
                .param("checkedAt", checked)
                .param("shippedOn", LocalDate.now(ZoneOffset.UTC).toString())
                .param("purchaserIdNumber", "TX-PP-00172"))
        .hasStatusOk()
        .bodyText()
        .contains("id=\"purchaserIdType-error\"")
        .contains("TX-PP-00172");

    assertThat(
            mvc.post()
                .uri("/registry/equipment/transfer")
                .with(user(dealerUser))
                .with(csrf())
                .session(session)
                .param("machineId", id)
                .param("buyerRegistration", buyer.registrationNumber())
                .param("checkedAt", checked)
                .param("shippedOn", LocalDate.now(ZoneOffset.UTC).toString())
                .param("methodOfTransfer", "COURIER")
                .param("purchaserIdType", "STATE_LICENSE")
                .param("purchaserIdNumber", "TX-PP-00172")
                .param("orderedOn", LocalDate.now(ZoneOffset.UTC).toString())
                .param("oralNoticeAt", checked))
        .hasStatus(HttpStatus.FOUND);
    assertThat(
            jdbc.sql(
                    "SELECT method_of_transfer || '/' || purchaser_id_number FROM transfer_record"
                        + " WHERE machine_id = :m")
                .param("m", id)
                .query(String.class)
                .single())
        .isEqualTo("COURIER/TX-PP-00172");
  }

  /** The id of the one machine offered in the transfer form. */
  private String offeredMachine(MockHttpSession session) throws Exception {
    String body =
        mvc.get()
            .uri("/registry/equipment")
            .with(user(dealerUser))
            .session(session)
            .exchange()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    var matcher =
        java.util.regex.Pattern.compile("<option value=\"([^\"]+)\"")
            .matcher(body.substring(body.indexOf("id=\"machineId\"")));
    assertThat(matcher.find()).as("a machine offered for transfer").isTrue();
    return matcher.group(1);
  }

  @Test
  void aTransferWithThreeBadFieldsIsRefusedWithAllThreeOnThePageAndInTheApi() throws Exception {
    var session = withPurpose();
    String id = offeredMachine(session);
    String future =
        LocalDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();

    assertThat(
            mvc.post()
                .uri("/registry/equipment/transfer?page=0")
                .with(user(dealerUser))
                .with(csrf())
                .session(session)
                .param("machineId", id)
                .param("buyerRegistration", "PPR-NOSUCH00")
                .param("checkedAt", "yesterday noon")
                .param("shippedOn", LocalDate.now(ZoneOffset.UTC).toString())
                .param("purchaserIdNumber", "TX-PP-00172")
                .param("oralNoticeAt", future))
        .hasStatusOk()
        .bodyText()
        .contains("There are 4 problems: the transfer of serial " + serial + " was not stored")
        .contains("<a href=\"#buyerRegistration\">")
        .contains("<a href=\"#checkedAt\">Give the day and time (UTC) you checked")
        .contains("<a href=\"#purchaserIdType\">Choose the type")
        .contains("<a href=\"#oralNoticeAt\">Give the day and time (UTC) you told DEA")
        .contains("id=\"checkedAt-error\"")
        .contains("value=\"yesterday noon\"")
        .contains("value=\"TX-PP-00172\"")
        .doesNotContain("cannot lie in the future");

    assertThat(
            mvc.post()
                .uri("/api/v1/registry/machines/" + id + "/transfers")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(dealerUser, World.PASSWORD))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"buyerRegistration": "PPR-NOSUCH00",
                     "buyerCheckedAt": "%s",
                     "shippedOn": "%s",
                     "purchaserIdNumber": "TX-PP-00172",
                     "oralNoticeAt": "%s"}
                    """
                        .formatted(
                            java.time.Instant.now().minusSeconds(300),
                            LocalDate.now(ZoneOffset.UTC),
                            java.time.Instant.now().plusSeconds(86_400))))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactlyInAnyOrder("buyerRegistration", "purchaserIdType", "oralNoticeAt");
    assertThat(
            jdbc.sql("SELECT current_holder FROM machine WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo(dealer.id());
  }
}
