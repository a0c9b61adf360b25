package org.presstrace.intel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.presstrace.access.MarkingChange;
import org.presstrace.intel.IntelReport;
import org.presstrace.intel.IntelReportEdit;
import org.presstrace.shared.CountryCode;

/** A report in API responses; times are ISO 8601 UTC. */
record IntelReportResponse(
    String id,
    String title,
    String summary,
    MarkingResponse marking,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
    @JsonInclude(JsonInclude.Include.NON_NULL) PendingMarkingChange markingChange) {

  /** A loosened marking waiting for a supervisor; the report keeps its marking until then. */
  record PendingMarkingChange(
      String id, String status, String from, String to, List<String> loosens) {

    static PendingMarkingChange of(MarkingChange change) {
      return change == null
          ? null
          : new PendingMarkingChange(
              change.id(),
              change.status().name(),
              change.from().banner(),
              change.to().banner(),
              change.loosens());
    }
  }

  record MarkingResponse(
      String ownerAgency,
      String tlp,
      String cuiCategory,
      boolean noforn,
      List<String> relTo,
      String compartment,
      String banner) {}

  static IntelReportResponse of(IntelReport report) {
    return of(report, null);
  }

  static IntelReportResponse of(IntelReportEdit edit) {
    return of(edit.report(), edit.pendingMarkingChange());
  }

  private static IntelReportResponse of(IntelReport report, MarkingChange pending) {
    var m = report.marking();
    return new IntelReportResponse(
        report.id(),
        report.title(),
        report.summary(),
        new MarkingResponse(
            m.ownerAgency(),
            m.tlp().label(),
            m.cuiCategory(),
            m.noforn(),
            m.relTo().stream().map(CountryCode::alpha3).toList(),
            m.compartment(),
            m.banner()),
        report.createdBy(),
        report.createdAt(),
        report.updatedAt(),
        report.version(),
        PendingMarkingChange.of(pending));
  }
}
