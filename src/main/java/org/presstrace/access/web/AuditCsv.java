package org.presstrace.access.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.presstrace.access.AuditEntry;
import org.presstrace.access.CsvField;

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
            .map(CsvField::of)
            .collect(Collectors.joining(","))
        + "\r\n";
  }
}
