package org.presstrace.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.LinkDraft;
import org.presstrace.casework.LinkSchema;
import org.presstrace.casework.Links;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.casework.Submission;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@PressTraceIntegrationTest
class RedFlagsIntegrationTests {

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired RedFlags redFlags;
  @Autowired Releases releases;
  @Autowired Links links;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  AccessContext deaAgent;
  AccessContext deaSupervisor;
  AccessContext cbpAgent;
  AccessContext deaAuditor;
  String phone;
  final java.util.Set<String> mine = new java.util.HashSet<>();

  @BeforeEach
  void agencies() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    deaAgent = world.as(world.user("dea-agent", dea, Role.INVESTIGATOR), Channel.API);
    deaSupervisor = world.as(world.user("dea-super", dea, Role.SUPERVISOR), Channel.API);
    deaAuditor = world.as(world.user("dea-auditor", dea, Role.AUDITOR), Channel.API);
    cbpAgent = world.as(world.user("cbp-agent", cbp, Role.INVESTIGATOR), Channel.API);
    phone = "+86 139 " + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  Submission subject(AccessContext as, Schema schema, String name, Tlp tlp, String... more) {
    var properties = new java.util.LinkedHashMap<String, List<String>>();
    properties.put("name", List.of(name));
    for (int i = 0; i < more.length; i += 2) {
      properties.put(more[i], List.of(more[i + 1]));
    }
    Submission submitted =
        subjects.submit(
            as,
            new SubjectDraft(
                schema,
                properties,
                "CASE-" + world.suffix(),
                "Duty desk",
                null,
                null,
                Marking.of("ignored", tlp)));
    mine.add(submitted.subject().id());
    return submitted;
  }

  /**
   * The flags {@code as} sees that cite a subject of this test: other tests' TLP:CLEAR and GREEN
   * subjects, readable by every agency, raise flags of their own in the same database.
   */
  List<RedFlag> flags(AccessContext as, RedFlagRule rule) {
    return redFlags.page(as, null, rule, new PageQuery(0, 200)).items().stream()
        .filter(
            flag ->
                flag.focus().contains(phone.replace(" ", ""))
                    || mine.stream().anyMatch(flag.focus()::contains)
                    || flag.citations().stream()
                        .anyMatch(citation -> mine.contains(citation.recordId())))
        .toList();
  }

  @Test
  void unrelatedSubjectsSharingAPhoneRaiseAnExplainedFlagForTheirAgencyOnly() {
    Submission li = subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "phone", phone);
    Submission bridge =
        subject(deaAgent, Schema.COMPANY, "Golden Bridge Trading", Tlp.AMBER, "phone", phone);

    RedFlagRun run = redFlags.run(deaAgent);

    assertThat(run.agency()).isEqualTo(dea);
    RedFlag flag = flags(deaAgent, RedFlagRule.SHARED_CONTACT).get(0);
    assertThat(flag.status()).isEqualTo(RedFlagStatus.OPEN);
    assertThat(flag.advisory()).isEqualTo("FIN-2019-A006");
    assertThat(flag.explanation())
        .contains("2 unrelated parties share phone " + phone.replace(" ", ""))
        .contains("Li Na (Person " + li.subject().id() + ")")
        .contains("Golden Bridge Trading (Company " + bridge.subject().id() + ")");
    assertThat(flag.citations())
        .extracting(RedFlagCitation::recordId)
        .containsExactlyInAnyOrder(li.subject().id(), bridge.subject().id());
    assertThat(run.open()).extracting(RedFlag::id).contains(flag.id());
    assertThat(redFlags.get(deaSupervisor, flag.id()).citations()).hasSize(2);

    assertThat(flags(cbpAgent, null)).isEmpty();
    assertThatThrownBy(() -> redFlags.get(cbpAgent, flag.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> flags(deaAuditor, null)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void recordingASubjectReEvaluatesItsAgencyWithoutARun() {
    subject(deaAgent, Schema.PERSON, "Carlos Mendez", Tlp.AMBER, "country", "MX", "phone", phone);
    assertThat(flags(deaAgent, RedFlagRule.PRC_PHONE_NON_PRC_PARTY))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .contains("Carlos Mendez")
                    .contains("stated country MX"));
  }

  @Test
  void anotherAgencysRecordIsEvaluatedForAnAgencyWithRunsBeforeItsFlagsAreShown() {
    // two agencies sharing GREEN records REL TO GBR, which no other test's agency may read
    String nca = world.agency("NCA", AgencyKind.FEDERAL, "GBR");
    String hmrc = world.agency("HMRC", AgencyKind.FEDERAL, "GBR");
    AccessContext ncaAgent = world.as(world.user("nca-agent", nca, Role.INVESTIGATOR), Channel.API);
    AccessContext hmrcAgent =
        world.as(world.user("hmrc-agent", hmrc, Role.INVESTIGATOR), Channel.API);
    Submission li = ukOnly(ncaAgent, "Li Na");
    redFlags.run(ncaAgent);
    assertThat(flags(ncaAgent, RedFlagRule.SHARED_CONTACT)).isEmpty();
    long runs = runs(nca);

    Submission courier = ukOnly(hmrcAgent, "Wang Courier");
    assertThat(runs(nca)).as("HMRC's recording does not wait for NCA's evaluation").isEqualTo(runs);

    assertThat(flags(ncaAgent, RedFlagRule.SHARED_CONTACT))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.citations())
                    .extracting(RedFlagCitation::recordId)
                    .containsExactlyInAnyOrder(li.subject().id(), courier.subject().id()));
    assertThat(runs(nca)).isEqualTo(runs + 1);
    flags(ncaAgent, null);
    assertThat(runs(nca)).as("nothing new recorded since: no evaluation").isEqualTo(runs + 1);
    assertThat(flags(deaAgent, RedFlagRule.SHARED_CONTACT)).isEmpty();
  }

  private Submission ukOnly(AccessContext as, String name) {
    Submission submitted =
        subjects.submit(
            as,
            new SubjectDraft(
                Schema.PERSON,
                Map.of("name", List.of(name), "phone", List.of(phone)),
                "CASE-" + world.suffix(),
                "Duty desk",
                null,
                null,
                new Marking(
                    "ignored", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("GBR")), null)));
    mine.add(submitted.subject().id());
    return submitted;
  }

  private long runs(String agency) {
    return jdbc.sql("SELECT COUNT(*) FROM red_flag_run WHERE agency = :agency")
        .param("agency", agency)
        .query(Long.class)
        .single();
  }

  @Test
  void anotherAgencysHiddenSubjectIsNeitherCountedNorCited() {
    Submission hidden =
        subject(cbpAgent, Schema.PERSON, "Hidden Courier", Tlp.AMBER, "phone", phone);
    subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "phone", phone);

    redFlags.run(deaAgent);
    redFlags.run(cbpAgent);

    assertThat(flags(deaAgent, RedFlagRule.SHARED_CONTACT)).isEmpty();
    assertThat(flags(cbpAgent, RedFlagRule.SHARED_CONTACT)).isEmpty();
    String everything = flags(deaAgent, null).toString();
    assertThat(everything).doesNotContain("Hidden Courier").doesNotContain(hidden.subject().id());
  }

  @Test
  void aReleasedSubjectCountsAndARevokedReleaseClearsTheFlagBeforeItIsShownAgain() {
    Submission held = subject(cbpAgent, Schema.PERSON, "Shared Courier", Tlp.AMBER, "phone", phone);
    var release =
        releases.request(cbpAgent, Subjects.KIND.name(), held.subject().id(), dea, "Joint");
    var cbpSupervisor = world.as(world.user("cbp-super", cbp, Role.SUPERVISOR), Channel.API);
    releases.approve(cbpSupervisor, release.id(), "Agreed with DEA");
    subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "phone", phone);
    redFlags.run(deaAgent);
    RedFlag flag = flags(deaAgent, RedFlagRule.SHARED_CONTACT).get(0);
    assertThat(flag.explanation()).contains("Shared Courier");

    releases.revoke(cbpSupervisor, release.id(), "Case closed");

    RedFlag after = redFlags.get(deaAgent, flag.id());
    assertThat(after.status()).isEqualTo(RedFlagStatus.CLEARED);
    assertThat(after.citations()).isEmpty();
    assertThat(after.explanation()).doesNotContain("Shared Courier").startsWith("Cleared on ");
  }

  @Test
  void acknowledgeThenDismissWithANoteAndRefuseBadDecisions() {
    subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "phone", phone);
    subject(deaAgent, Schema.PERSON, "Zhou Min", Tlp.AMBER, "phone", phone);
    RedFlag flag = flags(deaAgent, RedFlagRule.SHARED_CONTACT).get(0);

    RedFlag acknowledged = redFlags.acknowledge(deaAgent, flag.id(), null);
    assertThat(acknowledged.status()).isEqualTo(RedFlagStatus.ACKNOWLEDGED);
    assertThat(acknowledged.decidedBy()).isEqualTo(world.username("dea-agent"));
    assertThatThrownBy(() -> redFlags.acknowledge(deaAgent, flag.id(), "again"))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is ACKNOWLEDGED");
    assertThatThrownBy(() -> redFlags.dismiss(deaAgent, flag.id(), " "))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("note"));
    assertThatThrownBy(() -> redFlags.dismiss(deaAgent, flag.id(), "x".repeat(1001)))
        .isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> redFlags.dismiss(cbpAgent, flag.id(), "not ours"))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> redFlags.dismiss(deaAuditor, flag.id(), "auditors do not decide"))
        .isInstanceOf(AccessDeniedException.class);

    RedFlag dismissed = redFlags.dismiss(deaSupervisor, flag.id(), "Family members, known");
    assertThat(dismissed.status()).isEqualTo(RedFlagStatus.DISMISSED);
    assertThat(dismissed.note()).isEqualTo("Family members, known");

    redFlags.run(deaAgent);
    assertThat(redFlags.get(deaAgent, flag.id()).status())
        .as("the same evidence keeps the dismissal")
        .isEqualTo(RedFlagStatus.DISMISSED);

    subject(deaAgent, Schema.COMPANY, "Golden Bridge Trading", Tlp.AMBER, "phone", phone);
    RedFlag reopened = redFlags.get(deaAgent, flag.id());
    assertThat(reopened.status())
        .as("a newly cited record opens it again")
        .isEqualTo(RedFlagStatus.OPEN);
    assertThat(reopened.explanation()).contains("3 unrelated parties");
    assertThatThrownBy(() -> redFlags.get(deaAgent, "no-such-flag")).isInstanceOf(NotFound.class);
  }

  @Test
  void judgingTwoSubjectsTheSameClearsTheirSharedContactFlag() {
    Submission a = subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "phone", phone);
    Submission b = subject(deaAgent, Schema.PERSON, "Zhou Min", Tlp.AMBER, "phone", phone);
    RedFlag flag = flags(deaAgent, RedFlagRule.SHARED_CONTACT).get(0);
    subjects.judge(deaAgent, a.subject().id(), b.subject().id(), Judgement.SAME, "alias");
    RedFlagRun run = redFlags.run(deaAgent);
    assertThat(run.cleared()).isGreaterThanOrEqualTo(1);
    assertThat(redFlags.get(deaAgent, flag.id()).status()).isEqualTo(RedFlagStatus.CLEARED);
  }

  void pay(AccessContext as, String payer, String beneficiary, String amount, int day, Tlp tlp) {
    links.record(
        as,
        new LinkDraft(
            LinkSchema.PAYMENT,
            payer,
            beneficiary,
            new java.math.BigDecimal(amount),
            "USD",
            java.time.LocalDate.of(2026, 3, 2).plusDays(day),
            null,
            null,
            null,
            "bank report " + day,
            null,
            Marking.of("ignored", tlp)));
  }

  @Test
  void manySendersCountOnlyPaymentsTheAgencyMayReadAndNeverRevealTheHiddenOnes() {
    String zhang =
        subject(deaAgent, Schema.PERSON, "Zhang Wei", Tlp.GREEN, "country", "CN").subject().id();
    for (int i = 0; i < 4; i++) {
      String payer =
          subject(deaAgent, Schema.PERSON, "Student " + i, Tlp.AMBER, "country", "US")
              .subject()
              .id();
      pay(deaAgent, payer, zhang, "800", i, Tlp.AMBER);
    }
    String hiddenPayer =
        subject(cbpAgent, Schema.PERSON, "Hidden Sender", Tlp.AMBER, "country", "US")
            .subject()
            .id();
    pay(cbpAgent, hiddenPayer, zhang, "800", 5, Tlp.AMBER);

    RedFlagRun run = redFlags.run(deaAgent);
    assertThat(flags(deaAgent, RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY))
        .as("four readable payers, the fifth is another agency's")
        .isEmpty();
    assertThat(flags(deaAgent, null).toString())
        .doesNotContain("Hidden Sender")
        .doesNotContain(hiddenPayer)
        .doesNotContain("5 unrelated payers");
    assertThat(redFlags.run(cbpAgent).open().toString()).doesNotContain("Student");
    assertThat(flags(cbpAgent, RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY)).isEmpty();

    String fifth =
        subject(deaAgent, Schema.PERSON, "Student 4", Tlp.AMBER, "country", "US").subject().id();
    pay(deaAgent, fifth, zhang, "800", 6, Tlp.AMBER);
    assertThat(flags(deaAgent, RedFlagRule.MANY_SENDERS_ONE_BENEFICIARY))
        .as("re-evaluated when the link was recorded")
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.explanation())
                  .contains("5 unrelated payers paid Zhang Wei")
                  .doesNotContain("Hidden Sender");
              assertThat(f.citations())
                  .extracting(RedFlagCitation::kind)
                  .contains("subject", Links.KIND.name());
            });
    assertThat(run.payments()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void anAssociateLinkMakesTwoPartiesSharingAPhoneRelated() {
    String a = subject(deaAgent, Schema.PERSON, "Li Na", Tlp.AMBER, "phone", phone).subject().id();
    String b =
        subject(deaAgent, Schema.PERSON, "Zhou Min", Tlp.AMBER, "phone", phone).subject().id();
    assertThat(flags(deaAgent, RedFlagRule.SHARED_CONTACT)).hasSize(1);
    links.record(
        deaAgent,
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
            Marking.of("ignored", Tlp.AMBER)));
    assertThat(flags(deaAgent, RedFlagRule.SHARED_CONTACT).get(0).status())
        .isEqualTo(RedFlagStatus.CLEARED);
  }

  @Test
  void badFiltersAreRefusedWithTheirField() {
    assertThatThrownBy(() -> RedFlagRule.parse("rule", "NO_SUCH_RULE"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("SHARED_CONTACT");
    assertThatThrownBy(() -> RedFlagStatus.parse("status", "closed"))
        .isInstanceOf(InvalidRequest.class);
    assertThat(RedFlagRule.parse("rule", "shared-contact")).isEqualTo(RedFlagRule.SHARED_CONTACT);
  }
}
