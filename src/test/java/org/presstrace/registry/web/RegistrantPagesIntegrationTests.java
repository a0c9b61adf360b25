package org.presstrace.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.registry.Certificates;
import org.presstrace.registry.Deadlines;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.MachineView;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.VerificationCode;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The registrant's own pages: my registration, loss and theft, transaction reports; the check. */
@PressTraceIntegrationTest
class RegistrantPagesIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Certificates certificates;
  @Autowired Deadlines deadlines;
  @Autowired JdbcClient jdbc;

  World world;
  AccessContext admin;
  RegistrantView exporter;
  String exporterUser;
  String otherUser;
  MachineView press;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.PAGE);
    exporter = active("Page Exporter " + world.suffix(), RegistrantCategory.EXPORTER);
    exporterUser = world.user("exporter", exporter.agencyCode(), Role.REGISTRANT);
    otherUser =
        world.user(
            "other",
            active("Page Other " + world.suffix(), RegistrantCategory.OWNER).agencyCode(),
            Role.REGISTRANT);
    press =
        registry.registerMachine(
            world.as(exporterUser, Channel.PAGE),
            new NewMachine(
                "RP-" + world.suffix(),
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

  RegistrantView active(String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Way", null, null));
    return registry.activate(admin, registrant.id(), "inspected");
  }

  MockHttpSession withPurpose() {
    var session = new MockHttpSession();
    session.setAttribute(Purpose.SESSION_ATTRIBUTE, "Own records 2026");
    return session;
  }

  // ---- my registration -----------------------------------------------------------------------

  @Test
  void myRegistrationShowsDetailsHistoryAndTheCertificateToDownload() {
    var certificate = certificates.ofRegistrant(admin, exporter.id()).get(0);
    var page = mvc.get().uri("/registry/registration").with(user(exporterUser));
    assertThat(page)
        .hasStatusOk()
        .bodyText()
        .contains(exporter.legalName())
        .contains(exporter.registrationNumber())
        .contains(today.plusYears(1).toString())
        .contains("application received")
        .contains(certificate.code().display())
        .contains("/registry/certificates/" + certificate.id() + "/pdf")
        .contains(today + "</span> to <span>" + today.plusYears(1))
        .contains("Renewal opens on")
        .contains(today.plusYears(1).minusDays(90).toString());
    var pdf =
        mvc.get()
            .uri("/registry/certificates/" + certificate.id() + "/pdf")
            .with(user(exporterUser));
    assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
    var theirs =
        mvc.get().uri("/registry/certificates/" + certificate.id() + "/pdf").with(user(otherUser));
    assertThat(theirs).hasStatus(403);
  }

  @Test
  void aRegistrantRenewsFromItsPageOnceRenewalOpens() {
    LocalDate soon = today.plusDays(15);
    jdbc.sql("UPDATE registrant SET expires_on = :d WHERE id = :id")
        .param("d", soon)
        .param("id", exporter.id())
        .update();
    assertThat(mvc.get().uri("/registry/registration").with(user(exporterUser)))
        .bodyText()
        .contains("Renew registration");
    var renewed =
        mvc.post()
            .uri("/registry/registration/renewal")
            .with(user(exporterUser))
            .with(csrf())
            .exchange();
    assertThat(renewed).hasStatus3xxRedirection().hasRedirectedUrl("/registry/registration");
    assertThat(renewed.getMvcResult().getFlashMap().get("notice").toString())
        .contains("renewed until " + soon.plusYears(1));
    assertThat(registry.registrant(exporter.id()).expiresOn()).isEqualTo(soon.plusYears(1));
    assertThat(certificates.ofRegistrant(admin, exporter.id())).hasSize(2);
  }

  @Test
  void renewingBeforeTheWindowShowsWhy() {
    var early =
        mvc.post()
            .uri("/registry/registration/renewal")
            .with(user(exporterUser))
            .with(csrf())
            .exchange();
    assertThat(early.getMvcResult().getFlashMap().get("error").toString())
        .contains("renewal opens 90 days before expiry");
  }

  // ---- certificate check ---------------------------------------------------------------------

  @Test
  void anyoneSignedInChecksACodeOnThePage() {
    var code = certificates.ofRegistrant(admin, exporter.id()).get(0).code();
    assertThat(
            mvc.get()
                .uri("/registry/certificates/verify?code=" + code.display())
                .with(user(otherUser)))
        .hasStatusOk()
        .bodyText()
        .contains("Valid certificate")
        .contains(exporter.legalName())
        .contains(today.plusYears(1).toString());
    assertThat(
            mvc.get()
                .uri("/registry/certificates/verify?code=" + VerificationCode.random().display())
                .with(user(otherUser)))
        .bodyText()
        .contains("No certificate has this code");
    assertThat(mvc.get().uri("/registry/certificates/verify?code=12-34").with(user(otherUser)))
        .hasStatusOk()
        .bodyText()
        .contains("form-group--error")
        .contains("28 letters and digits in seven groups of four; this one has 4");
  }

  // ---- loss and theft ------------------------------------------------------------------------

  @Test
  void theEquipmentPageOffersALossReportBesideEachMachineWithItsDeadline() {
    var session = withPurpose();
    assertThat(mvc.get().uri("/registry/equipment").with(user(exporterUser)).session(session))
        .hasStatusOk()
        .bodyText()
        .contains("Report serial " + press.serial() + " lost or stolen")
        .contains(deadlines.due(ReportKind.LOSS, today).toString());
  }

  @Test
  void aBadLossReportShowsTheErrorBesideThatMachineAndAGoodOneIsRecorded() {
    var session = withPurpose();
    var bad =
        lossReport(
            session, Map.of("machineId", press.id(), "kind", "STOLEN", "occurredOn", "yesterday"));
    assertThat(bad).hasStatus3xxRedirection();
    var shown =
        mvc.get()
            .uri("/registry/equipment")
            .with(user(exporterUser))
            .session(session)
            .flashAttrs(bad.getMvcResult().getFlashMap());
    assertThat(shown)
        .bodyText()
        .contains("&#39;yesterday&#39; is not a day such as 2026-03-04")
        .contains("occurredOn-" + press.id() + "-error");
    var future =
        lossReport(
            session,
            Map.of(
                "machineId",
                press.id(),
                "kind",
                "LOST",
                "occurredOn",
                today.plusDays(2).toString()));
    assertThat(future.getMvcResult().getFlashMap().get("lossErrors").toString())
        .contains("occurredOn")
        .contains("is in the future");
    var good =
        lossReport(
            session,
            Map.of(
                "machineId",
                press.id(),
                "kind",
                "STOLEN",
                "occurredOn",
                today.toString(),
                "details",
                "Break-in; police report 26-118"));
    assertThat(good.getMvcResult().getFlashMap().get("notice").toString())
        .contains("reported stolen");
    assertThat(
            jdbc.sql("SELECT state FROM machine WHERE id = :id")
                .param("id", press.id())
                .query(String.class)
                .single())
        .isEqualTo("STOLEN");
    var again =
        lossReport(
            session,
            Map.of("machineId", press.id(), "kind", "LOST", "occurredOn", today.toString()));
    assertThat(again.getMvcResult().getFlashMap().get("lossErrors").toString()).contains("form");
  }

  @Test
  void aLossReportRecordsWhenItWasDiscoveredAndShowsABadDiscoveryDayBesideItsField() {
    var session = withPurpose();
    var before =
        lossReport(
            session,
            Map.of(
                "machineId",
                press.id(),
                "kind",
                "STOLEN",
                "occurredOn",
                today.minusDays(3).toString(),
                "discoveredOn",
                today.minusDays(5).toString()));
    var shown =
        mvc.get()
            .uri("/registry/equipment")
            .with(user(exporterUser))
            .session(session)
            .flashAttrs(before.getMvcResult().getFlashMap());
    assertThat(shown)
        .bodyText()
        .contains("discoveredOn-" + press.id() + "-error")
        .contains("is before the day it happened");
    assertThat(
            jdbc.sql("SELECT state FROM machine WHERE id = :id")
                .param("id", press.id())
                .query(String.class)
                .single())
        .as("nothing stored")
        .isEqualTo("HELD");

    lossReport(
        session,
        Map.of(
            "machineId",
            press.id(),
            "kind",
            "STOLEN",
            "occurredOn",
            today.minusDays(20).toString(),
            "discoveredOn",
            today.toString()));

    assertThat(
            jdbc.sql(
                    "SELECT occurred_on || '/' || discovered_on FROM custody_event"
                        + " WHERE machine_id = :id AND type = 'MachineReportedStolen'")
                .param("id", press.id())
                .query(String.class)
                .single())
        .isEqualTo(today.minusDays(20) + "/" + today);
  }

  MvcTestResult lossReport(MockHttpSession session, Map<String, String> fields) {
    var request =
        mvc.post()
            .uri("/registry/equipment/loss-report")
            .with(user(exporterUser))
            .with(csrf())
            .session(session);
    fields.forEach(request::param);
    return request.exchange();
  }

  // ---- transaction reports -------------------------------------------------------------------

  Map<String, String> exportReport() {
    return Map.ofEntries(
        Map.entry("direction", "EXPORT"),
        Map.entry("purpose", "Resale to a registered pharmacy manufacturer"),
        Map.entry("proposedOn", today.plusDays(30).toString()),
        Map.entry("port", "Newark"),
        Map.entry("importerName", "Farmacia Norte SA"),
        Map.entry("importerCountry", "MEX"),
        Map.entry("exporterName", exporter.legalName()),
        Map.entry("exporterCountry", "USA"),
        Map.entry("machineIds", press.id()));
  }

  MvcTestResult post(MockHttpSession session, String path, Map<String, String> fields) {
    var request = mvc.post().uri(path).with(user(exporterUser)).with(csrf()).session(session);
    fields.forEach(request::param);
    return request.exchange();
  }

  @Test
  void aBadTransactionReportShowsEachErrorBesideItsField() {
    var session = withPurpose();
    var fields = new java.util.HashMap<>(exportReport());
    fields.put("importerCountry", "Mexico");
    assertThat(post(session, "/registry/transaction-reports", fields))
        .hasStatusOk()
        .bodyText()
        .contains("importerCountry-error")
        .contains("Mexico");
    fields = new java.util.HashMap<>(exportReport());
    fields.put("proposedOn", today.minusDays(1).toString());
    assertThat(post(session, "/registry/transaction-reports", fields))
        .bodyText()
        .contains("proposedOn-error")
        .contains("today or later");
    fields = new java.util.HashMap<>(exportReport());
    fields.put("methodOfTransfer", "TELEPORT");
    assertThat(post(session, "/registry/transaction-reports", fields))
        .bodyText()
        .contains("methodOfTransfer-error")
        .contains("Choose a method of transfer from the list");
    fields = new java.util.HashMap<>(exportReport());
    fields.put("exporterRegistration", "AB1234564");
    assertThat(post(session, "/registry/transaction-reports", fields))
        .bodyText()
        .contains("exporterRegistration-error")
        .contains("fails the check digit");
    fields = new java.util.HashMap<>(exportReport());
    fields.put("purchaserIdNumber", "P-778812");
    assertThat(post(session, "/registry/transaction-reports", fields))
        .bodyText()
        .contains("purchaserIdType-error");
    fields = new java.util.HashMap<>(exportReport());
    fields.remove("machineIds");
    assertThat(post(session, "/registry/transaction-reports", fields))
        .bodyText()
        .contains("machineIds-error")
        .contains("name at least one machine or part");
    fields = new java.util.HashMap<>(exportReport());
    fields.put("direction", "IMPORT");
    fields.put("items", "Acme RT-9 only two");
    assertThat(post(session, "/registry/transaction-reports", fields))
        .bodyText()
        .contains("items-error")
        .contains("Item 1: write make, model and serial separated by commas");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM transaction_report WHERE registrant_id = :id")
                .param("id", exporter.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aRegistrantFilesAmendsAndWithdrawsATransactionReport() {
    var session = withPurpose();
    var filed = post(session, "/registry/transaction-reports", exportReport());
    assertThat(filed).hasStatus3xxRedirection();
    String location = filed.getMvcResult().getResponse().getRedirectedUrl();
    assertThat(location).matches("/registry/transaction-reports/PT-\\d{4}-[0-9A-HJKMNP-TV-Z]{9}");
    assertThat(mvc.get().uri(location).with(user(exporterUser)).session(session))
        .hasStatusOk()
        .bodyText()
        .contains("Original")
        .contains("Newark")
        .contains(press.serial());

    var amendment = new java.util.HashMap<>(exportReport());
    amendment.put("port", "Port Elizabeth");
    assertThat(post(session, location + "/amendment", amendment))
        .hasStatusOk()
        .bodyText()
        .contains("reason-error");
    amendment.put("reason", "Carrier changed the port of exit");
    assertThat(post(session, location + "/amendment", amendment)).hasStatus3xxRedirection();
    assertThat(mvc.get().uri(location).with(user(exporterUser)).session(session))
        .bodyText()
        .contains("Amended")
        .contains("Port Elizabeth")
        .contains("Carrier changed the port of exit");

    assertThat(post(session, location + "/withdrawal", Map.of("withdrawReason", " ")))
        .hasStatusOk()
        .bodyText()
        .contains("withdrawReason-error");
    assertThat(post(session, location + "/withdrawal", Map.of("withdrawReason", "Sale cancelled")))
        .hasStatus3xxRedirection();
    assertThat(mvc.get().uri(location).with(user(exporterUser)).session(session))
        .bodyText()
        .contains("Withdrawn")
        .doesNotContain("File amendment");
    assertThat(
            mvc.get()
                .uri("/registry/transaction-reports")
                .with(user(exporterUser))
                .session(session))
        .bodyText()
        .contains(location.substring(location.lastIndexOf('/') + 1));
  }

  MachineView declare(String user, String make, String model, String serial) {
    return registry.registerMachine(
        world.as(user, Channel.PAGE),
        new NewMachine(
            serial,
            false,
            make,
            model,
            EquipmentKind.TABLETING_ROTARY,
            null,
            "Bay 2",
            EquipmentOrigin.DECLARED,
            null,
            null,
            null));
  }

  long reportsOfTheExporter() {
    return jdbc.sql("SELECT COUNT(*) FROM transaction_report WHERE registrant_id = :id")
        .param("id", exporter.id())
        .query(Long.class)
        .single();
  }

  @Test
  void anExporterHoldingMoreThanTheListNamesTheRestBySerialAndAnAmendmentKeepsThem()
      throws Exception {
    // 202 items in custody: the press (Acme) and 201 Beta presses, listed by make, model and
    // serial, so the list of 200 ends before the last two Betas.
    for (int i = 0; i <= 200; i++) {
      declare(exporterUser, "Beta", "BX", String.format("BX-%s-%03d", world.suffix(), i));
    }
    String last = String.format("BX-%s-200", world.suffix());
    String beforeLast = String.format("BX-%s-199", world.suffix());
    var session = withPurpose();
    var form =
        mvc.get().uri("/registry/transaction-reports").with(user(exporterUser)).session(session);
    assertThat(form)
        .hasStatusOk()
        .bodyText()
        .contains("The list shows 200 of the 202 items you hold in custody")
        .contains("id=\"exportSerials\"")
        .doesNotContain(last + " (Beta BX)")
        .doesNotContain(beforeLast + " (Beta BX)");

    var fields = new java.util.HashMap<>(exportReport());
    fields.put(
        "exportSerials", last.toLowerCase(java.util.Locale.ROOT) + "\n\nbeta, " + beforeLast);
    var filed = post(session, "/registry/transaction-reports", fields);
    assertThat(filed).hasStatus3xxRedirection();
    String location = filed.getMvcResult().getResponse().getRedirectedUrl();
    var report = mvc.get().uri(location).with(user(exporterUser)).session(session).exchange();
    String body = report.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(body).contains(press.serial()).contains(last).contains(beforeLast);
    // The amendment form lists the report's own items although they are past the list's end, and
    // selected: sending back what it selected keeps all three.
    String select = body.substring(body.indexOf("id=\"machineIds\""));
    select = select.substring(0, select.indexOf("</select>"));
    var selected = new java.util.ArrayList<String>();
    var option =
        java.util.regex.Pattern.compile("<option value=\"([^\"]+)\" selected=\"selected\">")
            .matcher(select);
    while (option.find()) {
      selected.add(option.group(1));
    }
    assertThat(selected).hasSize(3);
    assertThat(select)
        .containsPattern("selected=\"selected\">" + java.util.regex.Pattern.quote(last))
        .containsPattern("selected=\"selected\">" + java.util.regex.Pattern.quote(beforeLast));

    String id = location.substring(location.lastIndexOf('/') + 1);
    var amendment = new java.util.HashMap<>(exportReport());
    amendment.remove("machineIds");
    amendment.put("reason", "Port changed");
    var request =
        mvc.post()
            .uri(location + "/amendment")
            .with(user(exporterUser))
            .with(csrf())
            .session(session);
    amendment.forEach(request::param);
    request.param("machineIds", selected.toArray(String[]::new));
    assertThat(request).hasStatus3xxRedirection();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM transaction_report_item WHERE report_id = :t AND version = 2")
                .param("t", id)
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void serialLinesAreReadWhateverSpacesSurroundTheDirectionAndAtMostAReportsItems() {
    String suffix = world.suffix();
    var session = withPurpose();
    var fields = new java.util.HashMap<>(exportReport());
    // the direction as a forged post may send it: the service reads it stripped, so must the page
    fields.put("direction", " EXPORT ");
    fields.put("exportSerials", "NO-SUCH-" + suffix);
    assertThat(post(session, "/registry/transaction-reports", fields))
        .hasStatusOk()
        .bodyText()
        .contains("id=\"exportSerials-error\"")
        .contains("Line 1: you hold no equipment in custody with serial &#39;NO-SUCH-" + suffix);
    assertThat(reportsOfTheExporter()).isZero();

    fields.put("direction", "EXPORT");
    fields.put("exportSerials", ("X-" + suffix + "\n").repeat(101));
    assertThat(post(session, "/registry/transaction-reports", fields))
        .hasStatusOk()
        .bodyText()
        .contains("name at most 100 items in one report (101 lines given)");
    assertThat(reportsOfTheExporter()).isZero();
  }

  @Test
  void serialsThatNameNothingTheExporterHoldsAreRefusedBesideTheFieldAndNothingIsStored() {
    String suffix = world.suffix();
    declare(otherUser, "Acme", "RT-9", "OT-" + suffix);
    declare(exporterUser, "Acme", "RT-9", "TW-" + suffix);
    declare(exporterUser, "Gamma", "G-1", "TW-" + suffix);
    var session = withPurpose();
    var fields = new java.util.HashMap<>(exportReport());
    fields.put(
        "exportSerials",
        String.join(
            "\n",
            "OT-" + suffix, // another registrant's
            "NO-SUCH-" + suffix,
            "AB#1",
            "Acme, RT-9, " + suffix,
            "TW-" + suffix)); // two of the exporter's share it
    var body =
        assertThat(post(session, "/registry/transaction-reports", fields)).hasStatusOk().bodyText();
    body.contains("id=\"exportSerials-error\"")
        .contains("Line 1: you hold no equipment in custody with serial &#39;OT-" + suffix)
        .contains("Line 2: you hold no equipment in custody with serial &#39;NO-SUCH-" + suffix)
        .contains("Line 3: serial &#39;AB#1&#39; contains &#39;#&#39;")
        .contains("Line 4: write a serial, or make and serial separated by a comma")
        .contains("Line 5: you hold 2 items with serial &#39;TW-" + suffix)
        .contains("Acme, TW-" + suffix)
        .doesNotContain("machineIds-error");
    assertThat(reportsOfTheExporter()).isZero();

    fields.put("exportSerials", "Gamma, TW-" + suffix);
    assertThat(post(session, "/registry/transaction-reports", fields)).hasStatus3xxRedirection();
    assertThat(reportsOfTheExporter()).isEqualTo(1);
  }

  @Test
  void aReportWithThreeBadFieldsShowsAllThreeAtOnceInPlainWordsAndKeepsWhatWasTyped() {
    var session = withPurpose();
    var fields = new java.util.HashMap<>(exportReport());
    fields.put("purpose", "");
    fields.put("proposedOn", "next Tuesday");
    fields.put("importerCountry", "Atlantis");
    fields.put("port", "Port of Newark " + world.suffix());
    var body =
        assertThat(post(session, "/registry/transaction-reports", fields)).hasStatusOk().bodyText();
    body.contains("id=\"error-summary\"")
        .contains("There are 3 problems")
        .contains("<a href=\"#purpose\">Say why the equipment moves")
        .contains("<a href=\"#proposedOn\">Give the proposed day of the movement")
        .contains("<a href=\"#importerCountry\">Give the importer&#39;s country")
        .contains("id=\"purpose-error\"")
        .contains("id=\"proposedOn-error\"")
        .contains("id=\"importerCountry-error\"")
        .contains("aria-describedby=\"proposedOn-error\" aria-invalid=\"true\"")
        .contains("value=\"Atlantis\"")
        .contains("value=\"next Tuesday\"")
        .contains("value=\"Port of Newark " + world.suffix() + "\"")
        .doesNotContain("purpose is required");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM transaction_report WHERE registrant_id = :id")
                .param("id", exporter.id())
                .query(Long.class)
                .single())
        .isZero();
  }
}
