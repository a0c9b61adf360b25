package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.shared.ConflictingState;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** Certificates: issued on activation and renewal, ended by suspension, revocation and lapse. */
@PressTraceIntegrationTest
class CertificatesIntegrationTests {

  static final String API = "/api/v1/registry";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Certificates certificates;
  @Autowired ComplianceQueue compliance;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  AccessContext admin;
  RegistrantView dealer;
  String dealerUser;
  String otherUser;
  String investigator;
  String liaison;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    dealer =
        registry.register(
            admin,
            new NewRegistrant(
                "Certified Presses " + world.suffix() + " LLC",
                "Certified",
                RegistrantCategory.DEALER,
                "AB1234563",
                "1 Press Way, Dayton, OH",
                null,
                "USA"));
    dealer = registry.activate(admin, dealer.id(), "inspected");
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    var other =
        registry.register(
            admin,
            new NewRegistrant(
                "Other " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "2 Way",
                null,
                null));
    registry.activate(admin, other.id(), "inspected");
    otherUser = world.user("other", other.agencyCode(), Role.REGISTRANT);
    investigator =
        world.user(
            "investigator", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    liaison =
        world.user(
            "liaison",
            world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN"),
            Role.FOREIGN_LIAISON);
  }

  CertificateView current() {
    return certificates.ofRegistrant(admin, dealer.id()).get(0);
  }

  @Test
  void activationIssuesACertificateWhosePdfCarriesTheCodeAndName() throws Exception {
    CertificateView certificate = current();
    assertThat(certificate.state()).isEqualTo("CURRENT");
    assertThat(certificate.validUntil()).isEqualTo(today.plusYears(1));
    assertThat(certificate.statusAtIssue()).isEqualTo(RegistrantStatus.ACTIVE);

    MvcResult download = get(dealerUser, API + "/certificates/" + certificate.id() + "/pdf");
    assertThat(download.getResponse().getStatus()).isEqualTo(200);
    assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
    assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment");
    try (var pdf = Loader.loadPDF(download.getResponse().getContentAsByteArray())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains(certificate.code().display())
          .contains(dealer.legalName())
          .contains("Certified")
          .contains("DEALER")
          .contains("AB1234563")
          .contains(dealer.registrationNumber())
          .contains(today.plusYears(1).toString());
      assertThat(text.replaceAll("\\s", ""))
          .as("the address, wrapped beside the QR code")
          .contains("/registry/certificates/verify?code=" + certificate.code().display());
      assertThat(pdf.getDocumentInformation().getTitle()).contains(dealer.registrationNumber());
    }
  }

  @Test
  void aValidCodeVerifiesForAnyoneSignedInAndTheCheckIsAudited() throws Exception {
    CertificateView certificate = current();
    String typed = certificate.code().value().toLowerCase(java.util.Locale.ROOT);
    for (String user : new String[] {otherUser, liaison, investigator}) {
      var check = ok(get(user, API + "/certificates/verify?code=" + typed));
      assertThat(check.get("found").asBoolean()).isTrue();
      assertThat(check.get("valid").asBoolean()).isTrue();
      assertThat(check.get("state").asString()).isEqualTo("CURRENT");
      assertThat(check.get("legalName").asString()).isEqualTo(dealer.legalName());
      assertThat(check.get("validUntil").asString()).isEqualTo(today.plusYears(1).toString());
      // nothing more: no address, DEA number or certificate id
      assertThat(check.has("deaNumber")).isFalse();
      assertThat(check.has("address")).isFalse();
      assertThat(check.has("id")).isFalse();
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'VERIFY' AND record_id = :id")
                .param("id", certificate.id())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void aMadeUpCodeDoesNotVerifyAndTheMissIsAudited() throws Exception {
    String madeUp = VerificationCode.random().display();
    var check = ok(get(otherUser, API + "/certificates/verify?code=" + madeUp));
    assertThat(check.get("found").asBoolean()).isFalse();
    assertThat(check.get("valid").asBoolean()).isFalse();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'VERIFY' AND username = :u"
                        + " AND outcome = 'NOT_FOUND'")
                .param("u", otherUser)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void badCodeFormatsAreA400NamingTheCode() throws Exception {
    for (String bad : new String[] {"", "ABCD-1234", "UUUU-0000-0000-0000-0000-0000-0000"}) {
      MvcResult result = get(otherUser, API + "/certificates/verify?code=" + bad);
      assertThat(result.getResponse().getStatus()).isEqualTo(400);
      var body = json.readTree(result.getResponse().getContentAsString());
      assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("code");
    }
    MvcResult missing = get(otherUser, API + "/certificates/verify");
    assertThat(missing.getResponse().getStatus()).isEqualTo(400);
    assertThat(missing.getResponse().getContentAsString())
        .contains("verification code is required");
  }

  @Test
  void aRevokedRegistrantsCertificateShowsRevoked() {
    CertificateView certificate = current();
    registry.revoke(admin, dealer.id(), "diversion found on inspection");
    var check = certificates.verify(admin, certificate.code().display());
    assertThat(check.found()).isTrue();
    assertThat(check.valid()).isFalse();
    assertThat(check.state()).isEqualTo("REVOKED");
  }

  @Test
  void suspensionEndsTheCertificateAndReactivationIssuesANewOne() {
    CertificateView first = current();
    registry.suspend(admin, dealer.id(), "late reports");
    assertThat(certificates.verify(admin, first.code().value()).state()).isEqualTo("SUSPENDED");
    registry.activate(admin, dealer.id(), "reports filed");
    var all = certificates.ofRegistrant(admin, dealer.id());
    assertThat(all).hasSize(2);
    assertThat(all.get(0).state()).isEqualTo("CURRENT");
    assertThat(all.get(0).code()).isNotEqualTo(first.code());
    assertThat(all.get(1).state()).isEqualTo("SUSPENDED");
  }

  @Test
  void renewalExtendsExpiryByAYearWithHistoryAndSupersedesTheCertificate() throws Exception {
    LocalDate soon = today.plusDays(20);
    expireOn(soon);
    CertificateView first = current();
    var renewed = ok(post(dealerUser, API + "/registrants/" + dealer.id() + "/renewal", "{}"));
    assertThat(renewed.get("expiresOn").asString()).isEqualTo(soon.plusYears(1).toString());
    var history = registry.statusHistory(dealer.id());
    assertThat(history.get(history.size() - 1).reason()).isEqualTo("renewed: annual renewal");
    assertThat(history.get(history.size() - 1).expiresOn()).isEqualTo(soon.plusYears(1));
    assertThat(certificates.verify(admin, first.code().value()).state()).isEqualTo("SUPERSEDED");
    var now = current();
    assertThat(now.validUntil()).isEqualTo(soon.plusYears(1));
    assertThat(certificates.verify(admin, now.code().value()).valid()).isTrue();
  }

  @Test
  void renewalOpensNinetyDaysBeforeExpiryAndOnlyForItsOwnRegistrant() throws Exception {
    assertThatThrownBy(() -> registry.renew(world.as(dealerUser, Channel.API), dealer.id(), null))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("renewal opens 90 days before expiry");
    expireOn(today.plusDays(10));
    MvcResult other = post(otherUser, API + "/registrants/" + dealer.id() + "/renewal", "{}");
    assertThat(other.getResponse().getStatus()).isEqualTo(403);
    registry.revoke(admin, dealer.id(), "diversion");
    assertThatThrownBy(() -> registry.renew(admin, dealer.id(), "x"))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("only an active or lapsed registration is renewed");
  }

  @Test
  void aLapsedRegistrationIsRecordedExpiredBySweepAndRenewsFromToday() {
    expireOn(today.minusDays(3));
    CertificateView first = current();
    assertThat(first.state()).isEqualTo("EXPIRED");
    compliance.sweep(admin);
    assertThat(registry.registrant(dealer.id()).status()).isEqualTo(RegistrantStatus.EXPIRED);
    var history = registry.statusHistory(dealer.id());
    assertThat(history.get(history.size() - 1).status()).isEqualTo(RegistrantStatus.EXPIRED);
    assertThat(history.get(history.size() - 1).reason())
        .isEqualTo("registration expired on " + today.minusDays(3));
    compliance.sweep(admin);
    assertThat(registry.statusHistory(dealer.id())).hasSize(history.size());

    var renewed = registry.renew(world.as(dealerUser, Channel.PAGE), dealer.id(), null);
    assertThat(renewed.status()).isEqualTo(RegistrantStatus.ACTIVE);
    assertThat(renewed.expiresOn()).isEqualTo(today.plusYears(1));
    assertThat(current().valid()).isTrue();
  }

  @Test
  void aRegistrantCannotDownloadAnothersCertificateNorAForeignLiaisonAny() throws Exception {
    String id = current().id();
    assertThat(get(otherUser, API + "/certificates/" + id + "/pdf").getResponse().getStatus())
        .isEqualTo(403);
    assertThat(get(liaison, API + "/certificates/" + id + "/pdf").getResponse().getStatus())
        .isEqualTo(403);
    assertThat(
            get(otherUser, API + "/registrants/" + dealer.id() + "/certificates")
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(get(investigator, API + "/certificates/" + id + "/pdf").getResponse().getStatus())
        .isEqualTo(200);
    assertThat(get(investigator, API + "/certificates/nope/pdf").getResponse().getStatus())
        .isEqualTo(404);
  }

  void expireOn(LocalDate day) {
    jdbc.sql("UPDATE registrant SET expires_on = :d WHERE id = :id")
        .param("d", day)
        .param("id", dealer.id())
        .update();
    jdbc.sql("UPDATE registration_certificate SET valid_until = :d WHERE registrant_id = :id")
        .param("d", day)
        .param("id", dealer.id())
        .update();
  }

  MvcResult get(String username, String path) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(username, World.PASSWORD)))
        .andReturn();
  }

  MvcResult post(String username, String path, String body) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(username, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }

  tools.jackson.databind.JsonNode ok(MvcResult result) throws Exception {
    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(200);
    return json.readTree(body);
  }
}
