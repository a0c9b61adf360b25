package org.presstrace.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.presstrace.registry.ComplianceItem;
import org.presstrace.registry.ComplianceKind;
import org.presstrace.registry.ComplianceStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The compliance queue table. (kind, subject) is unique: each item is raised once. */
@Repository
public class ComplianceItems {

  /** The name of compliance items in audit entries. */
  public static final String KIND_NAME = "compliance-item";

  private final JdbcClient jdbc;

  ComplianceItems(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Raises an item unless one of this kind and subject exists; the new item's id, if raised. */
  public Optional<String> raise(
      ComplianceKind kind,
      String subject,
      String registrantId,
      String machineId,
      String reportId,
      String summary,
      LocalDate dueOn,
      Instant at) {
    if (exists(kind, subject)) {
      return Optional.empty();
    }
    String id = UUID.randomUUID().toString();
    // ON CONFLICT DO NOTHING: a concurrent sweep raising the same item must not abort this
    // transaction (PostgreSQL aborts a transaction on a failed statement).
    int inserted =
        jdbc.sql(
                """
                INSERT INTO compliance_item (id, kind, subject, registrant_id, machine_id,
                                             report_id, summary, due_on, status, created_at)
                VALUES (:id, :kind, :subject, :registrant, :machine, :report, :summary, :due,
                        'OPEN', :at)
                ON CONFLICT DO NOTHING
                """)
            .param("id", id)
            .param("kind", kind.name())
            .param("subject", subject)
            .param("registrant", registrantId)
            .param("machine", machineId)
            .param("report", reportId)
            .param("summary", summary.length() > 1000 ? summary.substring(0, 1000) : summary)
            .param("due", dueOn)
            .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  public boolean exists(ComplianceKind kind, String subject) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM compliance_item WHERE kind = :kind AND subject = :subject")
            .param("kind", kind.name())
            .param("subject", subject)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether the registrant has an open item of this kind. */
  public boolean openFor(ComplianceKind kind, String registrantId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM compliance_item WHERE kind = :kind"
                    + " AND registrant_id = :registrant AND status = 'OPEN'")
            .param("kind", kind.name())
            .param("registrant", registrantId)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<ComplianceItem> byId(String id) {
    return jdbc.sql("SELECT * FROM compliance_item WHERE id = :id")
        .param("id", id)
        .query(ComplianceItems::item)
        .optional();
  }

  /** Items with {@code status} (all when null) and {@code kind} (all when null), oldest first. */
  public List<ComplianceItem> list(
      ComplianceStatus status, ComplianceKind kind, int limit, long offset) {
    String where =
        (status == null ? "TRUE" : "status = :status") + (kind == null ? "" : " AND kind = :kind");
    var query =
        jdbc.sql(
                "SELECT * FROM compliance_item WHERE "
                    + where
                    + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
            .param("limit", limit)
            .param("offset", offset);
    if (status != null) {
      query = query.param("status", status.name());
    }
    if (kind != null) {
      query = query.param("kind", kind.name());
    }
    return query.query(ComplianceItems::item).list();
  }

  /** How many open items are assigned to {@code assignee}. */
  public long countOpenAssignedTo(String assignee) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM compliance_item WHERE status = 'OPEN' AND assigned_to = :to")
        .param("to", assignee)
        .query(Long.class)
        .single();
  }

  /** The open items assigned to {@code assignee}, earliest due first. */
  public List<ComplianceItem> openAssignedTo(String assignee, int limit) {
    return jdbc.sql(
            "SELECT * FROM compliance_item WHERE status = 'OPEN' AND assigned_to = :to"
                + " ORDER BY due_on, created_at, id LIMIT :limit")
        .param("to", assignee)
        .param("limit", limit)
        .query(ComplianceItems::item)
        .list();
  }

  public void assign(String id, String assignee, Instant at) {
    jdbc.sql("UPDATE compliance_item SET assigned_to = :to, assigned_at = :at WHERE id = :id")
        .param("to", assignee)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("id", id)
        .update();
  }

  public void resolve(String id, String by, String note, Instant at) {
    jdbc.sql(
            "UPDATE compliance_item SET status = 'RESOLVED', resolved_by = :by,"
                + " resolved_at = :at, resolution = :note WHERE id = :id")
        .param("by", by)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("note", note)
        .param("id", id)
        .update();
  }

  static ComplianceItem item(ResultSet rs, int row) throws SQLException {
    return new ComplianceItem(
        rs.getString("id"),
        ComplianceKind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        rs.getString("registrant_id"),
        rs.getString("machine_id"),
        rs.getString("report_id"),
        rs.getString("summary"),
        rs.getObject("due_on", LocalDate.class),
        ComplianceStatus.valueOf(rs.getString("status")),
        rs.getString("assigned_to"),
        instant(rs, "assigned_at"),
        rs.getString("resolved_by"),
        instant(rs, "resolved_at"),
        rs.getString("resolution"),
        instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
