package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.resolution.Schema;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PressTraceIntegrationTest
class LinksIntegrationTests {

  static final PageQuery ALL = new PageQuery(0, PageQuery.MAX_SIZE);

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired Links links;
  @Autowired Seizures seizures;
  @Autowired JdbcClient jdbc;

  World world;
  AccessContext dea;
  AccessContext cbp;
  String sender;
  String beneficiary;
  String deaSecret;

  @BeforeEach
  void agencies() {
    world = new World(directory);
    String deaCode = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbpCode = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    dea = world.as(world.user("dea-agent", deaCode, Role.INVESTIGATOR), Channel.API);
    cbp = world.as(world.user("cbp-agent", cbpCode, Role.INVESTIGATOR), Channel.API);
    sender = subject(cbp, Schema.PERSON, "John Carter", Tlp.GREEN);
    beneficiary = subject(cbp, Schema.COMPANY, "Wuhan Yuancheng Trading Co., Ltd.", Tlp.GREEN);
    deaSecret = subject(dea, Schema.PERSON, "Hidden Courier", Tlp.RED);
  }

  @Test
  void aPaymentIsStoredWithItsProvenanceAndShownWithItsEnds() {
    Link paid = links.record(cbp, payment(sender, beneficiary, "950", Tlp.GREEN));
    assertThat(paid.schema()).isEqualTo(LinkSchema.PAYMENT);
    assertThat(paid.subject().role()).isEqualTo("payer");
    assertThat(paid.subject().label()).isEqualTo("John Carter");
    assertThat(paid.object().role()).isEqualTo("beneficiary");
    assertThat(paid.object().type()).isEqualTo("Company");
    assertThat(paid.amount()).isEqualByComparingTo("950");
    assertThat(paid.currency()).isEqualTo("USD");
    assertThat(paid.source()).isEqualTo("FinCEN SAR 31000123");
    assertThat(paid.marking().ownerAgency()).isEqualTo(cbp.caller().agency());

    assertThat(links.get(dea, paid.id()).object().label()).contains("Yuancheng");
    assertThat(links.forSubject(dea, beneficiary, null, ALL).items())
        .extracting(Link::id)
        .containsExactly(paid.id());
    assertThat(links.forSubject(dea, beneficiary, LinkSchema.OWNERSHIP, ALL).items()).isEmpty();
  }

  @Test
  void aLinkToAnEndTheCallerCannotReadIsNeverRevealed() {
    // DEA links its hidden courier to CBP's visible beneficiary, marked GREEN: CBP may read the
    // link and the beneficiary, but not the courier.
    Link hiddenEnd =
        links.record(
            dea,
            new LinkDraft(
                LinkSchema.ASSOCIATE,
                deaSecret,
                sender,
                null,
                null,
                null,
                null,
                "courier for",
                null,
                "DEA-6 report 77",
                null,
                Marking.of("ignored", Tlp.GREEN)));
    Link visible = links.record(cbp, payment(sender, beneficiary, "120.50", Tlp.GREEN));

    assertThatThrownBy(() -> links.get(cbp, hiddenEnd.id())).isInstanceOf(NotFound.class);
    var ofSender = links.forSubject(cbp, sender, null, ALL);
    assertThat(ofSender.items()).extracting(Link::id).containsExactly(visible.id());
    assertThat(ofSender.totalItems()).as("the hidden link is not counted").isEqualTo(1);
    var mine = links.visible(cbp, null, new PageQuery(0, 1));
    assertThat(mine.items().toString()).doesNotContain(hiddenEnd.id()).doesNotContain("Hidden");
    assertThat(
            links.visible(cbp, LinkSchema.ASSOCIATE, ALL).items().stream()
                .filter(link -> link.id().equals(hiddenEnd.id())))
        .isEmpty();
    assertThat(links.visible(cbp, null, ALL).totalItems())
        .isEqualTo(links.visible(cbp, null, ALL).items().size());

    // DEA reads both ends and sees the link
    assertThat(links.get(dea, hiddenEnd.id()).subject().label()).isEqualTo("Hidden Courier");
    assertThat(links.forSubject(dea, sender, null, ALL).items())
        .extracting(Link::id)
        .contains(hiddenEnd.id(), visible.id());
  }

  @Test
  void aLinkTheCallerCannotReadIsHiddenEvenWithBothEndsVisible() {
    Link red = links.record(cbp, payment(sender, beneficiary, "300", Tlp.RED));
    assertThatThrownBy(() -> links.get(dea, red.id())).isInstanceOf(NotFound.class);
    assertThat(links.forSubject(dea, sender, null, ALL).items())
        .extracting(Link::id)
        .doesNotContain(red.id());
    assertThat(links.get(cbp, red.id()).id()).isEqualTo(red.id());
  }

  @Test
  void aSubjectIsLinkedToASeizureTheCallerMayRead() {
    String seizure = seizure(cbp, Tlp.AMBER);
    Link seized = links.record(cbp, unknown(sender, "seizure:" + seizure, "driver of the load"));
    assertThat(seized.object().kind()).isEqualTo("seizure");
    assertThat(seized.object().id()).isEqualTo(seizure);
    assertThat(seized.role()).isEqualTo("driver of the load");
    assertThat(links.forSubject(cbp, sender, null, ALL).items())
        .extracting(Link::id)
        .contains(seized.id());
    assertThat(links.forSubject(dea, sender, null, ALL).items())
        .as("DEA may read the sender but not CBP's AMBER seizure")
        .extracting(Link::id)
        .doesNotContain(seized.id());
    assertThatThrownBy(() -> links.get(dea, seized.id())).isInstanceOf(NotFound.class);
  }

  @Test
  void badLinksAreRefusedByFieldAndNothingIsStored() {
    long before = jdbc.sql("SELECT COUNT(*) FROM resolution_link").query(Long.class).single();
    refused(payment("no-such-subject", beneficiary, "10", Tlp.GREEN), "ends.payer", "no subject");
    refused(payment(deaSecret, beneficiary, "10", Tlp.GREEN), "ends.payer", "no subject");
    assertThat(messageOf(payment("no-such-subject", beneficiary, "10", Tlp.GREEN)))
        .as("an unknown end and an unreadable one get the same answer")
        .isEqualTo(
            messageOf(payment(deaSecret, beneficiary, "10", Tlp.GREEN))
                .replace(deaSecret, "no-such-subject"));
    refused(payment(sender, "seizure:nope", "10", Tlp.GREEN), "ends.beneficiary", "must be a");
    refused(payment(sender, beneficiary, "0", Tlp.GREEN), "amount", "more than zero");
    refused(payment(sender, beneficiary, "-5", Tlp.GREEN), "amount", "more than zero");
    refused(payment(sender, beneficiary, "1.00001", Tlp.GREEN), "amount", "more than 4 decimals");
    refused(payment(sender, beneficiary, "1E-2147483647", Tlp.GREEN), "amount", "decimals");
    refused(payment(sender, beneficiary, "1E+2147483647", Tlp.GREEN), "amount", "outside");
    refused(payment(sender, beneficiary, "-1E+2147483647", Tlp.GREEN), "amount", "more than zero");
    refused(payment(sender, beneficiary, "1E+308", Tlp.GREEN), "amount", "outside 0 to");
    refused(payment(sender, sender, "10", Tlp.GREEN), "ends.beneficiary", "two different");
    refused(
        withCurrency(payment(sender, beneficiary, "10", Tlp.GREEN), "USX"), "currency", "ISO 4217");
    refused(
        withCurrency(payment(sender, beneficiary, "10", Tlp.GREEN), "XXX"), "currency", "ISO 4217");
    refused(
        withCurrency(payment(sender, beneficiary, "10", Tlp.GREEN), null), "currency", "ISO 4217");
    LinkDraft future = payment(sender, beneficiary, "10", Tlp.GREEN);
    refused(
        new LinkDraft(
            future.schema(),
            sender,
            beneficiary,
            BigDecimal.TEN,
            "USD",
            LocalDate.now(ZoneOffset.UTC).plusDays(2),
            null,
            null,
            null,
            "SAR",
            null,
            future.marking()),
        "date",
        "in the future");
    refused(
        new LinkDraft(
            LinkSchema.DIRECTORSHIP,
            beneficiary,
            sender,
            null,
            null,
            null,
            null,
            null,
            "CEO",
            "Registry extract",
            null,
            Marking.of("x", Tlp.GREEN)),
        "ends.director",
        "must be a Person, not a Company");
    refused(
        new LinkDraft(
            LinkSchema.OWNERSHIP,
            sender,
            beneficiary,
            BigDecimal.ONE,
            "USD",
            null,
            null,
            null,
            null,
            "Deed",
            null,
            Marking.of("x", Tlp.GREEN)),
        "amount",
        "has no amount");
    refused(unknown(sender, "machine:" + beneficiary, "bought"), "ends.object", "no machine");
    refused(unknown(sender, "planet:mars", "bought"), "ends.object", "not a kind of end");
    refused(
        new LinkDraft(
            LinkSchema.PAYMENT,
            sender,
            beneficiary,
            BigDecimal.ONE,
            "USD",
            LocalDate.of(2026, 1, 1),
            null,
            null,
            null,
            " ",
            null,
            Marking.of("x", Tlp.GREEN)),
        "source",
        "required");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM resolution_link").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aBatchIsStoredWholeOrNotAtAll() {
    var good = payment(sender, beneficiary, "25", Tlp.GREEN);
    var bad = payment(sender, beneficiary, "-1", Tlp.GREEN);
    LinkBatch refused = links.recordAll(cbp, List.of(good, bad, good), false);
    assertThat(refused.refused()).isTrue();
    assertThat(refused.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.row()).isEqualTo(2);
              assertThat(problem.field()).isEqualTo("amount");
            });
    assertThat(links.forSubject(cbp, sender, null, ALL).totalItems()).isZero();
    assertThat(links.recordAll(cbp, List.of(good, good), true).stored()).isZero();
    assertThat(links.forSubject(cbp, sender, null, ALL).totalItems()).isZero();
    LinkBatch stored = links.recordAll(cbp, List.of(good, good), false);
    assertThat(stored.stored()).isEqualTo(2);
    assertThat(links.forSubject(cbp, sender, null, ALL).totalItems()).isEqualTo(2);
  }

  private void refused(LinkDraft draft, String field, String message) {
    assertThatThrownBy(() -> links.record(cbp, draft))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo(field));
  }

  private String messageOf(LinkDraft draft) {
    try {
      links.record(cbp, draft);
      return "";
    } catch (InvalidRequest refused) {
      return refused.getMessage();
    }
  }

  private static LinkDraft payment(String payer, String to, String amount, Tlp tlp) {
    return new LinkDraft(
        LinkSchema.PAYMENT,
        payer,
        to,
        new BigDecimal(amount),
        "usd",
        LocalDate.of(2026, 9, 14),
        null,
        null,
        null,
        "FinCEN SAR 31000123",
        null,
        Marking.of("ignored", tlp));
  }

  private static LinkDraft withCurrency(LinkDraft draft, String currency) {
    return new LinkDraft(
        draft.schema(),
        draft.subject(),
        draft.object(),
        draft.amount(),
        currency,
        draft.date(),
        null,
        null,
        null,
        draft.source(),
        null,
        draft.marking());
  }

  private static LinkDraft unknown(String subject, String object, String role) {
    return new LinkDraft(
        LinkSchema.UNKNOWN_LINK,
        subject,
        object,
        null,
        null,
        null,
        null,
        null,
        role,
        "Seizure report",
        null,
        Marking.of("ignored", Tlp.AMBER));
  }

  private String subject(AccessContext author, Schema schema, String name, Tlp tlp) {
    return subjects
        .submit(
            author,
            new SubjectDraft(
                schema,
                Map.of("name", List.of(name)),
                "CASE-" + world.suffix(),
                "Desk",
                null,
                null,
                Marking.of(author.caller().agency(), tlp)))
        .subject()
        .id();
  }

  private String seizure(AccessContext author, Tlp tlp) {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl", null, "pills", null, null, null, null, "500", null, null, null, null, null);
    return seizures
        .report(
            author,
            new SeizureDraft(
                null,
                java.time.LocalDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0).toString(),
                "UTC",
                "INTERIOR",
                null,
                "VT",
                null,
                null,
                null,
                "Traffic stop " + world.suffix(),
                new Marking(author.caller().agency(), tlp, "LEI", false, null, null),
                List.of(item),
                List.of(),
                List.of()))
        .seizure()
        .id();
  }
}
