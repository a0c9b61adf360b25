package org.presstrace.access.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.presstrace.access.AuditEntry;

/** The audit trail as RFC 4180 CSV. */
final class AuditCsv {

  static final String HEADER =
      "id,occurred_at,username,agency,action,kind,record_id,channel,purpose,outcome,detail,request_id\r\n";

  private AuditCsv() {}

  static String row(AuditEntry e) {
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
                e.requestId())
            .map(AuditCsv::field)
            .collect(Collectors.joining(","))
        + "\r\n";
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    String text =
        !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
