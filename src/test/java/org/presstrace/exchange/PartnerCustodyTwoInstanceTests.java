package org.presstrace.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.presstrace.exchange.TwoInstances.PASSWORD;
import static org.presstrace.exchange.TwoInstances.as;
import static org.presstrace.exchange.TwoInstances.audited;
import static org.presstrace.exchange.TwoInstances.await;
import static org.presstrace.exchange.TwoInstances.freePort;
import static org.presstrace.exchange.TwoInstances.jdbc;
import static org.presstrace.exchange.TwoInstances.noticeDraft;
import static org.presstrace.exchange.TwoInstances.seed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.NewUser;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.CountryCode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a partner sends, on the receiving instance (China's, B; the sender A is the United States'):
 * read by the partner's custodian agency under its marking and by no other domestic agency when
 * AMBER; never passed on by the custodian (third-party rule); a message whose handler fails is
 * quarantined and the partner's queue moves on; a shipment stopped or seized under a pre-export
 * notice travels as an incident too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerCustodyTwoInstanceTests {

  static final String PROBE = "test.probe";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Probe probe = new Probe();
  private Path dir;
  private int portA;
  private int portB;
  private ConfigurableApplicationContext a;
  private ConfigurableApplicationContext b;
  private String idA;
  private String idB;
  private String amberIncident;

  /** A handler of {@code test.probe} on B that fails on a poison body until it is "fixed". */
  static final class Probe implements PartnerMessageHandler {
    final List<String> applied = Collections.synchronizedList(new ArrayList<>());
    volatile boolean fixed;

    @Override
    public String type() {
      return PROBE;
    }

    @Override
    public void receive(ReceivedMessage message) {
      if (message.body().startsWith("poison") && !fixed) {
        throw new IllegalStateException("cannot handle " + message.messageId());
      }
      applied.add(message.body());
    }
  }

  @BeforeAll
  void startAndPair(@TempDir Path dir) throws IOException {
    this.dir = dir;
    portA = freePort();
    portB = freePort();
    a = TwoInstances.start(dir, "a", portA, "USA", "Drug Enforcement Administration");
    b =
        TwoInstances.start(
            dir,
            "b",
            portB,
            "CHN",
            "Ministry of Public Security",
            context -> context.getBeanFactory().registerSingleton("testProbeHandler", probe));
    seed(a, "USA", "DEA");
    seed(b, "CHN", "MPS");
    Directory directoryA = a.getBean(Directory.class);
    directoryA.ensureUser(
        new NewUser("supervisor", "Supervisor", "DEA", Set.of(Role.SUPERVISOR), PASSWORD));
    Directory directoryB = b.getBean(Directory.class);
    directoryB.ensureUser(
        new NewUser("mps.auditor", "MPS auditor", "MPS", Set.of(Role.AUDITOR), PASSWORD));
    directoryB.ensureAgency("GACC", "General Administration of Customs", AgencyKind.FEDERAL, "CHN");
    directoryB.ensureUser(
        new NewUser("gacc.analyst", "GACC analyst", "GACC", Set.of(Role.ANALYST), PASSWORD));
    idA = a.getBean(InstanceIdentity.class).id();
    idB = b.getBean(InstanceIdentity.class).id();
    List<String> types = List.of(Incidents.INCIDENT, Notices.NOTICE, Notices.ANSWER, PROBE);
    a.getBean(Partners.class)
        .pair(as(a, "admin"), b.getBean(InstanceIdentity.class).pairing().toJson(), null, types);
    // B pairs A with no custodian yet: what A sends under AMBER is then read by nobody on B.
    b.getBean(Partners.class)
        .pair(as(b, "admin"), a.getBean(InstanceIdentity.class).pairing().toJson(), null, types);
    directoryB.ensureUser(
        new NewUser(
            "a.liaison",
            "Liaison of the partner",
            partnerAgency(),
            Set.of(Role.FOREIGN_LIAISON),
            PASSWORD));
  }

  @AfterAll
  void stop() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  @Test
  @Order(1)
  void anAmberIncidentIsReadByThePartnersCustodianOnly() throws Exception {
    String amberSeizure =
        report(
            new Marking("DEA", Tlp.AMBER, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
            "AMBER");
    String greenSeizure =
        report(
            new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
            "GREEN");
    release(amberSeizure);
    release(greenSeizure);
    Incidents incidents = a.getBean(Incidents.class);
    incidents.send(as(a, "investigator"), idB, amberSeizure);
    incidents.send(as(a, "investigator"), idB, greenSeizure);
    await(() -> incidentOf(amberSeizure) != null && incidentOf(greenSeizure) != null);
    amberIncident = incidentOf(amberSeizure);
    String greenIncident = incidentOf(greenSeizure);

    // No custodian chosen: nobody on B reads the AMBER incident; the GREEN one as before.
    assertThat(get("analyst", "/api/v1/exchange/incidents").body())
        .doesNotContain(amberIncident)
        .contains(greenIncident);
    assertThat(get("analyst", "/api/v1/exchange/incidents/" + amberIncident).statusCode())
        .isEqualTo(404);

    // Choosing a custodian: only a domestic agency, only by an administrator.
    assertThat(custodian("investigator", "MPS").statusCode()).isEqualTo(403);
    HttpResponse<String> ownAgency = custodian("admin", partnerAgency());
    assertThat(ownAgency.statusCode()).isEqualTo(400);
    assertThat(ownAgency.body()).contains("custodian").contains("domestic government agency");
    assertThat(custodian("admin", "NO-SUCH-AGENCY").statusCode()).isEqualTo(400);
    assertThat(b.getBean(Directory.class).custodian(partnerAgency())).isEmpty();
    HttpResponse<String> chosen = custodian("admin", "MPS");
    assertThat(chosen.statusCode()).isEqualTo(200);
    assertThat(chosen.body()).contains("\"custodian\":\"MPS\"");
    assertThat(audited(b, "CUSTODIAN", "WRITTEN", partnerAgency())).isEqualTo(1);
    assertThat(page(portB, "admin", "/exchange/partners").body()).contains("MPS");

    // The custodian's analyst reads it (list, detail, page) with its provenance.
    assertThat(get("analyst", "/api/v1/exchange/incidents").body()).contains(amberIncident);
    HttpResponse<String> detail = get("analyst", "/api/v1/exchange/incidents/" + amberIncident);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body())
        .contains("\"partnerId\":\"" + idA + "\"", "\"senderAgency\":\"DEA\"", "USA", "AMBER");
    HttpResponse<String> page = page(portB, "analyst", "/exchange/incidents/" + amberIncident);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(idA).contains("USA");

    // Another domestic agency's analyst does not, by any path; GREEN still reaches it.
    assertThat(get("gacc.analyst", "/api/v1/exchange/incidents").body())
        .doesNotContain(amberIncident)
        .contains(greenIncident);
    assertThat(get("gacc.analyst", "/api/v1/exchange/incidents/" + amberIncident).statusCode())
        .isEqualTo(404);
    assertThat(page(portB, "gacc.analyst", "/exchange/incidents/" + amberIncident).statusCode())
        .isEqualTo(404);
    assertThat(page(portB, "gacc.analyst", "/exchange/incidents").body())
        .doesNotContain(amberIncident);

    // A member of the custodian agency whose role reads no record content reads nothing.
    assertThat(get("mps.auditor", "/api/v1/exchange/incidents").statusCode()).isEqualTo(403);
    assertThat(get("mps.auditor", "/api/v1/exchange/incidents/" + amberIncident).statusCode())
        .isEqualTo(403);
  }

  @Test
  @Order(2)
  void theCustodianMayNotPassWhatAPartnerSentOn() throws Exception {
    // A release to another domestic agency is refused under the third-party rule, and audited.
    HttpResponse<String> release =
        post(
            "investigator",
            "/api/v1/releases",
            "{\"kind\":\"exchange-incident\",\"recordId\":\""
                + amberIncident
                + "\",\"targetAgency\":\"GACC\",\"justification\":\"joint case\"}");
    assertThat(release.statusCode()).isEqualTo(403);
    assertThat(release.body()).contains("third-party rule").contains(partnerAgency());
    assertThat(audited(b, "RELEASE_REQUEST", "REFUSED", amberIncident)).isEqualTo(1);
    assertThat(get("gacc.analyst", "/api/v1/exchange/incidents/" + amberIncident).statusCode())
        .isEqualTo(404);

    // Sending it to a third partner is refused, audited, and queues nothing.
    var generator = KeyPairGenerator.getInstance("Ed25519");
    var third = generator.generateKeyPair();
    String idC = "pt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String pairingC =
        "{\"id\":\""
            + idC
            + "\",\"country\":\"MEX\",\"authority\":\"FGR\",\"baseUrl\":\"http://127.0.0.1:9\","
            + "\"publicKey\":\""
            + Base64.getEncoder().encodeToString(third.getPublic().getEncoded())
            + "\"}";
    b.getBean(Partners.class)
        .pair(as(b, "admin"), pairingC, null, "MPS", List.of(Incidents.INCIDENT));
    long queued = queuedOnB();
    assertThatThrownBy(
            () ->
                b.getBean(PartnerOutbox.class)
                    .send(
                        as(b, "investigator"),
                        idC,
                        Incidents.INCIDENT,
                        "{}",
                        Incidents.KIND,
                        amberIncident))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("third-party rule");
    assertThat(queuedOnB()).isEqualTo(queued);
    assertThat(
            jdbc(b)
                .sql(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'EXCHANGE_SEND'"
                        + " AND outcome = 'REFUSED' AND detail LIKE '%third-party rule%'")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // The partner's own agency reads its record as owner but releases nothing.
    assertThat(get("a.liaison", "/api/v1/exchange/incidents").statusCode()).isEqualTo(403);
    assertThatThrownBy(
            () ->
                b.getBean(Releases.class)
                    .request(
                        as(b, "a.liaison"),
                        "exchange-incident",
                        amberIncident,
                        "GACC",
                        "pass it on"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @Order(3)
  void aPoisonMessageIsQuarantinedAndThePartnersQueueMovesOn() throws Exception {
    PartnerOutbox outbox = a.getBean(PartnerOutbox.class);
    Marking green = Marking.of("DEA", Tlp.GREEN);
    OutgoingMessage poison = outbox.send(as(a, "investigator"), idB, PROBE, "poison 1", green);
    outbox.send(as(a, "investigator"), idB, PROBE, "after 1", green);
    outbox.send(as(a, "investigator"), idB, PROBE, "after 2", green);

    await(() -> probe.applied.contains("after 2"));
    assertThat(probe.applied).containsSubsequence("after 1", "after 2").doesNotContain("poison 1");
    await(() -> a.getBean(Partners.class).outboxes(as(a, "admin")).get(idB).pending() == 0);
    assertThat(
            jdbc(a)
                .sql(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'EXCHANGE_DELIVER'"
                        + " AND outcome = 'QUARANTINED' AND detail LIKE :id")
                .param("id", "%" + poison.messageId() + "%")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    var row =
        jdbc(b)
            .sql(
                "SELECT quarantine_error, headers, body, applied_at FROM exchange_inbox"
                    + " WHERE message_id = :id")
            .param("id", poison.messageId())
            .query()
            .singleRow();
    assertThat((String) row.get("quarantine_error")).contains("IllegalStateException");
    assertThat((String) row.get("headers")).contains("Signature-Input: pt=");
    assertThat(row.get("body")).isEqualTo("poison 1");
    assertThat(row.get("applied_at")).isNull();
    assertThat(audited(b, "EXCHANGE_QUARANTINE", "QUARANTINED", poison.messageId())).isEqualTo(1);

    // Administrators see it (not its body); nobody else does.
    HttpResponse<String> listed = get("admin", "/api/v1/exchange/quarantine");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body())
        .contains(poison.messageId(), "IllegalStateException")
        .doesNotContain("poison 1");
    assertThat(get("investigator", "/api/v1/exchange/quarantine").statusCode()).isEqualTo(403);
    assertThat(page(portB, "admin", "/exchange/quarantine").body()).contains(poison.messageId());
    String replay = "/api/v1/exchange/quarantine/" + idA + "/" + poison.messageId() + "/replay";
    assertThat(post("investigator", replay, "").statusCode()).isEqualTo(403);

    // Replayed before the fix it stays; after the fix it is applied once, and only once.
    assertThat(post("admin", replay, "").body()).contains("STILL_FAILING");
    probe.fixed = true;
    assertThat(post("admin", replay, "").body()).contains("\"outcome\":\"APPLIED\"");
    assertThat(post("admin", replay, "").body()).contains("ALREADY_APPLIED");
    assertThat(probe.applied.stream().filter("poison 1"::equals).count()).isEqualTo(1);
    assertThat(audited(b, "EXCHANGE_REPLAY", "APPLIED", poison.messageId())).isEqualTo(1);
  }

  @Test
  @Order(4)
  void aSeizedShipmentUnderANoticeTravelsAsAnIncident() throws Exception {
    Notice filed =
        a.getBean(Notices.class).file(as(a, "investigator"), noticeDraft(idB, "23056-29-3"));
    Notices importer = b.getBean(Notices.class);
    await(
        () ->
            importer.list(as(b, "investigator"), Notice.Direction.INCOMING).stream()
                .anyMatch(n -> n.id().equals(filed.id())));
    importer.answer(as(b, "investigator"), filed.id(), "SHIPMENT_SEIZED", null);

    Incidents onA = a.getBean(Incidents.class);
    await(() -> onA.list(as(a, "analyst")).stream().anyMatch(i -> i.sourceId().equals(filed.id())));
    Incident incident =
        onA.list(as(a, "analyst")).stream()
            .filter(i -> i.sourceId().equals(filed.id()))
            .findFirst()
            .orElseThrow();
    assertThat(incident.sourceKind()).isEqualTo("notice");
    assertThat(incident.partnerId()).isEqualTo(idB);
    assertThat(incident.originCountry()).isEqualTo(new CountryCode("CHN"));
    assertThat(incident.senderAgency()).isEqualTo("MPS");
    assertThat(incident.place()).isEqualTo("Port of Nansha");
    assertThat(incident.reference()).contains("INV-2026-0042").contains("seized");
    assertThat(incident.items())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(new java.math.BigDecimal(item.netQuantity()))
                  .isEqualByComparingTo("250.50");
              assertThat(item.netUnit()).isEqualTo("KG");
            });
    assertThat(incident.marking().tlp()).isEqualTo(Tlp.GREEN);
    assertThat(incident.marking().relTo())
        .containsExactlyInAnyOrder(new CountryCode("CHN"), new CountryCode("USA"));
    HttpResponse<String> page = page(portA, "analyst", "/exchange/incidents/" + incident.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Port of Nansha");

    // The exporting side records a stop on another notice: the importing side gets the incident.
    Notice second =
        a.getBean(Notices.class).file(as(a, "investigator"), noticeDraft(idB, "23056-29-3"));
    a.getBean(Notices.class).answer(as(a, "investigator"), second.id(), "SHIPMENT_STOPPED", null);
    await(
        () ->
            b.getBean(Incidents.class).list(as(b, "analyst")).stream()
                .anyMatch(i -> i.sourceId().equals(second.id())));
    // A receipt is not an incident.
    Notice third =
        a.getBean(Notices.class).file(as(a, "investigator"), noticeDraft(idB, "23056-29-3"));
    a.getBean(Notices.class).answer(as(a, "investigator"), third.id(), "SHIPMENT_RECEIVED", null);
    await(
        () ->
            importer.list(as(b, "investigator"), Notice.Direction.INCOMING).stream()
                .anyMatch(
                    n ->
                        n.id().equals(third.id())
                            && n.status() == Notice.Status.SHIPMENT_RECEIVED));
    assertThat(
            b.getBean(Incidents.class).list(as(b, "analyst")).stream()
                .anyMatch(i -> i.sourceId().equals(third.id())))
        .isFalse();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private String partnerAgency() {
    return idA.toUpperCase(Locale.ROOT);
  }

  private HttpResponse<String> custodian(String username, String agency) throws Exception {
    return send(
        username,
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + portB + "/api/v1/exchange/partners/" + idA))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"custodian\":\"" + agency + "\"}")));
  }

  private HttpResponse<String> get(String username, String path) throws Exception {
    return getFrom(portB, username, path);
  }

  private HttpResponse<String> getFrom(int port, String username, String path) throws Exception {
    return send(
        username, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
  }

  /** A page as {@code username} sees it after signing in with the login form. */
  private static HttpResponse<String> page(int port, String username, String path)
      throws Exception {
    String base = "http://127.0.0.1:" + port;
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String login =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
    String form =
        "username="
            + username
            + "&password="
            + PASSWORD
            + "&_csrf="
            + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.uri().getPath()).as("signed in as " + username).doesNotContain("login");
    return browser.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String username, String path, String body) throws Exception {
    return send(
        username,
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portB + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(String username, HttpRequest.Builder request) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(
        request
            .header("Authorization", "Basic " + basic)
            .header("Accept", "application/json, text/html")
            .header("PressTrace-Purpose", "Custody test 2026-0001")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String incidentOf(String seizure) {
    return jdbc(b)
        .sql("SELECT id FROM exchange_incident WHERE source_id = :s")
        .param("s", seizure)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private long queuedOnB() {
    return jdbc(b).sql("SELECT COUNT(*) FROM exchange_outbox").query(Long.class).single();
  }

  private String report(Marking marking, String tag) {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl",
            null,
            "PILLS",
            "0.11",
            "kg",
            null,
            null,
            "1000",
            "M 30",
            "blue",
            null,
            null,
            null);
    var draft =
        new SeizureDraft(
            "CUS-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8),
            LocalDateTime.now(java.time.ZoneId.of("America/Phoenix"))
                .minusHours(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString(),
            "America/Phoenix",
            "PORT_OF_ENTRY",
            "Nogales",
            "AZ",
            "Nogales",
            null,
            null,
            "narrative",
            marking,
            List.of(item),
            List.of(),
            List.of());
    return a.getBean(Seizures.class).report(as(a, "investigator"), draft).seizure().id();
  }

  private void release(String seizure) {
    Releases releases = a.getBean(Releases.class);
    var release =
        releases.request(
            as(a, "investigator"),
            "seizure",
            seizure,
            idB.toUpperCase(Locale.ROOT),
            "joint investigation");
    releases.approve(as(a, "supervisor"), release.id(), "approved");
  }
}
