package org.presstrace.seizures.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.seizures.Alert;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert table, for writes. Reads that show content go through {@code GuardedReads} with {@link
 * #KIND} and {@link #alert}.
 */
@Repository
public class AlertStore {

  /** The protected kind of alerts; no purpose is needed to read one's own agency's alerts. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "alert",
          "alert",
          "r.id, r.kind, r.subject_kind, r.subject_id, r.title, r.message, r.raised_by_agency,"
              + " r.recipient_agency, r.raised_at, r.status, r.acknowledged_by, r.acknowledged_at, "
              + ProtectedKind.MARKING_COLUMNS,
          false,
          true);

  /** An alert row to store; {@code factOf} names the alert a fact stands in for, else null. */
  public record NewAlert(
      String id,
      String kind,
      String subjectKind,
      String subjectId,
      String title,
      String message,
      String raisedBy,
      Instant raisedAt,
      String recipient,
      Marking marking,
      String factOf,
      String derivedFrom) {}

  private final JdbcClient jdbc;

  AlertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores an open alert. */
  public void insert(NewAlert alert) {
    Marking marking = alert.marking();
    jdbc.sql(
            """
            INSERT INTO alert (id, kind, subject_kind, subject_id, title, message, raised_by_agency,
                               raised_at, status, recipient_agency, owner_agency, tlp,
                               cui_category, noforn, rel_to, compartment, fact_of, derived_from)
            VALUES (:id, :kind, :subjectKind, :subjectId, :title, :message, :by, :at, 'OPEN',
                    :recipient, :owner, :tlp, :cui, :noforn, :relTo, :compartment, :factOf,
                    :derivedFrom)
            """)
        .param("id", alert.id())
        .param("kind", alert.kind())
        .param("subjectKind", alert.subjectKind())
        .param("subjectId", alert.subjectId())
        .param("title", cut(alert.title(), 200))
        .param("message", cut(alert.message(), 2000))
        .param("by", alert.raisedBy())
        .param("at", OffsetDateTime.ofInstant(alert.raisedAt(), ZoneOffset.UTC))
        .param("recipient", alert.recipient())
        .param("owner", marking.ownerAgency())
        .param("tlp", marking.tlp().label())
        .param("cui", marking.cuiCategory())
        .param("noforn", marking.noforn())
        .param("relTo", marking.relToColumn())
        .param("compartment", marking.compartment())
        .param("factOf", alert.factOf())
        .param("derivedFrom", alert.derivedFrom())
        .update();
  }

  /**
   * Acknowledges the open alert {@code id} together with the fact standing in for it, or the alert
   * a fact stands in for.
   *
   * @return how many alerts changed: none when it was acknowledged already
   */
  public int acknowledge(String id, String by, Instant at) {
    return jdbc.sql(
            """
            UPDATE alert SET status = 'ACKNOWLEDGED', acknowledged_by = :by,
                   acknowledged_at = :at
            WHERE status = 'OPEN' AND (id = :id OR fact_of = :id
                   OR id = (SELECT a.fact_of FROM alert a WHERE a.id = :id))
            """)
        .param("by", by)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("id", id)
        .update();
  }

  /** A row of {@link #KIND}. */
  public static Alert alert(ResultSet rs, int row) throws SQLException {
    var acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
    return new Alert(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("subject_kind"),
        rs.getString("subject_id"),
        rs.getString("title"),
        rs.getString("message"),
        rs.getString("recipient_agency"),
        rs.getString("raised_by_agency"),
        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getString("status"),
        rs.getString("acknowledged_by"),
        acknowledged == null ? null : acknowledged.toInstant());
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
