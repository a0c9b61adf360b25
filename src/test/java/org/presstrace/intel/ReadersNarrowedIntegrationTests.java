package org.presstrace.intel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.MarkingChanges;
import org.presstrace.access.ReadersNarrowed;
import org.presstrace.access.Release;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every way a record loses readers tells what was derived from it, in the same transaction: a
 * revoked release, a marking tightened by an edit, and an approved marking change.
 */
@PressTraceIntegrationTest
@RecordApplicationEvents
class ReadersNarrowedIntegrationTests {

  @Autowired Directory directory;
  @Autowired IntelReports reports;
  @Autowired Releases releases;
  @Autowired MarkingChanges markingChanges;
  @Autowired ApplicationEvents events;

  World world;
  String dea;
  String cbp;
  AccessContext investigator;
  AccessContext supervisor;
  AccessContext otherSupervisor;

  @BeforeEach
  void world() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    investigator = world.as(world.user("investigator", dea, Role.INVESTIGATOR), Channel.API);
    supervisor = world.as(world.user("supervisor", dea, Role.SUPERVISOR), Channel.API);
    otherSupervisor = world.as(world.user("supervisor2", dea, Role.SUPERVISOR), Channel.API);
  }

  IntelReport report(Tlp tlp) {
    return reports.create(
        investigator, new IntelReportDraft("Press shipment", "Two presses", Marking.of(dea, tlp)));
  }

  long narrowed(String id) {
    return events.stream(ReadersNarrowed.class).filter(e -> e.recordId().equals(id)).count();
  }

  @Test
  void revokingAReleaseLeavesNoDerivedCopyWithTheFormerReader() {
    IntelReport report = report(Tlp.AMBER);
    Release release =
        releases.request(investigator, IntelReports.KIND.name(), report.id(), cbp, "Joint case");
    releases.approve(supervisor, release.id(), "Agreed");
    assertThat(narrowed(report.id())).isZero();

    releases.revoke(supervisor, release.id(), "Case closed");

    assertThat(events.stream(ReadersNarrowed.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(IntelReports.KIND.name());
              assertThat(e.recordId()).isEqualTo(report.id());
              assertThat(e.why()).contains("revoked").contains(cbp);
            });
  }

  @Test
  void tighteningAMarkingByAnEditLeavesNoDerivedCopyWithThoseWhoLostIt() {
    IntelReport report = report(Tlp.GREEN);
    reports.update(
        investigator,
        report.id(),
        new IntelReportDraft("Press shipment", "Two presses, reworded", Marking.of(dea, Tlp.GREEN)),
        report.version(),
        null);
    assertThat(narrowed(report.id())).as("same marking").isZero();

    reports.update(
        investigator,
        report.id(),
        new IntelReportDraft("Press shipment", "Two presses", Marking.of(dea, Tlp.AMBER)),
        report.version() + 1,
        null);

    assertThat(narrowed(report.id())).isEqualTo(1);
  }

  @Test
  void anApprovedMarkingChangeLeavesNoDerivedCopyWithThoseItDrops() {
    IntelReport report = report(Tlp.AMBER);
    IntelReportEdit edit =
        reports.update(
            investigator,
            report.id(),
            new IntelReportDraft("Press shipment", "Two presses", Marking.of(dea, Tlp.GREEN)),
            report.version(),
            "Shared with every federal partner");
    assertThat(narrowed(report.id())).as("a loosening waits for approval").isZero();

    markingChanges.approve(otherSupervisor, edit.pendingMarkingChange().id(), "Agreed");

    assertThat(narrowed(report.id())).isEqualTo(1);
  }
}
