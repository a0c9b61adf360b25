package org.presstrace.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import org.presstrace.access.AuditEntry;

/**
 * How an audit entry becomes a ledger leaf: its fields as canonical JSON, kind {@code audit-event}.
 */
public final class AuditLeaves {

  public static final String KIND = "audit-event";

  private AuditLeaves() {}

  public static Map<String, Object> fields(AuditEntry entry) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("type", KIND);
    fields.put("id", entry.id());
    fields.put("occurredAt", entry.occurredAt() == null ? null : entry.occurredAt().toString());
    fields.put("username", entry.username());
    fields.put("agency", entry.agency());
    fields.put("action", entry.action());
    fields.put("kind", entry.kind());
    fields.put("recordId", entry.recordId());
    fields.put("channel", entry.channel() == null ? null : entry.channel().name());
    fields.put("purpose", entry.purpose());
    fields.put("outcome", entry.outcome());
    fields.put("detail", entry.detail());
    fields.put("requestId", entry.requestId());
    return fields;
  }

  public static byte[] canonical(AuditEntry entry) {
    return CanonicalJson.of(fields(entry));
  }
}
