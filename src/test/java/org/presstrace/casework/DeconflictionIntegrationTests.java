package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.presstrace.resolution.ExplainedMatch;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;

@PressTraceIntegrationTest
class DeconflictionIntegrationTests {

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired Operations operations;
  @Autowired PointerAlerts alerts;
  @Autowired Releases releases;

  World world;
  String dea;
  String cbp;
  AccessContext deaAgent;
  AccessContext deaColleague;
  AccessContext cbpAgent;
  AccessContext deaSupervisor;
  AccessContext deaAdmin;
  AccessContext cbpAdmin;
  String compartment;

  static final String DEA_DESK = "DEA duty desk, +1 202 555 0100";
  static final String CBP_DESK = "CBP watch officer, +1 571 555 0150";

  @BeforeEach
  void agencies() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    deaAgent = world.as(world.user("dea-agent", dea, Role.INVESTIGATOR), Channel.API);
    deaColleague = world.as(world.user("dea-colleague", dea, Role.INVESTIGATOR), Channel.API);
    deaSupervisor = world.as(world.user("dea-super", dea, Role.SUPERVISOR), Channel.API);
    cbpAgent = world.as(world.user("cbp-agent", cbp, Role.INVESTIGATOR), Channel.API);
    deaAdmin = world.as(world.user("dea-admin", dea, Role.ADMINISTRATOR), Channel.API);
    cbpAdmin = world.as(world.user("cbp-admin", cbp, Role.ADMINISTRATOR), Channel.API);
    directory.setDutyContact(deaAdmin, dea, DEA_DESK);
    directory.setDutyContact(cbpAdmin, cbp, CBP_DESK);
    compartment = "OP-" + world.suffix();
    directory.ensureCompartment(compartment, "Case team " + world.suffix(), dea);
    directory.ensureMember(compartment, deaAgent.caller().username());
    // The member's context is read again so that it holds the compartment.
    deaAgent = world.as(deaAgent.caller().username(), Channel.API);
  }

  @Test
  void compartmentedSubjectMatchGivesOtherAgencyOnlyDutyContact() {
    Submission held = subjects.submit(deaAgent, wangInHan(inCompartment(Tlp.AMBER)));

    Submission entered = subjects.submit(cbpAgent, wangInPinyin(Tlp.AMBER));

    StoredAlert toCbp = ours(entered.alerts()).get(0);
    assertThat(ours(entered.alerts())).as("CBP still learns of the conflict").hasSize(1);
    assertThat(toCbp.otherAgency()).isEqualTo(dea);
    assertThat(toCbp.otherContact()).isEqualTo(DEA_DESK);
    assertThat(toCbp.otherCaseReference()).isNull();
    assertThat(toCbp.dutyContactOnly()).isTrue();
    String shown =
        toCbp + toCbp.text() + alerts.mine(cbpAgent, false) + ours(entered) + entered.canonicalId();
    assertThat(shown)
        .doesNotContain("DEA-2026-0042")
        .doesNotContain("SA Rivera")
        .doesNotContain("202 555 0142")
        .doesNotContain(held.subject().id());
    assertThat(toCbp.text()).contains(dea).contains(DEA_DESK);

    assertThat(ours(alerts.mine(deaAgent, true)))
        .as("DEA, the owner, still learns of the conflict, with CBP's case and contact")
        .singleElement()
        .satisfies(
            toDea -> {
              assertThat(toDea.ownRecordId()).isEqualTo(held.subject().id());
              assertThat(toDea.otherCaseReference()).isEqualTo("CBP-77-19");
              assertThat(toDea.otherContact()).isEqualTo("CBP Officer Chen, LA Field Office");
            });
  }

  @Test
  void pointerAlertOnCompartmentedSubjectIsHiddenFromNonMembersOfOwningAgency() {
    Submission held = subjects.submit(deaAgent, wangInHan(inCompartment(Tlp.AMBER)));
    subjects.submit(cbpAgent, wangInPinyin(Tlp.AMBER));
    StoredAlert toDea = ours(alerts.mine(deaAgent, true)).get(0);
    assertThat(toDea.marking().compartment()).isEqualTo(compartment);

    assertThat(ours(alerts.mine(deaColleague, false))).as("not listed").isEmpty();
    assertThat(ours(alerts.mine(deaSupervisor, true))).as("not listed").isEmpty();
    assertThat(alerts.mine(deaColleague, false).toString())
        .doesNotContain(held.subject().id())
        .doesNotContain("DEA-2026-0042")
        .doesNotContain(toDea.id());
    assertThatThrownBy(() -> alerts.acknowledge(deaColleague, toDea.id()))
        .as("not opened")
        .isInstanceOf(NotFound.class);
    assertThat(ours(alerts.mine(deaAgent, true))).as("nor acknowledged by a non-member").hasSize(1);

    StoredAlert seen = alerts.acknowledge(deaAgent, toDea.id());
    assertThat(seen.acknowledgedBy()).isEqualTo(deaAgent.caller().username());
    assertThat(ours(alerts.mine(deaAgent, true))).isEmpty();
  }

  @Test
  void redOrStrictSubjectMatchGivesOtherAgencyOnlyDutyContact() {
    subjects.submit(deaAgent, wangInHan(dea, Tlp.AMBER_STRICT));

    Submission entered = subjects.submit(cbpAgent, wangInPinyin(Tlp.RED));

    assertThat(ours(entered.alerts()))
        .singleElement()
        .satisfies(
            toCbp -> {
              assertThat(toCbp.otherContact()).isEqualTo(DEA_DESK);
              assertThat(toCbp.otherCaseReference()).isNull();
            });
    assertThat(ours(alerts.mine(deaColleague, true)))
        .as("the owner's alert is TLP:AMBER+STRICT: every DEA member reads it")
        .singleElement()
        .satisfies(
            toDea -> {
              assertThat(toDea.otherContact()).isEqualTo(CBP_DESK);
              assertThat(toDea.otherCaseReference()).isNull();
              assertThat(toDea.toString()).doesNotContain("Chen").doesNotContain("CBP-77-19");
            });
  }

  @Test
  void compartmentedOperationOverlapGivesOtherAgencyOnlyDutyContactAndHidesItFromNonMembers() {
    Instant start = Instant.parse("2026-12-03T04:00:00Z");
    var deaPlan =
        operations.plan(
            deaAgent,
            new OperationDraft(
                "DEA-OP-SECRET",
                "SA Rivera, +1 202 555 0142",
                start,
                start.plusSeconds(4 * 3600),
                32.7157,
                -117.1611,
                500.0,
                inCompartment(Tlp.AMBER)));

    var clash =
        operations.plan(
            cbpAgent,
            new OperationDraft(
                "CBP-OP-9",
                "Ops desk CBP-OP-9",
                start,
                start.plusSeconds(4 * 3600),
                32.7158,
                -117.1612,
                500.0,
                Marking.of("ignored", Tlp.AMBER)));

    assertThat(ours(clash.alerts()))
        .as("CBP still learns two teams may meet at one door")
        .singleElement()
        .satisfies(
            toCbp -> {
              assertThat(toCbp.otherContact()).isEqualTo(DEA_DESK);
              assertThat(toCbp.otherCaseReference()).isNull();
              assertThat(toCbp.toString() + toCbp.text())
                  .doesNotContain("DEA-OP-SECRET")
                  .doesNotContain("Rivera")
                  .doesNotContain(deaPlan.operation().id());
            });
    assertThat(ours(alerts.mine(deaAgent, true)))
        .singleElement()
        .satisfies(toDea -> assertThat(toDea.otherCaseReference()).isEqualTo("CBP-OP-9"));
    assertThat(ours(alerts.mine(deaColleague, false))).isEmpty();
    assertThat(alerts.mine(deaColleague, false).toString()).doesNotContain("DEA-OP-SECRET");
  }

  @Test
  void sameSubjectInTwoAgenciesGivesBothAPointerAndNothingElse() {
    Submission held = subjects.submit(deaAgent, wangInHan(dea, Tlp.AMBER));
    assertThat(ours(held.alerts())).isEmpty();

    Submission entered = subjects.submit(cbpAgent, wangInPinyin(Tlp.AMBER));

    assertThat(ours(entered.alerts())).hasSize(1);
    StoredAlert toCbp = ours(entered.alerts()).get(0);
    assertThat(toCbp.otherAgency()).isEqualTo(dea);
    assertThat(toCbp.otherCaseReference()).isEqualTo("DEA-2026-0042");
    assertThat(toCbp.otherContact()).isEqualTo("SA Rivera, +1 202 555 0142");
    assertThat(toCbp.ownRecordId()).isEqualTo(entered.subject().id());
    assertThat(toCbp.ownReference()).isEqualTo("CBP-77-19");
    assertThat(ours(entered)).as("the DEA record stays hidden").isEmpty();
    String shown =
        ours(entered)
            + ours(entered.alerts()).toString()
            + alerts.mine(cbpAgent, true)
            + toCbp.text();
    assertThat(shown)
        .doesNotContain("王伟")
        .doesNotContain("Huaxia")
        .doesNotContain("wang.wei.")
        .doesNotContain(held.subject().id());

    List<StoredAlert> toDea = ours(alerts.mine(deaColleague, true));
    assertThat(toDea).hasSize(1);
    assertThat(toDea.get(0).otherAgency()).isEqualTo(cbp);
    assertThat(toDea.get(0).otherCaseReference()).isEqualTo("CBP-77-19");
    assertThat(toDea.get(0).ownRecordId()).isEqualTo(held.subject().id());
    assertThat(toDea.toString()).doesNotContain("WANG").doesNotContain("Long Beach");
    assertThatThrownBy(() -> subjects.get(cbpAgent, held.subject().id()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void anExactIdentifierAloneIsEnoughForAPointer() {
    subjects.submit(
        deaAgent,
        draft(
            Schema.PERSON,
            Map.of(
                "name",
                List.of("Li Na"),
                "email",
                List.of("Courier.Li" + world.suffix() + "@Example.com")),
            "DEA-1",
            Tlp.RED));
    Submission entered =
        subjects.submit(
            cbpAgent,
            draft(
                Schema.PERSON,
                Map.of(
                    "name",
                    List.of("Carlos Mendez"),
                    "email",
                    List.of("courier.li" + world.suffix() + "@example.com")),
                "CBP-1",
                Tlp.AMBER));
    assertThat(ours(entered.alerts()))
        .singleElement()
        .satisfies(a -> assertThat(a.otherAgency()).isEqualTo(dea));
  }

  @Test
  void aRecordTheOtherAgencyMayReadGivesNoPointer() {
    Submission shared = subjects.submit(deaAgent, wangInHan(dea, Tlp.GREEN));
    Submission entered = subjects.submit(cbpAgent, wangInPinyin(Tlp.AMBER));
    assertThat(ours(entered.alerts())).isEmpty();
    assertThat(ours(entered))
        .singleElement()
        .satisfies(
            m -> assertThat(List.of(m.leftId(), m.rightId())).contains(shared.subject().id()));
    assertThat(ours(alerts.mine(deaAgent, false))).isEmpty();
  }

  @Test
  void aReleasedRecordGivesNoPointer() {
    Submission held = subjects.submit(deaAgent, wangInHan(dea, Tlp.AMBER));
    var release =
        releases.request(deaAgent, Subjects.KIND.name(), held.subject().id(), cbp, "Joint case");
    releases.approve(deaSupervisor, release.id(), "Agreed with CBP");
    Submission entered = subjects.submit(cbpAgent, wangInPinyin(Tlp.AMBER));
    assertThat(ours(entered.alerts())).isEmpty();
    assertThat(ours(entered)).hasSize(1);
  }

  @Test
  void matchesWithinOneAgencyGiveNoPointer() {
    Submission first = subjects.submit(deaAgent, wangInHan(dea, Tlp.RED));
    Submission again = subjects.submit(deaColleague, wangInPinyin(Tlp.RED));
    assertThat(ours(again.alerts())).isEmpty();
    assertThat(ours(again)).hasSize(1);
    String smaller =
        first.subject().id().compareTo(again.subject().id()) < 0
            ? first.subject().id()
            : again.subject().id();
    // The smaller of the two, whatever hidden records of other tests the shared index holds.
    assertThat(again.canonicalId()).as("linked: one canonical id").isEqualTo(smaller);
    assertThat(ours(alerts.mine(deaAgent, false))).isEmpty();
  }

  @Test
  void badSubjectsAreRefusedAndNothingIsStored() {
    var queueBefore = subjects.reviewQueue(deaAgent);
    assertThatThrownBy(
            () ->
                subjects.submit(
                    deaAgent,
                    draft(Schema.PERSON, Map.of("shoeSize", List.of("44")), "DEA-9", Tlp.RED)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("shoeSize");
    assertThatThrownBy(
            () ->
                subjects.submit(
                    deaAgent,
                    draft(
                        Schema.PERSON,
                        Map.of("phone", List.of("+1 202 555 0100")),
                        "DEA-9",
                        Tlp.RED)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("name");
    assertThatThrownBy(
            () ->
                subjects.submit(
                    deaAgent,
                    draft(Schema.PERSON, Map.of("name", List.of("A Person")), " ", Tlp.RED)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("caseReference");
    assertThat(subjects.reviewQueue(deaAgent)).isEqualTo(queueBefore);
  }

  @Test
  void overlappingOperationsOfTwoAgenciesAlertBothAndOthersDoNot() {
    Instant start = Instant.parse("2026-12-01T04:00:00Z");
    var deaPlan = operations.plan(deaAgent, operation("DEA-OP-7", start, 33.7701, -118.1937, 500));
    assertThat(deaPlan.alerts()).isEmpty();
    var ownAgency =
        operations.plan(deaColleague, operation("DEA-OP-8", start, 33.7702, -118.1936, 500));
    assertThat(ownAgency.alerts()).isEmpty();
    var elsewhere =
        operations.plan(cbpAgent, operation("CBP-OP-1", start, 34.0522, -118.2437, 500));
    assertThat(elsewhere.alerts()).isEmpty();
    var later =
        operations.plan(
            cbpAgent, operation("CBP-OP-2", start.plusSeconds(86_400), 33.7701, -118.1937, 500));
    assertThat(later.alerts()).isEmpty();

    var clash = operations.plan(cbpAgent, operation("CBP-OP-3", start, 33.7710, -118.1940, 500));

    // Every operation here is TLP:RED: each agency learns the conflict and the other's duty
    // contact, never the other's case or its team's contact.
    assertThat(clash.alerts())
        .extracting(StoredAlert::ownReference, StoredAlert::otherContact)
        .containsExactly(tuple("CBP-OP-3", DEA_DESK), tuple("CBP-OP-3", DEA_DESK));
    assertThat(clash.alerts()).extracting(StoredAlert::otherCaseReference).containsOnlyNulls();
    assertThat(ours(alerts.mine(deaAgent, true)))
        .extracting(StoredAlert::ownReference, StoredAlert::otherContact)
        .containsExactlyInAnyOrder(tuple("DEA-OP-7", CBP_DESK), tuple("DEA-OP-8", CBP_DESK));
    assertThat(ours(alerts.mine(deaAgent, true)).toString())
        .doesNotContain("CBP-OP-3")
        .doesNotContain("Ops desk")
        .doesNotContain("33.77")
        .doesNotContain("-118");
  }

  @Test
  void anAlertIsAcknowledgedOnlyByItsAgency() {
    subjects.submit(deaAgent, wangInHan(dea, Tlp.AMBER));
    StoredAlert alert = ours(subjects.submit(cbpAgent, wangInPinyin(Tlp.AMBER)).alerts()).get(0);
    assertThatThrownBy(() -> alerts.acknowledge(deaAgent, alert.id())).isInstanceOf(NotFound.class);
    StoredAlert seen = alerts.acknowledge(cbpAgent, alert.id());
    assertThat(seen.acknowledgedBy()).isEqualTo(cbpAgent.caller().username());
    assertThat(ours(alerts.mine(cbpAgent, true))).isEmpty();
    assertThat(ours(alerts.mine(cbpAgent, false))).hasSize(1);
  }

  @Test
  void judgementsAreStoredAndRespected() {
    Submission first =
        subjects.submit(
            deaAgent,
            draft(
                Schema.PERSON,
                Map.of("name", List.of("Maria Gonzalez"), "city", List.of("Tijuana")),
                "DEA-3",
                Tlp.RED));
    Submission second =
        subjects.submit(
            deaColleague,
            draft(
                Schema.PERSON,
                Map.of("name", List.of("Maria Gonzales"), "city", List.of("Tijuana")),
                "DEA-4",
                Tlp.RED));
    String a = first.subject().id();
    String b = second.subject().id();
    ExplainedMatch judged = subjects.judge(deaAgent, a, b, Judgement.NOT_SAME, "different mothers");
    assertThat(judged.band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(subjects.reviewQueue(deaAgent))
        .noneMatch(m -> List.of(m.leftId(), m.rightId()).containsAll(List.of(a, b)));
    assertThatThrownBy(() -> subjects.judge(cbpAgent, a, b, Judgement.SAME, null))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> subjects.judge(deaAgent, a, b, null, null))
        .isInstanceOf(InvalidRequest.class);
  }

  /** The alerts between this test's two agencies (other tests share the index). */
  private List<StoredAlert> ours(List<StoredAlert> raised) {
    return raised.stream()
        .filter(alert -> List.of(dea, cbp).contains(alert.otherAgency()))
        .toList();
  }

  /** The matches between subjects of this test's agencies. */
  private List<ExplainedMatch> ours(Submission submission) {
    return submission.matches().stream()
        .filter(m -> List.of(dea, cbp).containsAll(List.of(m.leftAgency(), m.rightAgency())))
        .toList();
  }

  /** A phone number of this test only, so that subjects of other tests never share it. */
  private String phone() {
    return "+86 138 "
        + String.format(
            java.util.Locale.ROOT, "%08d", Math.floorMod(world.suffix().hashCode(), 100_000_000));
  }

  private Marking inCompartment(Tlp tlp) {
    return new Marking(dea, tlp, null, false, null, compartment);
  }

  private SubjectDraft wangInHan(String agency, Tlp tlp) {
    return wangInHan(Marking.of(agency, tlp));
  }

  private SubjectDraft wangInHan(Marking marking) {
    return new SubjectDraft(
        Schema.PERSON,
        Map.of(
            "name", List.of("王伟"),
            "birthDate", List.of(birthDate()),
            "phone", List.of(phone()),
            "email", List.of("wang.wei." + world.suffix() + "@example.cn"),
            "address",
                List.of(
                    (100 + Math.floorMod(world.suffix().hashCode(), 800)) + " Huaxia Road, Wuhan"),
            "nationality", List.of("CN")),
        "DEA-2026-0042",
        "SA Rivera, +1 202 555 0142",
        "DEA-6 report 114",
        null,
        marking);
  }

  /**
   * Wang Wei's date of birth in this test only: the tests share one resolution index, and the same
   * person entered by every test would link them all into one cluster.
   */
  private String birthDate() {
    return java.time.LocalDate.of(1950, 1, 1)
        .plusDays(Math.floorMod(world.suffix().hashCode(), 18_000))
        .toString();
  }

  private SubjectDraft wangInPinyin(Tlp tlp) {
    return new SubjectDraft(
        Schema.PERSON,
        Map.of(
            "name", List.of("WANG Wei"),
            "phone", List.of(phone().replace(" ", "")),
            "birthDate", List.of(birthDate()),
            "nationality", List.of("China"),
            "address", List.of("Port of Long Beach, Pier J")),
        "CBP-77-19",
        "CBP Officer Chen, LA Field Office",
        "Entry summary 7501",
        null,
        Marking.of("ignored", tlp));
  }

  private SubjectDraft draft(
      Schema schema, Map<String, List<String>> properties, String caseReference, Tlp tlp) {
    return new SubjectDraft(
        schema, properties, caseReference, "Duty desk", null, null, Marking.of("ignored", tlp));
  }

  private static OperationDraft operation(
      String reference, Instant start, double lat, double lon, double radius) {
    return new OperationDraft(
        reference,
        "Ops desk " + reference,
        start,
        start.plusSeconds(4 * 3600),
        lat,
        lon,
        radius,
        Marking.of("ignored", Tlp.RED));
  }
}
