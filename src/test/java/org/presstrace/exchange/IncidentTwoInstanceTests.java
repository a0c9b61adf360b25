package org.presstrace.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.presstrace.exchange.TwoInstances.PASSWORD;
import static org.presstrace.exchange.TwoInstances.as;
import static org.presstrace.exchange.TwoInstances.audited;
import static org.presstrace.exchange.TwoInstances.await;
import static org.presstrace.exchange.TwoInstances.freePort;
import static org.presstrace.exchange.TwoInstances.jdbc;
import static org.presstrace.exchange.TwoInstances.seed;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.presstrace.exchange.internal.Envelope;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.NotFound;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Incidents between two instances on loopback, the United States' (A) and China's (B): a seizure
 * released to B's agency on A arrives on B as an incident with its origin and marking; a seizure
 * not releasable to B never enters A's outbox; a replay stores nothing twice; a malformed incident
 * from a partner is refused and stores nothing; a reader on B outside the marking does not see it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentTwoInstanceTests {

  private final HttpClient http = HttpClient.newHttpClient();
  private Path dir;
  private int portB;
  private ConfigurableApplicationContext a;
  private ConfigurableApplicationContext b;
  private String idA;
  private String idB;
  private String sentGreen;

  @BeforeAll
  void startAndPair(@TempDir Path dir) throws IOException {
    this.dir = dir;
    int portA = freePort();
    portB = freePort();
    a = start("a", portA, "USA", "Drug Enforcement Administration");
    b = start("b", portB, "CHN", "Ministry of Public Security");
    seed(a, "USA", "DEA");
    seed(b, "CHN", "MPS");
    Directory directoryA = a.getBean(Directory.class);
    directoryA.ensureAgency("CBP", "CBP", AgencyKind.FEDERAL, "USA");
    directoryA.ensureUser(
        new NewUser("cbp", "CBP investigator", "CBP", Set.of(Role.INVESTIGATOR), PASSWORD));
    directoryA.ensureUser(
        new NewUser("supervisor", "Supervisor", "DEA", Set.of(Role.SUPERVISOR), PASSWORD));
    idA = a.getBean(InstanceIdentity.class).id();
    idB = b.getBean(InstanceIdentity.class).id();
    a.getBean(Partners.class)
        .pair(
            as(a, "admin"),
            b.getBean(InstanceIdentity.class).pairing().toJson(),
            null,
            List.of(Incidents.INCIDENT));
    b.getBean(Partners.class)
        .pair(
            as(b, "admin"),
            a.getBean(InstanceIdentity.class).pairing().toJson(),
            null,
            List.of(Incidents.INCIDENT));
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
  void aReleasedSeizureArrivesAsAnIncidentWithItsOriginAndMarking() {
    Marking marking =
        new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null);
    String seizure = report(marking, "GREEN-1");
    release(seizure);

    OutgoingMessage sent = a.getBean(Incidents.class).send(as(a, "investigator"), idB, seizure);
    sentGreen = sent.messageId();
    assertThat(sent.marking()).isEqualTo(marking);
    String body = outboxBody(sent.messageId());
    assertThat(body)
        .as("only what a partner authority needs leaves")
        .doesNotContain("secret narrative", "Juan Example", "31.33", "latitude", "parties");

    Incidents received = b.getBean(Incidents.class);
    await(() -> received.list(as(b, "investigator")).stream().anyMatch(i -> from(i, seizure)));
    Incident incident =
        received.list(as(b, "investigator")).stream()
            .filter(i -> from(i, seizure))
            .findFirst()
            .orElseThrow();
    assertThat(incident.partnerId()).isEqualTo(idA);
    assertThat(incident.originCountry()).isEqualTo(new CountryCode("USA"));
    assertThat(incident.senderAgency()).isEqualTo("DEA");
    assertThat(incident.messageId()).isEqualTo(sent.messageId());
    assertThat(incident.marking())
        .as("the marking as sent, owned here by the partner's local agency")
        .isEqualTo(
            new Marking(
                idA.toUpperCase(java.util.Locale.ROOT),
                Tlp.GREEN,
                "LEI",
                false,
                Marking.relTo(List.of("CHN", "USA")),
                null));
    assertThat(incident.reference()).startsWith("INC-GREEN-1-");
    assertThat(incident.stixId()).startsWith("incident--");
    assertThat(incident.place()).isEqualTo("Nogales");
    assertThat(incident.items()).hasSize(1);
    Incident.Item item = incident.items().get(0);
    assertThat(item.form()).isEqualTo("PILLS");
    assertThat(item.imprint()).isEqualTo("M 30");
    assertThat(item.pillCount()).isEqualTo(1000L);
    assertThat(item.netUnit()).isEqualTo("KG");
    assertThat(item.estimates()).isNotEmpty();
    assertThat(item.estimates()).allMatch(e -> e.method() != null && e.doses() >= 0);
    assertThat(received.get(as(b, "analyst"), incident.id()).id()).isEqualTo(incident.id());
  }

  @Test
  @Order(2)
  void aSeizureNotReleasableToThePartnerNeverEntersTheOutbox() {
    long queued = queued();
    String unreleased =
        report(
            new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
            "UNRELEASED");
    String noforn = report(new Marking("DEA", Tlp.GREEN, "LEI", true, null, null), "NOFORN");
    String otherCountry =
        report(
            new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("GBR", "USA")), null),
            "RELGBR");
    String red = report(Marking.of("DEA", Tlp.RED), "RED");
    Incidents incidents = a.getBean(Incidents.class);
    for (String seizure : List.of(unreleased, noforn, otherCountry, red)) {
      assertThatThrownBy(() -> incidents.send(as(a, "investigator"), idB, seizure))
          .as(seizure)
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("not releasable to partner " + idB);
    }
    // the sender reads with its own context: another agency's AMBER seizure is not found for it
    String amber = report(Marking.of("DEA", Tlp.AMBER), "AMBER-CBP");
    release(amber);
    assertThatThrownBy(() -> incidents.send(as(a, "cbp"), idB, amber)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> incidents.send(as(a, "analyst"), idB, amber))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(queued()).isEqualTo(queued);

    // a releasable one sent after them arrives, so the refused ones had their chance
    String later =
        report(
            new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
            "LATER");
    release(later);
    incidents.send(as(a, "investigator"), idB, later);
    await(() -> storedOnB(later) == 1);
    for (String seizure : List.of(unreleased, noforn, otherCountry, red, amber)) {
      assertThat(storedOnB(seizure)).as(seizure).isZero();
    }
  }

  @Test
  @Order(3)
  void aReaderOutsideTheMarkingDoesNotSeeTheIncident() {
    String amber =
        report(
            new Marking("DEA", Tlp.AMBER, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
            "AMBER");
    release(amber);
    a.getBean(Incidents.class).send(as(a, "investigator"), idB, amber);
    await(() -> storedOnB(amber) == 1);
    String id =
        jdbc(b)
            .sql("SELECT id FROM exchange_incident WHERE source_id = :s")
            .param("s", amber)
            .query(String.class)
            .single();
    Incidents incidents = b.getBean(Incidents.class);
    // TLP:AMBER stays with the recipient it was released to: B's domestic readers have no release
    assertThat(incidents.list(as(b, "investigator"))).noneMatch(i -> i.id().equals(id));
    assertThatThrownBy(() -> incidents.get(as(b, "analyst"), id)).isInstanceOf(NotFound.class);
    // administrators read no record content
    assertThatThrownBy(() -> incidents.list(as(b, "admin")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @Order(4)
  void aReplayedIncidentStoresNothingTwice() {
    jdbc(a)
        .sql("UPDATE exchange_outbox SET status = 'PENDING' WHERE message_id = :id")
        .param("id", sentGreen)
        .update();
    await(() -> audited(b, "ALREADY_RECEIVED", sentGreen) == 1);
    await(() -> a.getBean(Partners.class).outboxes(as(a, "admin")).get(idB).pending() == 0);
    assertThat(incidentsOfMessage(sentGreen)).isEqualTo(1);

    // the handler itself is idempotent on (partner, message id)
    var stored =
        jdbc(b)
            .sql("SELECT body FROM exchange_inbox WHERE message_id = :id")
            .param("id", sentGreen)
            .query(String.class)
            .single();
    var again =
        new ReceivedMessage(
            idA,
            new CountryCode("USA"),
            sentGreen,
            999,
            Incidents.INCIDENT,
            stored,
            new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
            Instant.now(),
            Instant.now());
    b.getBean(org.springframework.transaction.support.TransactionTemplate.class)
        .executeWithoutResult(status -> b.getBean(IncidentReceiver.class).receive(again));
    assertThat(incidentsOfMessage(sentGreen)).isEqualTo(1);
  }

  @Test
  @Order(5)
  void aMalformedIncidentFromAPartnerIsRefusedAndStoresNothing() throws Exception {
    KeyPair c = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String idC = "pt-incident-c";
    b.getBean(Partners.class)
        .pair(
            as(b, "admin"),
            new Pairing(
                    idC,
                    new CountryCode("USA"),
                    "A third instance",
                    "http://localhost:9",
                    java.util.Base64.getEncoder().encodeToString(c.getPublic().getEncoded()))
                .toJson(),
            null,
            List.of(Incidents.INCIDENT));
    String good =
        jdbc(b)
            .sql("SELECT body FROM exchange_inbox WHERE message_id = :id")
            .param("id", sentGreen)
            .query(String.class)
            .single();
    List<String> malformed =
        List.of(
            "not json",
            "[]",
            "{\"format\":\"presstrace-incident/v1\"}",
            good.replace("\"format\":", "\"parties\":[\"Juan Example\"],\"format\":"),
            good.replace("\"PILLS\"", "\"BRICKS\""),
            good.replaceFirst("\"doses\":\\d+", "\"doses\":-1"),
            good.replaceFirst("\"stixId\":\"[^\"]*\"", "\"stixId\":\"report--x\""),
            good.replaceFirst("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"yesterday\""));
    Marking marking =
        new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null);
    long sequence = 1;
    for (String body : malformed) {
      byte[] envelope = envelope(idC, sequence, body, marking);
      assertThat(post(signed(c, idC, envelope))).as(body).isEqualTo("400 malformed-payload");
    }
    assertThat(
            jdbc(b)
                .sql("SELECT COUNT(*) FROM exchange_inbox WHERE partner_id = :p")
                .param("p", idC)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc(b)
                .sql("SELECT COUNT(*) FROM exchange_incident WHERE partner_id = :p")
                .param("p", idC)
                .query(Long.class)
                .single())
        .isZero();
    // the same sequence with a well-formed payload is then accepted: nothing was kept
    assertThat(post(signed(c, idC, envelope(idC, sequence, good, marking))))
        .isEqualTo("200 received");
    assertThat(
            jdbc(b)
                .sql("SELECT COUNT(*) FROM exchange_incident WHERE partner_id = :p")
                .param("p", idC)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  // ---- helpers -----------------------------------------------------------------------------

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
    var party = new SeizureDraft.PartyDraft("PERSON", "Juan Example", null, "courier", null);
    var draft =
        new SeizureDraft(
            "INC-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8),
            LocalDateTime.now(java.time.ZoneId.of("America/Phoenix"))
                .minusHours(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString(),
            "America/Phoenix",
            "PORT_OF_ENTRY",
            "Nogales",
            "AZ",
            "Nogales",
            "31.3322",
            "-110.9381",
            "secret narrative",
            marking,
            List.of(item),
            List.of(),
            List.of(party));
    return a.getBean(Seizures.class).report(as(a, "investigator"), draft).seizure().id();
  }

  private void release(String seizure) {
    Releases releases = a.getBean(Releases.class);
    var release =
        releases.request(
            as(a, "investigator"),
            "seizure",
            seizure,
            idB.toUpperCase(java.util.Locale.ROOT),
            "joint investigation");
    releases.approve(as(a, "supervisor"), release.id(), "approved");
  }

  private boolean from(Incident incident, String seizure) {
    return incident.sourceId().equals(seizure);
  }

  private String outboxBody(String messageId) {
    return jdbc(a)
        .sql("SELECT body FROM exchange_outbox WHERE message_id = :id")
        .param("id", messageId)
        .query(String.class)
        .single();
  }

  private long queued() {
    return jdbc(a).sql("SELECT COUNT(*) FROM exchange_outbox").query(Long.class).single();
  }

  private long storedOnB(String seizure) {
    return jdbc(b)
        .sql("SELECT COUNT(*) FROM exchange_incident WHERE source_id = :s")
        .param("s", seizure)
        .query(Long.class)
        .single();
  }

  private long incidentsOfMessage(String messageId) {
    return jdbc(b)
        .sql("SELECT COUNT(*) FROM exchange_incident WHERE message_id = :id")
        .param("id", messageId)
        .query(Long.class)
        .single();
  }

  private static long audited(
      ConfigurableApplicationContext context, String outcome, String recordId) {
    return jdbc(context)
        .sql(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'EXCHANGE_RECEIVE'"
                + " AND outcome = :outcome AND record_id = :id")
        .param("outcome", outcome)
        .param("id", recordId)
        .query(Long.class)
        .single();
  }

  private byte[] envelope(String from, long sequence, String body, Marking marking) {
    return new Envelope(
            UUID.randomUUID().toString(),
            sequence,
            Incidents.INCIDENT,
            from,
            idB,
            Instant.now(),
            marking,
            body)
        .toJson();
  }

  private HttpRequest signed(KeyPair key, String keyId, byte[] body) {
    return TwoInstances.signed(portB, key, keyId, Instant.now(), body, null);
  }

  private String post(HttpRequest request) throws IOException, InterruptedException {
    return TwoInstances.post(http, request);
  }

  private ConfigurableApplicationContext start(
      String name, int port, String country, String authority) {
    return TwoInstances.start(dir, name, port, country, authority);
  }
}
