package org.presstrace.intel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReport;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.springframework.security.access.AccessDeniedException;

class FiledReportTests {

  private static final CountryCode USA = new CountryCode("USA");
  private static final Instant FILED = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant LATER = Instant.parse("2025-03-02T09:30:00Z");
  private static final Marking AMBER = Marking.of("DEA", Tlp.AMBER);
  private static final Marking RED = Marking.of("DEA", Tlp.RED);

  private static FiledReport atVersion(int version) {
    return FiledReport.of(
        new IntelReport(
            "r-1", "Press seen", "A rotary press", AMBER, "ana", FILED, FILED, version));
  }

  private static Caller caller(String agency, Role role) {
    return new Caller("ed", agency, AgencyKind.FEDERAL, USA, Set.of(role), Set.of());
  }

  @Test
  void revisionRecordsTheNextVersionWithTheNewTextAndMarking() {
    FiledReport report = atVersion(3);

    report.revise(
        caller("DEA", Role.INVESTIGATOR),
        new IntelReportDraft("  Press moved ", " To a warehouse ", RED),
        RED,
        3,
        LATER);

    assertThat(report.version()).isEqualTo(4);
    assertThat(report.loadedVersion()).isEqualTo(3);
    assertThat(report.recordedEvents())
        .containsExactly(
            new IntelReportRevised("r-1", 4, "Press moved", "To a warehouse", RED, "ed", LATER));
  }

  @Test
  void refusesARevisionFromAVersionNoLongerCurrent() {
    FiledReport report = atVersion(3);

    assertThatThrownBy(
            () ->
                report.revise(
                    caller("DEA", Role.SUPERVISOR),
                    new IntelReportDraft("Press moved", "To a warehouse", AMBER),
                    AMBER,
                    2,
                    LATER))
        .isInstanceOf(ConflictingState.class)
        .hasMessage("report r-1 is at version 3, not 2");
    assertThat(report.recordedEvents()).isEmpty();
    assertThat(report.version()).isEqualTo(3);
  }

  @Test
  void refusesARevisionByAnAnalystOrAnotherAgency() {
    FiledReport report = atVersion(1);
    var draft = new IntelReportDraft("Press moved", "To a warehouse", AMBER);

    assertThatThrownBy(() -> report.revise(caller("DEA", Role.ANALYST), draft, AMBER, 1, LATER))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> report.revise(caller("CBP", Role.INVESTIGATOR), draft, AMBER, 1, LATER))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(report.recordedEvents()).isEmpty();
  }

  @Test
  void approvedMarkingChangeKeepsTheTextAndNamesTheApprover() {
    FiledReport report = atVersion(2);

    report.remark(RED, "sup", LATER);

    assertThat(report.recordedEvents())
        .containsExactly(
            new IntelReportRevised("r-1", 3, "Press seen", "A rotary press", RED, "sup", LATER));
  }
}
