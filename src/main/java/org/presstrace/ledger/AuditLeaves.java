package org.presstrace.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.presstrace.access.AuditEntry;

/**
 * How an audit entry becomes a ledger leaf, kind {@code audit-event}: its fields as canonical JSON.
 *
 * <p>A leaf of format 2 shows the entry's metadata as the audit trail shows it to auditors (who,
 * agency, when, action, kind and id, channel, outcome, request id) and holds only salted {@link
 * Commitment}s to its free text, {@link #CONTENT}: a stated purpose or a detail can name a person
 * or quote a search, and a leaf travels further than the trail (exports go to courts and
 * registrants). The salt is kept in {@code ledger_salt} beside the leaf. Leaves written before
 * (format 1, no {@code format} member) hold every field and are still checked.
 */
public final class AuditLeaves {

  public static final String KIND = "audit-event";

  /** The leaf format that holds commitments to the entry's free text. */
  public static final int FORMAT = 2;

  /** The entry's free text, committed to rather than shown. */
  static final Map<String, Function<AuditEntry, String>> CONTENT =
      Map.of("purpose", AuditEntry::purpose, "detail", AuditEntry::detail);

  private static final java.util.regex.Pattern RANDOM_ID =
      java.util.regex.Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private AuditLeaves() {}

  /** The members of a format-2 leaf: metadata, and a commitment per {@link #CONTENT} field. */
  public static Map<String, Object> fields(AuditEntry entry, String salt) {
    var fields = legacyFields(entry);
    fields.put("format", FORMAT);
    var commit = Commitment.under(salt);
    CONTENT.forEach(
        (name, value) -> {
          fields.remove(name);
          fields.put(CustodyLeaves.COMMIT + name, commit.of(name, value.apply(entry)));
        });
    // A random id says nothing; a code or a name (a compartment, a user) can name an operation or
    // a person, so it is committed to as well.
    if (entry.recordId() != null && !RANDOM_ID.matcher(entry.recordId()).matches()) {
      fields.remove("recordId");
      fields.put(CustodyLeaves.COMMIT + "recordId", commit.of("recordId", entry.recordId()));
    }
    return fields;
  }

  public static byte[] canonical(AuditEntry entry, String salt) {
    return CanonicalJson.of(fields(entry, salt));
  }

  /** The members of a leaf written before commitments (format 1): every field of the entry. */
  static Map<String, Object> legacyFields(AuditEntry entry) {
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
}
