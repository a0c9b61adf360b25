package org.presstrace.seizures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.ConflictingState;
import org.presstrace.access.Criteria;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.InvalidRequest;
import org.presstrace.access.Page;
import org.presstrace.access.PageQuery;
import org.presstrace.access.ProtectedKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts to agencies. An alert is a protected record owned by its recipient agency and marked
 * TLP:AMBER+STRICT, so only that agency's users read it; every read goes through {@link
 * GuardedReads}. Any module may raise one through {@link #raise}.
 */
@Service
public class Alerts {

  /** The protected kind of alerts; no purpose is needed to read one's own agency's alerts. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "alert",
          "alert",
          "r.id, r.kind, r.subject_kind, r.subject_id, r.title, r.message, r.raised_by_agency,"
              + " r.raised_at, r.status, r.acknowledged_by, r.acknowledged_at, "
              + ProtectedKind.MARKING_COLUMNS,
          false);

  private final JdbcClient jdbc;
  private final GuardedReads reads;
  private final AuditTrail audit;
  private final Clock clock;

  Alerts(JdbcClient jdbc, GuardedReads reads, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.reads = reads;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Raises an alert to {@code recipient} on behalf of the caller of {@code context}; audited.
   *
   * @return the new alert's id
   */
  @Transactional
  public String raise(
      AccessContext context,
      String recipient,
      String kind,
      String subjectKind,
      String subjectId,
      String title,
      String message) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO alert (id, kind, subject_kind, subject_id, title, message, raised_by_agency,
                               raised_at, status, owner_agency, tlp, cui_category, noforn)
            VALUES (:id, :kind, :subjectKind, :subjectId, :title, :message, :by, :at, 'OPEN',
                    :recipient, 'AMBER+STRICT', 'LEI', FALSE)
            """)
        .param("id", id)
        .param("kind", kind)
        .param("subjectKind", subjectKind)
        .param("subjectId", subjectId)
        .param("title", cut(title, 200))
        .param("message", cut(message, 2000))
        .param("by", context.caller().agency())
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("recipient", recipient)
        .update();
    audit.record(context, "RAISE", KIND.name(), id, "WRITTEN", kind + " to " + recipient);
    return id;
  }

  /** The alerts of the caller's agency, newest first; {@code status} OPEN, ACKNOWLEDGED or all. */
  public Page<Alert> page(AccessContext context, String status, PageQuery page) {
    return reads.page(context, KIND, criteria(status), page, Alerts::alert);
  }

  /** How many alerts of {@code status} the caller may read. */
  public long count(AccessContext context, String status) {
    return reads.count(context, KIND, criteria(status));
  }

  public Alert get(AccessContext context, String id) {
    return reads.one(context, KIND, id, Alerts::alert);
  }

  /** Marks an open alert of the caller's agency as acknowledged. */
  @Transactional
  public Alert acknowledge(AccessContext context, String id) {
    Alert alert = get(context, id);
    if (!alert.recipientAgency().equals(context.caller().agency())) {
      throw new ConflictingState("only " + alert.recipientAgency() + " acknowledges this alert");
    }
    int changed =
        jdbc.sql(
                """
                UPDATE alert SET status = 'ACKNOWLEDGED', acknowledged_by = :by,
                       acknowledged_at = :at WHERE id = :id AND status = 'OPEN'
                """)
            .param("by", context.caller().username())
            .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .param("id", id)
            .update();
    if (changed != 1) {
      throw new ConflictingState("alert " + id + " is already acknowledged");
    }
    audit.record(context, "ACKNOWLEDGE", KIND.name(), id, "WRITTEN", null);
    return get(context, id);
  }

  private static Criteria criteria(String status) {
    if (status == null || status.isBlank() || status.equalsIgnoreCase("all")) {
      return Criteria.all().orderBy("r.raised_at DESC");
    }
    String wanted = status.strip().toUpperCase(Locale.ROOT);
    if (!wanted.equals("OPEN") && !wanted.equals("ACKNOWLEDGED")) {
      throw new InvalidRequest(
          "status", "status '" + status + "' is not OPEN, ACKNOWLEDGED or all");
    }
    return Criteria.where("r.status = :status", Map.of("status", wanted))
        .orderBy("r.raised_at DESC");
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }

  static Alert alert(ResultSet rs, int row) throws SQLException {
    var acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
    return new Alert(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("subject_kind"),
        rs.getString("subject_id"),
        rs.getString("title"),
        rs.getString("message"),
        rs.getString("owner_agency"),
        rs.getString("raised_by_agency"),
        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getString("status"),
        rs.getString("acknowledged_by"),
        acknowledged == null ? null : acknowledged.toInstant());
  }
}
