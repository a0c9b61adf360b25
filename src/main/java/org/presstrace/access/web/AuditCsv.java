package org.presstrace.access.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.presstrace.access.AuditEntry;
import org.presstrace.access.ExportBanner;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.shared.CsvField;

/**
 * The audit trail as RFC 4180 CSV. The trail is the operator's metadata about every agency's work,
 * marked {@code TLP:AMBER} and owned by the operator agency: the file opens with that banner and
 * every line carries it in its {@code marking} column.
 */
final class AuditCsv {

  static final String HEADER =
      "id,occurred_at,username,agency,action,kind,record_id,channel,purpose,outcome,detail,request_id,marking\r\n";

  private final Marking marking;
  private final StringBuilder text;

  AuditCsv(String operatorAgency) {
    marking = Marking.of(operatorAgency, Tlp.AMBER);
    text = new StringBuilder(ExportBanner.csvLine(marking.banner())).append(HEADER);
  }

  String banner() {
    return marking.banner();
  }

  void append(AuditEntry entry) {
    text.append(row(entry, marking));
  }

  String text() {
    return text.toString();
  }

  static String row(AuditEntry e, Marking marking) {
    return Stream.of(
                String.valueOf(e.id()),
                String.valueOf(e.occurredAt()),
                e.username(),
                e.agency(),
                e.action(),
                e.kind(),
                e.recordId(),
                e.channel().name(),
                e.purpose(),
                e.outcome(),
                e.detail(),
                e.requestId(),
                marking.banner())
            .map(CsvField::of)
            .collect(Collectors.joining(","))
        + "\r\n";
  }
}
