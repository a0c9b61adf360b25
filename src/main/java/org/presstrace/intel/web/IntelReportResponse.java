package org.presstrace.intel.web;

import java.time.Instant;
import java.util.List;
import org.presstrace.access.CountryCode;
import org.presstrace.intel.IntelReport;

/** A report in API responses; times are ISO 8601 UTC. */
record IntelReportResponse(
    String id,
    String title,
    String summary,
    MarkingResponse marking,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Integer version) {

  record MarkingResponse(
      String ownerAgency,
      String tlp,
      String cuiCategory,
      boolean noforn,
      List<String> relTo,
      String compartment,
      String banner) {}

  static IntelReportResponse of(IntelReport report) {
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
        report.version());
  }
}
