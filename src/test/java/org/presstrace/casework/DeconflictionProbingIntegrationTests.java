package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.TooManyRequests;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another agency's analyst probing deconfliction to place a hidden operation: tiny circles, long
 * windows, many requests, and answers nobody on the owning side hears of.
 */
@PressTraceIntegrationTest
class DeconflictionProbingIntegrationTests {

  @Autowired Directory directory;
  @Autowired Operations operations;
  @Autowired PointerAlerts alerts;
  @Autowired DeconflictionLimits limits;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  AccessContext deaAgent;
  AccessContext deaSupervisor;
  AccessContext deaOutsider;
  AccessContext cbpAnalyst;
  String compartment;

  static final String DEA_DESK = "DEA duty desk, +1 202 555 0100";
  // Each test plans on its own day, so that it meets no operation of another test.
  static final java.util.concurrent.atomic.AtomicLong DAYS =
      new java.util.concurrent.atomic.AtomicLong(new java.util.Random().nextInt(100_000));
  Instant start;

  @BeforeEach
  void agencies() {
    start = Instant.parse("2040-01-01T04:00:00Z").plus(Duration.ofDays(DAYS.incrementAndGet()));
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    String agent = world.user("dea-agent", dea, Role.INVESTIGATOR);
    String supervisor = world.user("dea-super", dea, Role.SUPERVISOR);
    deaOutsider = world.as(world.user("dea-other-super", dea, Role.SUPERVISOR), Channel.API);
    cbpAnalyst = world.as(world.user("cbp-analyst", cbp, Role.INVESTIGATOR), Channel.API);
    var deaAdmin = world.as(world.user("dea-admin", dea, Role.ADMINISTRATOR), Channel.API);
    directory.setDutyContact(deaAdmin, dea, DEA_DESK);
    compartment = "RAID-" + world.suffix();
    directory.ensureCompartment(compartment, "Raid team " + world.suffix(), dea);
    directory.ensureMember(compartment, agent);
    directory.ensureMember(compartment, supervisor);
    deaAgent = world.as(agent, Channel.API);
    deaSupervisor = world.as(supervisor, Channel.API);
  }

  @Test
  void aTinyRadiusProbeIsRefused() {
    plannedRaid();

    assertThatThrownBy(
            () -> operations.plan(cbpAnalyst, probe("CBP-P1", 32.7157, -117.1611, 50.0, 4)))
        .isInstanceOfSatisfying(
            InvalidRequest.class,
            e -> {
              assertThat(e.field()).isEqualTo("radiusMetres");
              assertThat(e.getMessage()).contains("500");
            });
    assertThat(storedBy(cbpAnalyst)).as("nothing stored").isZero();
    assertThat(alerts.mine(cbpAnalyst, false)).as("and nothing answered").isEmpty();
    assertThat(limits.minRadiusMetres()).isGreaterThanOrEqualTo(500);
  }

  @Test
  void aLongWindowIsRefused() {
    plannedRaid();

    assertThatThrownBy(
            () -> operations.plan(cbpAnalyst, probe("CBP-P1", 32.7157, -117.1611, 5_000.0, 24 * 7)))
        .isInstanceOfSatisfying(
            InvalidRequest.class,
            e -> {
              assertThat(e.field()).isEqualTo("end");
              assertThat(e.getMessage()).contains("24 hours");
            });
    assertThat(storedBy(cbpAnalyst)).isZero();
    assertThat(alerts.mine(cbpAnalyst, false)).isEmpty();
  }

  @Test
  void aRedOperationAnswersOnlyTheAgencyAndItsDutyContact() {
    operations.plan(
        deaAgent,
        new OperationDraft(
            "DEA-RED-7",
            "SA Rivera, +1 202 555 0142",
            start,
            start.plusSeconds(4 * 3600),
            32.7157,
            -117.1611,
            500.0,
            Marking.of("ignored", Tlp.RED)));

    OperationPlan answer =
        operations.plan(cbpAnalyst, probe("CBP-P1", 32.7158, -117.1612, 500.0, 4));

    assertThat(answer.alerts())
        .singleElement()
        .satisfies(
            toCbp -> {
              assertThat(toCbp.otherAgency()).isEqualTo(dea);
              assertThat(toCbp.otherCaseReference()).isNull();
              assertThat(toCbp.otherContact()).isEqualTo(DEA_DESK);
              assertThat(toCbp.toString() + toCbp.text())
                  .doesNotContain("DEA-RED-7")
                  .doesNotContain("Rivera");
            });
  }

  @Test
  void everyOverlapAnswerIsAuditedForBothAgencies() {
    OperationPlan raid = plannedRaid();

    OperationPlan answer =
        operations.plan(cbpAnalyst, probe("CBP-P1", 32.7158, -117.1612, 500.0, 4));

    assertThat(answer.alerts()).hasSize(1);
    String asking = answer.operation().id();
    String owning = raid.operation().id();
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_event WHERE action = 'DECONFLICTION_ANSWER'"
                        + " AND agency_code = :cbp AND record_id = :asking")
                .param("cbp", cbp)
                .param("asking", asking)
                .query(String.class)
                .list())
        .as("the requesting agency's entry: what it was told, and by whom")
        .singleElement()
        .satisfies(detail -> assertThat(detail).contains(dea).contains("duty contact only"));
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_event WHERE action = 'DECONFLICTION_ASKED'"
                        + " AND record_id = :owning")
                .param("owning", owning)
                .query(String.class)
                .list())
        .as("the owning agency's entry, filed under its own operation")
        .singleElement()
        .satisfies(detail -> assertThat(detail).contains(cbp).contains(asking));
    assertThat(operations.answersAbout(deaSupervisor, owning))
        .as("the owning agency's supervisors see who was answered about their operation")
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.askingAgency()).isEqualTo(cbp);
              assertThat(entry.askingUser()).isEqualTo(cbpAnalyst.caller().username());
              assertThat(entry.askingOperationId()).isEqualTo(asking);
              assertThat(entry.coarse()).isTrue();
            });
    assertThatThrownBy(() -> operations.answersAbout(cbpAnalyst, owning))
        .as("the asking side cannot read the owner's log")
        .isInstanceOf(org.presstrace.shared.NotFound.class);
    assertThatThrownBy(() -> operations.answersAbout(deaAgent, owning))
        .as("nor can a member who is not a supervisor")
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
  }

  @Test
  void repeatedProbingIsRateLimitedAndRaisedToTheOwningSupervisors() {
    OperationPlan raid = plannedRaid();
    int threshold = limits.probesPerUser();

    for (int i = 0; i < threshold; i++) {
      assertThat(alerts.mine(deaSupervisor, true).stream().filter(this::probing))
          .as("no probing alert before the %s-th answer", threshold)
          .isEmpty();
      operations.plan(cbpAnalyst, probe("CBP-P" + i, 32.7157 + i * 0.001, -117.1611, 500.0, 4));
    }

    List<StoredAlert> raised =
        alerts.mine(deaSupervisor, true).stream().filter(this::probing).toList();
    assertThat(raised)
        .as("raised once to the owning agency's supervisors, under the raid's own marking")
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.ownRecordId()).isEqualTo(raid.operation().id());
              assertThat(alert.otherAgency()).isEqualTo(cbp);
              assertThat(alert.marking().compartment()).isEqualTo(compartment);
              assertThat(alert.text()).contains(cbp).contains(String.valueOf(threshold));
            });
    assertThat(alerts.mine(deaAgent, true).stream().filter(this::probing))
        .as("not to members who are not supervisors")
        .isEmpty();
    assertThat(alerts.mine(deaOutsider, true).stream().filter(this::probing))
        .as("nor to supervisors outside the compartment")
        .isEmpty();
    assertThat(alerts.mine(cbpAnalyst, false).stream().filter(this::probing))
        .as("the prober is not told it was noticed")
        .isEmpty();

    for (int i = threshold; i < limits.plansPerUser(); i++) {
      operations.plan(cbpAnalyst, probe("CBP-Q" + i, 10.0 + i, 10.0, 500.0, 4));
    }
    long stored = storedBy(cbpAnalyst);
    assertThatThrownBy(
            () -> operations.plan(cbpAnalyst, probe("CBP-LAST", 32.7157, -117.1611, 500.0, 4)))
        .isInstanceOfSatisfying(
            TooManyRequests.class,
            e ->
                assertThat(e.retryAfter())
                    .isPositive()
                    .isLessThanOrEqualTo(limits.planWindow())
                    .isGreaterThan(Duration.ZERO));
    assertThat(storedBy(cbpAnalyst)).as("the refused plan is not stored").isEqualTo(stored);
    assertThat(alerts.mine(deaSupervisor, true).stream().filter(this::probing))
        .as("raised once, not once per answer")
        .hasSize(1);
  }

  @Test
  void anAgencyCannotSpreadItsProbesOverItsUsers() {
    OperationPlan raid = plannedRaid();
    int users = limits.probesPerAgency();
    var analysts = new java.util.ArrayList<AccessContext>();
    for (int i = 0; i < users; i++) {
      analysts.add(world.as(world.user("cbp-" + i, cbp, Role.INVESTIGATOR), Channel.API));
    }

    for (int i = 0; i < users; i++) {
      operations.plan(
          analysts.get(i), probe("CBP-A" + i, 32.7157 + i * 0.001, -117.1611, 500.0, 4));
    }

    assertThat(alerts.mine(deaSupervisor, true).stream().filter(this::probing))
        .as("one answer to each of %s users is probing by the agency", users)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.ownRecordId()).isEqualTo(raid.operation().id());
              assertThat(alert.otherAgency()).isEqualTo(cbp);
              assertThat(alert.text()).contains("its users");
            });
    StoredAlert raised =
        alerts.mine(deaSupervisor, true).stream().filter(this::probing).findFirst().orElseThrow();
    assertThatThrownBy(() -> alerts.acknowledge(deaAgent, raised.id()))
        .as("a member who is not a supervisor does not even find it")
        .isInstanceOf(org.presstrace.shared.NotFound.class);

    for (int planned = users; planned < limits.plansPerAgency(); planned++) {
      operations.plan(
          analysts.get(planned % users), probe("CBP-B" + planned, -50.0, planned, 500.0, 4));
    }
    AccessContext fresh = world.as(world.user("cbp-fresh", cbp, Role.INVESTIGATOR), Channel.API);
    assertThatThrownBy(() -> operations.plan(fresh, probe("CBP-C", -55.0, 1.0, 500.0, 4)))
        .as("a fresh user of the agency is over the agency's rate")
        .isInstanceOfSatisfying(
            TooManyRequests.class, e -> assertThat(e.getMessage()).contains(cbp));
    assertThat(storedBy(fresh)).isZero();
  }

  private boolean probing(StoredAlert alert) {
    return PointerAlerts.PROBING.equals(alert.kind());
  }

  private long storedBy(AccessContext context) {
    return jdbc.sql("SELECT COUNT(*) FROM planned_operation WHERE created_by = :by")
        .param("by", context.caller().username())
        .query(Long.class)
        .single();
  }

  private OperationPlan plannedRaid() {
    return operations.plan(
        deaAgent,
        new OperationDraft(
            "DEA-RAID-SECRET",
            "SA Rivera, +1 202 555 0142",
            start,
            start.plusSeconds(4 * 3600),
            32.7157,
            -117.1611,
            500.0,
            new Marking(dea, Tlp.RED, null, false, null, compartment)));
  }

  private OperationDraft probe(String reference, double lat, double lon, double radius, int hours) {
    return new OperationDraft(
        reference,
        "Analyst " + reference,
        start,
        start.plusSeconds(hours * 3600L),
        lat,
        lon,
        radius,
        Marking.of("ignored", Tlp.AMBER));
  }
}
