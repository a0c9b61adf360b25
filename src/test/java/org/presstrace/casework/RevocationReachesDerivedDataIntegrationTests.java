package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.MarkingChanges;
import org.presstrace.access.Release;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.redflags.RedFlag;
import org.presstrace.redflags.RedFlagCitation;
import org.presstrace.redflags.RedFlagRule;
import org.presstrace.redflags.RedFlagStatus;
import org.presstrace.redflags.RedFlags;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.PageQuery;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Revocation and marking tightening reach what was derived: a red flag keeps no value, focus or id
 * from a record its agency may no longer read, and every answer to the former reader forgets the
 * record at once.
 */
@PressTraceIntegrationTest
class RevocationReachesDerivedDataIntegrationTests {

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired Links links;
  @Autowired RedFlags redFlags;
  @Autowired Releases releases;
  @Autowired MarkingChanges markingChanges;
  @Autowired LinkAnalysis analysis;
  @Autowired PointerAlerts pointerAlerts;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  AccessContext deaAgent;
  AccessContext cbpAgent;
  AccessContext cbpSupervisor;
  String email;

  @BeforeEach
  void agencies() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    deaAgent = world.as(world.user("dea-agent", dea, Role.INVESTIGATOR), Channel.API);
    cbpAgent = world.as(world.user("cbp-agent", cbp, Role.INVESTIGATOR), Channel.API);
    cbpSupervisor = world.as(world.user("cbp-super", cbp, Role.SUPERVISOR), Channel.API);
    email = "courier." + world.suffix().toLowerCase() + "@relay.example";
  }

  String subject(AccessContext as, Schema schema, String name, Tlp tlp, String... more) {
    var properties = new LinkedHashMap<String, List<String>>();
    properties.put("name", List.of(name));
    for (int i = 0; i < more.length; i += 2) {
      properties.put(more[i], List.of(more[i + 1]));
    }
    return subjects
        .submit(
            as,
            new SubjectDraft(
                schema,
                properties,
                "CASE-" + world.suffix(),
                "Duty desk",
                null,
                null,
                Marking.of("ignored", tlp)))
        .subject()
        .id();
  }

  String pay(AccessContext as, String payer, String beneficiary, String amount, int day) {
    return links
        .record(
            as,
            new LinkDraft(
                LinkSchema.PAYMENT,
                payer,
                beneficiary,
                new BigDecimal(amount),
                "USD",
                LocalDate.of(2026, 3, 2).plusDays(day),
                null,
                null,
                null,
                "bank report " + day,
                null,
                Marking.of("ignored", Tlp.AMBER)))
        .id();
  }

  Release releaseToDea(String kind, String id) {
    Release release = releases.request(cbpAgent, kind, id, dea, "Joint investigation");
    return releases.approve(cbpSupervisor, release.id(), "Agreed with DEA");
  }

  List<RedFlag> deaFlags() {
    return redFlags.page(deaAgent, null, null, new PageQuery(0, 200)).items();
  }

  /** Every stored column of the agency's flags and their citations, as one text. */
  String storedFlagsOf(String agency) {
    var rows = new ArrayList<String>();
    jdbc.sql("SELECT focus, explanation, note FROM red_flag WHERE owner_agency = :agency")
        .param("agency", agency)
        .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
        .list()
        .forEach(rows::add);
    jdbc.sql(
            "SELECT c.record_id, c.label FROM red_flag_citation c"
                + " JOIN red_flag f ON f.id = c.red_flag_id WHERE f.owner_agency = :agency")
        .param("agency", agency)
        .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2))
        .list()
        .forEach(rows::add);
    return String.join("\n", rows);
  }

  @Test
  void revokedSubjectLeavesNoValueInClearedRedFlags() {
    String held = subject(cbpAgent, Schema.PERSON, "Shared Courier", Tlp.AMBER, "email", email);
    Release release = releaseToDea(Subjects.KIND.name(), held);
    subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "email", email);
    redFlags.run(deaAgent);
    RedFlag flag =
        redFlags
            .page(deaAgent, null, RedFlagRule.SHARED_CONTACT, new PageQuery(0, 10))
            .items()
            .stream()
            .filter(f -> f.focus().equals("email:" + email))
            .findFirst()
            .orElseThrow();
    redFlags.dismiss(deaAgent, flag.id(), "Known relay inbox " + email + " of Shared Courier");

    releases.revoke(cbpSupervisor, release.id(), "Case closed");

    assertThat(storedFlagsOf(dea))
        .as("withdrawn at once, in the revocation's transaction")
        .doesNotContain(email)
        .doesNotContain(held)
        .doesNotContain("Shared Courier");
    RedFlag after = redFlags.get(deaAgent, flag.id());
    assertThat(after.status()).isEqualTo(RedFlagStatus.CLEARED);
    assertThat(after.explanation()).contains("withdrawn: a source is no longer readable");
    assertThat(after.rule()).isEqualTo(RedFlagRule.SHARED_CONTACT);
    assertThat(after.citations()).isEmpty();
    assertThat(after.note()).isNull();
    assertThat(deaFlags().toString())
        .doesNotContain(email)
        .doesNotContain(held)
        .doesNotContain("Shared Courier");
  }

  @Test
  void aFlagClearedBeforeTheRevocationLosesTheRevokedValueToo() {
    String held = subject(cbpAgent, Schema.PERSON, "Shared Courier", Tlp.AMBER, "email", email);
    Release release = releaseToDea(Subjects.KIND.name(), held);
    String mine = subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "email", email);
    redFlags.run(deaAgent);
    assertThat(deaFlags().toString()).contains("email:" + email);
    jdbc.sql("DELETE FROM resolution_statement WHERE entity_id = :id AND property = 'email'")
        .param("id", mine)
        .update();
    redFlags.run(deaAgent);
    assertThat(deaFlags())
        .filteredOn(f -> f.focus().equals("email:" + email))
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo(RedFlagStatus.CLEARED));

    releases.revoke(cbpSupervisor, release.id(), "Case closed");

    assertThat(storedFlagsOf(dea)).doesNotContain(email).doesNotContain(held);
    assertThat(deaFlags().toString()).doesNotContain(email).doesNotContain(held);
  }

  @Test
  void revokingOneCountedPaymentClearsOrRecountsTheFlag() {
    String firm =
        subject(
            deaAgent,
            Schema.COMPANY,
            "Importadora del Pacifico SA de CV",
            Tlp.GREEN,
            "country",
            "MX");
    String chemical =
        subject(
            deaAgent,
            Schema.COMPANY,
            "Hubei Huaxia Chemical Co., Ltd.",
            Tlp.GREEN,
            "country",
            "CN");
    String freight = subject(deaAgent, Schema.COMPANY, "Maersk Line", Tlp.GREEN, "country", "DK");
    pay(deaAgent, firm, chemical, "20000", 0);
    pay(deaAgent, firm, chemical, "18000", 5);
    pay(deaAgent, firm, freight, "3000", 6);
    String revoked = pay(cbpAgent, firm, freight, "3137", 7);
    Release release = releaseToDea(Links.KIND.name(), revoked);
    redFlags.run(deaAgent);
    RedFlag flag =
        redFlags
            .page(deaAgent, null, RedFlagRule.MEXICAN_FIRM_CHINESE_CHEMICALS, new PageQuery(0, 10))
            .items()
            .get(0);
    assertThat(flag.explanation()).contains("2 of its 4 payments");
    assertThat(flag.citations()).extracting(RedFlagCitation::recordId).contains(revoked);

    releases.revoke(cbpSupervisor, release.id(), "Case closed");

    assertThat(storedFlagsOf(dea)).doesNotContain(revoked).doesNotContain("3137");
    List<RedFlag> after =
        redFlags
            .page(deaAgent, null, RedFlagRule.MEXICAN_FIRM_CHINESE_CHEMICALS, new PageQuery(0, 10))
            .items();
    assertThat(after.toString())
        .doesNotContain("of its 4 payments")
        .doesNotContain(revoked)
        .doesNotContain("3137");
    assertThat(after)
        .filteredOn(f -> f.status() != RedFlagStatus.CLEARED)
        .singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("2 of its 3 payments"));
  }

  @Test
  void aRevokedRelationshipNoLongerShapesTheCountOfAFlagThatDoesNotCiteIt() {
    String a = subject(deaAgent, Schema.PERSON, "Li Na", Tlp.GREEN, "email", email);
    String b = subject(deaAgent, Schema.PERSON, "Wang Fang", Tlp.GREEN, "email", email);
    subject(deaAgent, Schema.PERSON, "Chen Jie", Tlp.GREEN, "email", email);
    String associate =
        links
            .record(
                cbpAgent,
                new LinkDraft(
                    LinkSchema.ASSOCIATE,
                    a,
                    b,
                    null,
                    null,
                    null,
                    null,
                    "flatmates",
                    null,
                    "interview",
                    null,
                    Marking.of("ignored", Tlp.AMBER)))
            .id();
    Release release = releaseToDea(Links.KIND.name(), associate);
    redFlags.run(deaAgent);
    assertThat(deaFlags().toString())
        .contains("2 unrelated parties share e-mail " + email)
        .contains("related ones counted once");

    releases.revoke(cbpSupervisor, release.id(), "Case closed");

    assertThat(deaFlags())
        .filteredOn(f -> f.focus().equals("email:" + email))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .as("the revoked relationship no longer shows through the count")
                    .contains("3 unrelated parties share")
                    .doesNotContain("related ones counted once"));
  }

  @Test
  void tighteningAMarkingPurgesFlagsOfAgenciesThatLostIt() {
    String shared = subject(cbpAgent, Schema.PERSON, "Green Courier", Tlp.GREEN, "email", email);
    subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "email", email);
    redFlags.run(deaAgent);
    assertThat(deaFlags().toString()).contains("email:" + email);
    Marking before = Marking.of(cbp, Tlp.GREEN);
    Marking after = Marking.of(cbp, Tlp.AMBER);
    jdbc.sql("UPDATE resolution_entity SET tlp = 'AMBER' WHERE id = :id")
        .param("id", shared)
        .update();

    markingChanges.tightened(Subjects.KIND, shared, before, after);

    assertThat(storedFlagsOf(dea))
        .doesNotContain(email)
        .doesNotContain(shared)
        .doesNotContain("Green Courier");
    assertThat(deaFlags().toString()).doesNotContain(email).doesNotContain(shared);
  }

  @Test
  void afterARevocationNoAnswerToTheFormerReaderHoldsARevokedValue() {
    String held = subject(cbpAgent, Schema.PERSON, "Revoked Courier", Tlp.AMBER, "email", email);
    Release subjectRelease = releaseToDea(Subjects.KIND.name(), held);
    String mine = subject(deaAgent, Schema.PERSON, "Li Na", Tlp.GREEN, "email", email);
    String payment = pay(cbpAgent, held, mine, "4711", 1);
    Release paymentRelease = releaseToDea(Links.KIND.name(), payment);
    redFlags.run(deaAgent);
    assertThat(deaFlags().toString()).contains(email);
    assertThat(analysis.neighbours(deaAgent, mine).toString()).contains(held);

    releases.revoke(cbpSupervisor, paymentRelease.id(), "Case closed");
    releases.revoke(cbpSupervisor, subjectRelease.id(), "Case closed");

    var answers = new ArrayList<String>();
    List<RedFlag> flags = deaFlags();
    answers.add(flags.toString());
    flags.forEach(f -> answers.add(redFlags.get(deaAgent, f.id()).toString()));
    answers.add(analysis.neighbours(deaAgent, mine).toString());
    answers.add(analysis.hops(deaAgent, mine, 2).toString());
    answers.add(subjects.page(deaAgent, null, "Courier", new PageQuery(0, 50)).toString());
    answers.add(subjects.page(deaAgent, null, email, new PageQuery(0, 50)).toString());
    answers.add(analysis.find(deaAgent, "Courier", new PageQuery(0, 50)).toString());
    answers.add(subjects.matches(deaAgent, mine).toString());
    answers.add(pointerAlerts.mine(deaAgent, false).toString());
    answers.add(storedFlagsOf(dea));
    for (String answer : answers) {
      assertThat(answer)
          .doesNotContain(held)
          .doesNotContain("Revoked Courier")
          .doesNotContain(payment)
          // the amount as a value, not four digits inside another record's random id
          .doesNotContainPattern("(?<![0-9a-f-])4711(?![0-9a-f-])");
    }
    assertThat(String.join("\n", flags.stream().map(RedFlag::focus).toList()))
        .doesNotContain(email);
  }
}
