package org.presstrace.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.exchange.internal.Envelope;
import org.presstrace.exchange.internal.OutboxSender;
import org.presstrace.exchange.internal.SignatureProfile;
import org.presstrace.shared.CountryCode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Two PressTrace instances in one JVM on loopback, each on its own H2 file database and data
 * directory: the United States' (A) and China's (B), paired with each other. The test itself plays
 * a third paired instance (C) to forge the requests a hostile network would send.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceTests {

  static final String NOTE = "test.note";

  private Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Recorder recordedByA = new Recorder();
  private final List<Recorder> recordedByB = new ArrayList<>();
  private int portA;
  private int portB;
  private ConfigurableApplicationContext a;
  private ConfigurableApplicationContext b;
  private String idA;
  private String idB;

  /** Records what the {@code test.note} handler of one instance applied, in order. */
  static final class Recorder implements PartnerMessageHandler {
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String type() {
      return NOTE;
    }

    @Override
    public void receive(ReceivedMessage message) {
      bodies.add(message.body());
    }
  }

  @BeforeAll
  void startAndPair(@TempDir Path dir) throws IOException {
    this.dir = dir;
    portA = freePort();
    portB = freePort();
    a = start("a", portA, "USA", "Drug Enforcement Administration", recordedByA);
    b = startB();
    seed(a, "USA", "DEA");
    seed(b, "CHN", "MPS");
    idA = a.getBean(InstanceIdentity.class).id();
    idB = b.getBean(InstanceIdentity.class).id();
    a.getBean(Partners.class)
        .pair(admin(a), b.getBean(InstanceIdentity.class).pairing().toJson(), null, List.of(NOTE));
    b.getBean(Partners.class)
        .pair(admin(b), a.getBean(InstanceIdentity.class).pairing().toJson(), null, List.of(NOTE));
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
  void aMessageArrivesOnceWithItsOriginAndMarking() {
    Marking marking =
        new Marking("DEA", Tlp.AMBER, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null);
    OutgoingMessage sent = send("first note", marking);

    await(() -> received(b).size() == 1);
    assertThat(recorded()).containsExactly("first note");
    var row =
        jdbc(b)
            .sql(
                "SELECT partner_id, origin_country, owner_agency, tlp, rel_to FROM exchange_inbox"
                    + " WHERE message_id = :id")
            .param("id", sent.messageId())
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("partner_id", idA)
        .containsEntry("origin_country", "USA")
        // Sent as DEA's; owned here by the partner's agency, so that no agency of this instance
        // that shares (or is made to share) the sender's code becomes its owner.
        .containsEntry("owner_agency", b.getBean(Partners.class).get(admin(b), idA).agency())
        .containsEntry("tlp", "AMBER")
        .containsEntry("rel_to", ",CHN,USA,");
    await(() -> outbox(a).pending() == 0);
    assertThat(audited(a, "EXCHANGE_SEND", "QUEUED", sent.messageId())).isEqualTo(1);
    assertThat(audited(b, "EXCHANGE_RECEIVE", "RECEIVED", sent.messageId())).isEqualTo(1);
    assertThat(auditedDetail(a, "EXCHANGE_DELIVER", "DELIVERED", sent.messageId())).isEqualTo(1);
    await(() -> ledgerHasAuditLeaves(a));
    await(() -> ledgerHasAuditLeaves(b));

    // The acknowledgement is lost: A sends the same message again; B's answer is "already
    // received" and nothing is applied twice.
    jdbc(a)
        .sql("UPDATE exchange_outbox SET status = 'PENDING' WHERE message_id = :id")
        .param("id", sent.messageId())
        .update();
    await(() -> audited(b, "EXCHANGE_RECEIVE", "ALREADY_RECEIVED", sent.messageId()) == 1);
    await(() -> outbox(a).pending() == 0);
    assertThat(received(b)).hasSize(1);
    assertThat(recorded()).containsExactly("first note");
  }

  @Test
  @Order(2)
  void aPartnerThatWasDownGetsEveryMessageOnceAndInOrder() {
    int before = received(b).size();
    b.close();
    var bodies = new ArrayList<String>();
    for (int i = 1; i <= 5; i++) {
      bodies.add("while down " + i);
      send("while down " + i, Marking.of("DEA", Tlp.GREEN));
    }
    await(() -> outbox(a).lastError() != null);
    OutboxState waiting = outbox(a);
    assertThat(waiting.pending()).isEqualTo(5);
    assertThat(waiting.nextAttempt()).isNotNull();

    b = startB();
    await(() -> outbox(a).pending() == 0);
    List<String> afterRestart = recordedByB.get(recordedByB.size() - 1).bodies;
    assertThat(afterRestart).containsExactlyElementsOf(bodies);
    List<String> inbox = received(b).stream().skip(before).map(ReceivedMessage::body).toList();
    assertThat(inbox).containsExactlyElementsOf(bodies);
    assertThat(
            jdbc(b)
                .sql(
                    "SELECT COUNT(*) FROM exchange_inbox WHERE partner_id = :p AND applied_at IS NULL")
                .param("p", idA)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @Order(3)
  void aRecordThePartnerMayNotReadNeverEntersTheOutbox() {
    long queued = queued(a);
    int arrived = received(b).size();
    List<Marking> refused =
        List.of(
            new Marking("DEA", Tlp.GREEN, "LEI", true, null, null),
            new Marking("DEA", Tlp.AMBER, "LEI", false, Marking.relTo(List.of("GBR", "USA")), null),
            Marking.of("DEA", Tlp.RED),
            Marking.of("DEA", Tlp.AMBER_STRICT),
            new Marking("DEA", Tlp.GREEN, null, false, null, "OP-EXCHANGE"),
            // another agency's marking: DEA cannot release it
            Marking.of("CBP", Tlp.GREEN));
    for (Marking marking : refused) {
      assertThatThrownBy(() -> send("secret " + marking.banner(), marking))
          .as(marking.banner())
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("not releasable to partner " + idB);
    }
    assertThatThrownBy(
            () ->
                a.getBean(PartnerOutbox.class)
                    .send(investigator(a), idB, "test.unagreed", "x", Marking.of("DEA", Tlp.CLEAR)))
        .hasMessageContaining("not agreed");
    assertThat(queued(a)).isEqualTo(queued);
    assertThat(
            jdbc(a)
                .sql(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'EXCHANGE_SEND'"
                        + " AND outcome = 'REFUSED'")
                .query(Long.class)
                .single())
        .isEqualTo(refused.size());
    // one more releasable message goes through after them, so the refused ones had their chance
    send("releasable", Marking.of("DEA", Tlp.CLEAR));
    await(() -> received(b).size() == arrived + 1);
    assertThat(received(b).stream().map(ReceivedMessage::body))
        .noneMatch(body -> body.startsWith("secret"));
  }

  @Test
  @Order(4)
  void forgedStaleReplayedAndUnagreedRequestsAreRefusedAndStoreNothing() throws Exception {
    KeyPair c = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair d = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String idC = "pt-partner-c";
    String pairingC =
        new Pairing(
                idC,
                new CountryCode("USA"),
                "A third instance",
                "http://localhost:9",
                Base64.getEncoder().encodeToString(c.getPublic().getEncoded()))
            .toJson();
    b.getBean(Partners.class).pair(admin(b), pairingC, null, List.of(NOTE));

    byte[] good = envelope(idC, 1, NOTE, Marking.of("DEA", Tlp.GREEN));
    Instant now = Instant.now();

    assertThat(post(unsigned(good))).isEqualTo(problem(401, "unsigned"));
    assertThat(post(signed(d, "pt-unknown-d", now, good, good)))
        .isEqualTo(problem(401, "unknown-partner"));
    assertThat(post(signed(d, idC, now, good, good))).isEqualTo(problem(401, "bad-signature"));
    byte[] tampered =
        new String(good, StandardCharsets.UTF_8)
            .replace("GREEN", "CLEAR")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(post(signed(c, idC, now, good, tampered)))
        .isEqualTo(problem(400, "digest-mismatch"));
    assertThat(post(signed(c, idC, now.minus(Duration.ofMinutes(6)), good, good)))
        .isEqualTo(problem(401, "stale"));
    assertThat(post(signed(c, idC, now.plus(Duration.ofMinutes(6)), good, good)))
        .isEqualTo(problem(401, "stale"));
    assertThat(
            post(
                signed(
                    c,
                    idC,
                    now,
                    envelope(idC, 1, "test.other", Marking.of("DEA", Tlp.GREEN)),
                    null)))
        .isEqualTo(problem(403, "type-not-agreed"));
    assertThat(
            post(
                signed(
                    c,
                    idC,
                    now,
                    envelope(idC, 1, NOTE, new Marking("DEA", Tlp.GREEN, "LEI", true, null, null)),
                    null)))
        .isEqualTo(problem(403, "not-releasable"));
    byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
    assertThat(post(signed(c, idC, now, notJson, null)))
        .isEqualTo(problem(400, "malformed-message"));
    byte[] elsewhere =
        new String(good, StandardCharsets.UTF_8)
            .replace("\"to\":\"" + idB + "\"", "\"to\":\"pt-another-instance\"")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(post(signed(c, idC, now, elsewhere, null)))
        .isEqualTo(problem(403, "wrong-recipient"));
    HttpRequest forA = signedFor("http://127.0.0.1:" + portA + OutboxSender.PATH, c, idC, good);
    assertThat(post(forA))
        .as("signed for another instance's URL")
        .isEqualTo(problem(401, "bad-signature"));
    assertThat(storedFrom(idC)).as("nothing refused is stored").isZero();
    assertThat(refusedAudits(b)).isGreaterThanOrEqualTo(11);
    assertThat(
            jdbc(b)
                .sql(
                    "SELECT COUNT(*) FROM audit_event WHERE outcome = 'REFUSED' AND detail LIKE :body")
                .param("body", "%" + NOTE + " body%")
                .query(Long.class)
                .single())
        .as("refusals are audited without the body")
        .isZero();

    HttpRequest accepted = signed(c, idC, Instant.now(), good, good);
    assertThat(post(accepted)).isEqualTo("200 received");
    assertThat(post(accepted)).as("the same request again").isEqualTo(problem(401, "replayed"));
    assertThat(post(signed(c, idC, Instant.now(), good, good)))
        .as("a resend, freshly signed")
        .isEqualTo("200 already received");
    assertThat(storedFrom(idC)).isEqualTo(1);

    b.getBean(Partners.class).update(admin(b), idC, List.of(NOTE), false);
    byte[] second = envelope(idC, 2, NOTE, Marking.of("DEA", Tlp.GREEN));
    assertThat(post(signed(c, idC, Instant.now(), second, second)))
        .isEqualTo(problem(403, "partner-disabled"));
    assertThat(storedFrom(idC)).isEqualTo(1);

    // a gap waits: sequence 3 is stored but applied only once 2 arrives
    b.getBean(Partners.class).update(admin(b), idC, List.of(NOTE), true);
    byte[] third = envelope(idC, 3, NOTE, Marking.of("DEA", Tlp.GREEN));
    assertThat(post(signed(c, idC, Instant.now(), third, third))).isEqualTo("200 received");
    assertThat(appliedFrom(idC)).isEqualTo(1);
    assertThat(post(signed(c, idC, Instant.now(), second, second))).isEqualTo("200 received");
    assertThat(appliedFrom(idC)).isEqualTo(3);
  }

  @Test
  @Order(5)
  void aNoticeFiledInOneCountryIsAnsweredInTheOtherAndTheAnswerComesBack() {
    List<String> types = List.of(NOTE, Notices.NOTICE, Notices.ANSWER);
    a.getBean(Partners.class).update(admin(a), idB, types, true);
    b.getBean(Partners.class).update(admin(b), idA, types, true);
    Notices exporter = a.getBean(Notices.class);
    long queued = queued(a);

    assertThatThrownBy(() -> exporter.file(investigator(a), noticeDraft(idB, "sugar")))
        .hasMessageContaining("'sugar' is not a listed substance");
    assertThatThrownBy(() -> exporter.file(investigator(a), noticeDraft(idB, "23056-29-4")))
        .hasMessageContaining("23056-29-4");
    assertThat(queued(a)).as("a refused notice sends nothing").isEqualTo(queued);

    Notice filed = exporter.file(investigator(a), noticeDraft(idB, "23056-29-3"));
    assertThat(filed.substanceName()).isEqualTo("4-AP");
    assertThat(filed.controlTable()).isEqualTo("UN 1988 Convention Table I");
    assertThat(filed.marking().banner()).isEqualTo("TLP:GREEN // CUI//LEI//REL TO CHN, USA");

    Notices importer = b.getBean(Notices.class);
    await(
        () ->
            importer.list(investigator(b), Notice.Direction.INCOMING).stream()
                .anyMatch(n -> n.id().equals(filed.id())));
    Notice received = importer.get(investigator(b), filed.id());
    assertThat(received.partnerId()).isEqualTo(idA);
    assertThat(received.partnerCountry()).isEqualTo(new CountryCode("USA"));
    assertThat(received.consignee()).isEqualTo("Guangzhou Pharma Trading Co.");
    assertThat(received.quantity()).isEqualByComparingTo("250.5");
    // Owned here by the partner's agency on this instance, not by whatever code the sender used.
    assertThat(received.marking().ownerAgency())
        .isEqualTo(b.getBean(Partners.class).get(admin(b), idA).agency());
    assertThat(received.marking().banner()).endsWith("CUI//LEI//REL TO CHN, USA");
    assertThat(received.status()).isEqualTo(Notice.Status.AWAITING_ANSWER);

    assertThatThrownBy(() -> importer.answer(investigator(b), filed.id(), "OBJECT", " "))
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> exporter.answer(investigator(a), filed.id(), "CONFIRM", null))
        .as("the exporter does not answer its own notice")
        .hasMessageContaining("only the importing authority answers");
    importer.answer(investigator(b), filed.id(), "OBJECT", "The consignee holds no import licence");

    await(() -> exporter.get(investigator(a), filed.id()).status() == Notice.Status.OBJECTED);
    Notice answered = exporter.get(investigator(a), filed.id());
    assertThat(answered.answers()).hasSize(1);
    assertThat(answered.answers().get(0).reason())
        .isEqualTo("The consignee holds no import licence");
    assertThat(answered.answers().get(0).answeredBy()).isEqualTo("investigator (MPS, CHN)");
    NoticeDraft larger = noticeDraft(idB, "23056-29-3");
    larger =
        new NoticeDraft(
            larger.partnerId(),
            larger.exporter(),
            larger.importer(),
            "Shenzhen Licensed Importer Ltd.",
            larger.substance(),
            "300",
            larger.unit(),
            12,
            larger.invoice(),
            larger.route(),
            larger.exitPoint(),
            larger.entryPoint(),
            larger.dispatchDate(),
            larger.transport(),
            null);
    assertThatThrownBy(() -> importer.amend(investigator(b), filed.id(), noticeDraft(idB, "4-AP")))
        .hasMessageContaining("only the exporting authority amends");
    Notice second = exporter.amend(investigator(a), filed.id(), larger);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.status()).isEqualTo(Notice.Status.AWAITING_ANSWER);
    await(() -> importer.get(investigator(b), filed.id()).version() == 2);
    Notice receivedAgain = importer.get(investigator(b), filed.id());
    assertThat(receivedAgain.consignee()).isEqualTo("Shenzhen Licensed Importer Ltd.");
    assertThat(receivedAgain.status()).isEqualTo(Notice.Status.AWAITING_ANSWER);
    assertThat(receivedAgain.answers()).extracting(NoticeAnswer::noticeVersion).containsExactly(1);
    importer.answer(investigator(b), filed.id(), "CONFIRM", null);
    await(() -> exporter.get(investigator(a), filed.id()).status() == Notice.Status.CONFIRMED);
    assertThat(exporter.get(investigator(a), filed.id()).answers())
        .extracting(answer -> answer.noticeVersion() + " " + answer.kind())
        .containsExactly("1 OBJECT", "2 CONFIRM");

    assertThat(exporter.incbCopy(investigator(a), filed.id()))
        .startsWith("{\"format\":\"presstrace-incb-notice/v1\"")
        .contains("\"exportingCountry\":\"USA\",\"importingCountry\":\"CHN\"")
        .contains("\"status\":\"CONFIRMED\"")
        .contains("The consignee holds no import licence");
    assertThat(importer.incbCopy(investigator(b), filed.id()))
        .contains("\"exportingCountry\":\"USA\",\"importingCountry\":\"CHN\"");
  }

  @Test
  @Order(6)
  void cancellationsOutcomesAndMissedDeadlinesAreSeenOnBothSides() {
    Notices exporter = a.getBean(Notices.class);
    Notices importer = b.getBean(Notices.class);
    Notice stopped = exporter.file(investigator(a), noticeDraft(idB, "NPP"));
    Notice cancelled = exporter.file(investigator(a), noticeDraft(idB, "4-piperidone"));
    Notice unanswered = exporter.file(investigator(a), noticeDraft(idB, "ANPP"));
    await(() -> importer.list(investigator(b), Notice.Direction.INCOMING).size() >= 4);

    importer.answer(investigator(b), stopped.id(), "SHIPMENT_STOPPED", "Held at Nansha");
    await(
        () ->
            exporter.get(investigator(a), stopped.id()).status() == Notice.Status.SHIPMENT_STOPPED);

    assertThatThrownBy(() -> importer.answer(investigator(b), cancelled.id(), "CANCEL", "x"))
        .hasMessageContaining("only the exporting authority cancels");
    exporter.answer(investigator(a), cancelled.id(), "CANCEL", "Order withdrawn by the buyer");
    await(() -> importer.get(investigator(b), cancelled.id()).status() == Notice.Status.CANCELLED);
    assertThatThrownBy(() -> importer.answer(investigator(b), cancelled.id(), "CONFIRM", null))
        .hasMessageContaining("cancelled");

    for (ConfigurableApplicationContext side : List.of(a, b)) {
      jdbc(side)
          .sql("UPDATE exchange_notice SET response_deadline = :day WHERE id = :id")
          .param("day", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1))
          .param("id", unanswered.id())
          .update();
      assertThat(side.getBean(Notices.class).recordMissedDeadlines()).isEqualTo(1);
    }
    assertThat(exporter.get(investigator(a), unanswered.id()).status())
        .isEqualTo(Notice.Status.NO_ANSWER_BY_DEADLINE);
    assertThat(importer.get(investigator(b), unanswered.id()).status())
        .isEqualTo(Notice.Status.NO_ANSWER_BY_DEADLINE);
  }

  // ---- instances ---------------------------------------------------------------------------

  private ConfigurableApplicationContext startB() {
    var recorder = new Recorder();
    recordedByB.add(recorder);
    return start("b", portB, "CHN", "Ministry of Public Security", recorder);
  }

  private ConfigurableApplicationContext start(
      String name, int port, String country, String authority, Recorder recorder) {
    return TwoInstances.start(
        dir,
        name,
        port,
        country,
        authority,
        context -> context.getBeanFactory().registerSingleton("testNoteHandler", recorder));
  }

  private static AccessContext admin(ConfigurableApplicationContext context) {
    return as(context, "admin");
  }

  private static AccessContext investigator(ConfigurableApplicationContext context) {
    return as(context, "investigator");
  }

  private OutgoingMessage send(String body, Marking marking) {
    return a.getBean(PartnerOutbox.class).send(investigator(a), idB, NOTE, body, marking);
  }

  private List<String> recorded() {
    var all = new ArrayList<String>();
    recordedByB.forEach(recorder -> all.addAll(recorder.bodies));
    return all;
  }

  private List<ReceivedMessage> received(ConfigurableApplicationContext context) {
    return jdbc(context)
        .sql("SELECT body, sequence FROM exchange_inbox WHERE partner_id = :p ORDER BY sequence")
        .param("p", idA)
        .query(
            (rs, row) ->
                new ReceivedMessage(
                    idA, null, null, rs.getLong(2), NOTE, rs.getString(1), null, null, null))
        .list();
  }

  private OutboxState outbox(ConfigurableApplicationContext context) {
    return context.getBean(Partners.class).outboxes(admin(context)).get(idB);
  }

  private long queued(ConfigurableApplicationContext context) {
    return jdbc(context).sql("SELECT COUNT(*) FROM exchange_outbox").query(Long.class).single();
  }

  private static long auditedDetail(
      ConfigurableApplicationContext context, String action, String outcome, String messageId) {
    return jdbc(context)
        .sql(
            "SELECT COUNT(*) FROM audit_event WHERE action = :action AND outcome = :outcome"
                + " AND detail LIKE :id")
        .param("action", action)
        .param("outcome", outcome)
        .param("id", "message " + messageId + " %")
        .query(Long.class)
        .single();
  }

  /** Every exchange audit entry is a ledger leaf (the ledger appends audit entries as written). */
  private static boolean ledgerHasAuditLeaves(ConfigurableApplicationContext context) {
    long exchangeEntries =
        jdbc(context)
            .sql("SELECT COUNT(*) FROM audit_event WHERE action LIKE 'EXCHANGE_%'")
            .query(Long.class)
            .single();
    long leaves =
        jdbc(context)
            .sql(
                "SELECT COUNT(*) FROM ledger_leaf l JOIN audit_event e"
                    + " ON l.ref = CAST(e.id AS VARCHAR(32)) WHERE l.kind = 'audit-event'"
                    + " AND e.action LIKE 'EXCHANGE_%'")
            .query(Long.class)
            .single();
    return exchangeEntries > 0 && leaves == exchangeEntries;
  }

  private long storedFrom(String partner) {
    return jdbc(b)
        .sql("SELECT COUNT(*) FROM exchange_inbox WHERE partner_id = :p")
        .param("p", partner)
        .query(Long.class)
        .single();
  }

  private long appliedFrom(String partner) {
    return jdbc(b)
        .sql("SELECT applied_through FROM exchange_partner WHERE id = :p")
        .param("p", partner)
        .query(Long.class)
        .single();
  }

  private long refusedAudits(ConfigurableApplicationContext context) {
    return jdbc(context)
        .sql(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'EXCHANGE_RECEIVE'"
                + " AND outcome = 'REFUSED'")
        .query(Long.class)
        .single();
  }

  // ---- forged requests ---------------------------------------------------------------------

  private byte[] envelope(String from, long sequence, String type, Marking marking) {
    return new Envelope(
            UUID.nameUUIDFromBytes((from + sequence).getBytes(StandardCharsets.UTF_8)).toString(),
            sequence,
            type,
            from,
            idB,
            Instant.now(),
            marking,
            type + " body " + sequence)
        .toJson();
  }

  private String target() {
    return "http://127.0.0.1:" + portB + OutboxSender.PATH;
  }

  private HttpRequest unsigned(byte[] body) {
    return HttpRequest.newBuilder(URI.create(target()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** A request signed for {@code signedTarget} but sent to B. */
  private HttpRequest signedFor(String signedTarget, KeyPair key, String keyId, byte[] body) {
    var parameters =
        new SignatureProfile.Parameters(
            Instant.now().getEpochSecond(), keyId, UUID.randomUUID().toString(), "ed25519");
    var headers =
        SignatureProfile.sign(
            key.getPrivate(), "POST", signedTarget, "application/json", body, parameters);
    return HttpRequest.newBuilder(URI.create(target()))
        .header("Content-Type", "application/json")
        .header("Content-Digest", headers.contentDigest())
        .header("Signature-Input", headers.signatureInput())
        .header("Signature", headers.signature())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** Signs {@code signedBody} but sends {@code sentBody} (the same when null). */
  private HttpRequest signed(
      KeyPair key, String keyId, Instant created, byte[] signedBody, byte[] sentBody) {
    return TwoInstances.signed(portB, key, keyId, created, signedBody, sentBody);
  }

  /** The status and, for a problem, its code; for an acknowledgement, its status word. */
  private String post(HttpRequest request) throws IOException, InterruptedException {
    return TwoInstances.post(http, request);
  }

  private static String problem(int status, String code) {
    return status + " " + code;
  }
}
