package org.presstrace.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportTiming;
import org.presstrace.registry.TransactionReportAmended;
import org.presstrace.registry.TransactionReportFiled;
import org.presstrace.registry.TransactionReportStatus;
import org.presstrace.registry.TransactionReportWithdrawn;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;

/** Every allowed and refused change of a transaction report. */
class TransactionReportTests {

  static final LocalDate FILED = LocalDate.of(2026, 3, 4);
  static final LocalDate MOVEMENT = FILED.plusDays(30);
  static final String ID = "TR-2026-ABCDE-FGHJK";

  static TransactionReport stored(TransactionReportStatus status, int version) {
    return new TransactionReport(
        ID, "R1", ReportKind.EXPORT, status, version, MOVEMENT, FILED, ReportTiming.ON_TIME);
  }

  @Test
  void aFiledReportIsTheFirstVersion() {
    var report =
        TransactionReport.filed(
            ID, "R1", ReportKind.IMPORT, MOVEMENT, FILED, ReportTiming.ON_TIME, "acme.user");

    assertThat(report.status()).isEqualTo(TransactionReportStatus.FILED);
    assertThat(report.version()).isEqualTo(1);
    assertThat(report.recordedEvents())
        .containsExactly(
            new TransactionReportFiled(
                ID, "R1", ReportKind.IMPORT, MOVEMENT, FILED, ReportTiming.ON_TIME, "acme.user"));
  }

  @Test
  void refusesToFileAReportThatIsNeitherImportNorExport() {
    assertThatThrownBy(
            () ->
                TransactionReport.filed(
                    ID, "R1", ReportKind.TRANSFER, MOVEMENT, FILED, ReportTiming.ON_TIME, "u"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("direction is required: IMPORT or EXPORT");
  }

  @Test
  void eachAmendmentIsANewVersionWithItsOwnMovementDayAndTiming() {
    var report = stored(TransactionReportStatus.FILED, 1);

    report.amend(null, MOVEMENT.minusDays(20), ReportTiming.LATE, "ship earlier", "acme.user");
    report.amend(ReportKind.EXPORT, MOVEMENT, ReportTiming.ON_TIME, "back again", "acme.user");

    assertThat(report.status()).isEqualTo(TransactionReportStatus.AMENDED);
    assertThat(report.version()).isEqualTo(3);
    assertThat(report.proposedOn()).isEqualTo(MOVEMENT);
    assertThat(report.recordedEvents())
        .containsExactly(
            new TransactionReportAmended(
                ID, 2, MOVEMENT.minusDays(20), ReportTiming.LATE, "ship earlier", "acme.user"),
            new TransactionReportAmended(
                ID, 3, MOVEMENT, ReportTiming.ON_TIME, "back again", "acme.user"));
  }

  @Test
  void refusesToAmendAWithdrawnReport() {
    var report = stored(TransactionReportStatus.WITHDRAWN, 2);

    assertThatThrownBy(
            () -> report.amend(null, MOVEMENT, ReportTiming.ON_TIME, "changed", "acme.user"))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "transaction report "
                + ID
                + " is WITHDRAWN: a withdrawn report cannot be amended; file a new one");
    assertThat(report.version()).isEqualTo(2);
    assertThat(report.recordedEvents()).isEmpty();
  }

  @Test
  void refusesAnAmendmentThatTurnsAnExportIntoAnImport() {
    var report = stored(TransactionReportStatus.FILED, 1);

    assertThatThrownBy(() -> report.requireAmendable(ReportKind.IMPORT))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("transaction report " + ID + " is an EXPORT report");
    assertThatThrownBy(
            () ->
                report.amend(
                    ReportKind.IMPORT, MOVEMENT, ReportTiming.ON_TIME, "changed", "acme.user"))
        .isInstanceOf(InvalidRequest.class);
    assertThat(report.status()).isEqualTo(TransactionReportStatus.FILED);
  }

  @Test
  void withdrawsAnAmendedReportAsItsLastVersion() {
    var report = stored(TransactionReportStatus.AMENDED, 2);

    report.withdraw("order cancelled", false, ReportTiming.ON_TIME, "acme.user");

    assertThat(report.status()).isEqualTo(TransactionReportStatus.WITHDRAWN);
    assertThat(report.recordedEvents())
        .containsExactly(new TransactionReportWithdrawn(ID, 3, "order cancelled", "acme.user"));
  }

  @Test
  void refusesToWithdrawAReportTwice() {
    var report = stored(TransactionReportStatus.FILED, 1);
    report.withdraw("cancelled", false, ReportTiming.ON_TIME, "acme.user");

    assertThatThrownBy(() -> report.withdraw("again", false, ReportTiming.ON_TIME, "acme.user"))
        .isInstanceOf(ConflictingState.class)
        .hasMessage("transaction report " + ID + " is WITHDRAWN already: a withdrawal is final");
    assertThat(report.version()).isEqualTo(2);
    assertThat(report.recordedEvents()).hasSize(1);
  }

  @Test
  void refusesToWithdrawAReportEquipmentMovedUnder() {
    var report = stored(TransactionReportStatus.FILED, 1);

    assertThatThrownBy(() -> report.withdraw("cancelled", true, ReportTiming.ON_TIME, "acme.user"))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "transaction report "
                + ID
                + " is named by a recorded export: a report equipment moved under cannot be"
                + " withdrawn; amend it instead");
    assertThat(report.status()).isEqualTo(TransactionReportStatus.FILED);
  }
}
