package org.presstrace.intel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.presstrace.access.MarkedRecords;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies an approved marking change to a report: the report gets the new marking and a new version
 * in its history (same text, new marking, by the approver).
 */
@Component
class IntelReportMarkings implements MarkedRecords {

  private final JdbcClient jdbc;

  IntelReportMarkings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public ProtectedKind kind() {
    return IntelReports.KIND;
  }

  @Override
  public void remark(String recordId, Marking marking, String approvedBy, Instant at) {
    IntelReport current = IntelReports.stored(jdbc, recordId);
    int next = current.version() + 1;
    OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    var draft = new IntelReportDraft(current.title(), current.summary(), marking);
    jdbc.sql(
            """
            UPDATE intel_report SET tlp = :tlp, cui_category = :cui, noforn = :noforn,
                   rel_to = :relTo, compartment = :compartment, updated_at = :at, version = :next
            WHERE id = :id AND version = :expected
            """)
        .params(IntelReports.columns(recordId, draft, marking))
        .param("at", when)
        .param("next", next)
        .param("expected", current.version())
        .update();
    IntelReports.revision(jdbc, recordId, next, draft, marking, approvedBy, when);
  }
}
