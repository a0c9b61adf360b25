package org.presstrace.intel.internal;

import java.time.Instant;
import org.presstrace.access.MarkedRecords;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.intel.IntelReports;
import org.springframework.stereotype.Component;

/**
 * Applies an approved marking change to a report: the report gets the new marking and a new version
 * in its history (same text, new marking, by the approver).
 */
@Component
class IntelReportMarkings implements MarkedRecords {

  private final IntelReportStore store;

  IntelReportMarkings(IntelReportStore store) {
    this.store = store;
  }

  @Override
  public ProtectedKind kind() {
    return IntelReports.KIND;
  }

  @Override
  public void remark(String recordId, Marking marking, String approvedBy, Instant at) {
    FiledReport report = FiledReport.of(store.stored(recordId));
    report.remark(marking, approvedBy, at);
    store.update(report);
    store.append(report);
  }
}
