package org.presstrace.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.presstrace.access.Marking;
import org.presstrace.access.MarkingChange;
import org.presstrace.access.MarkingChangeStatus;
import org.presstrace.access.Tlp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code marking_change} table. A pending change holds {@code open_record} ({@code
 * kind:recordId}), so that a record has at most one pending change.
 */
@Repository
public class MarkingChangeStore {

  private final JdbcClient jdbc;

  MarkingChangeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<MarkingChange> find(String id) {
    return jdbc.sql("SELECT * FROM marking_change WHERE id = :id")
        .param("id", id)
        .query(MarkingChangeStore::change)
        .optional();
  }

  /** The aggregate, for a step of the workflow. */
  public Optional<MarkingChangeRequest> load(String id) {
    return find(id).map(MarkingChangeRequest::new);
  }

  /** Whether a change of record {@code recordId} of {@code kind} is pending. */
  public boolean pending(String kind, String recordId) {
    return jdbc.sql("SELECT COUNT(*) FROM marking_change WHERE open_record = :open")
            .param("open", open(kind, recordId))
            .query(Long.class)
            .single()
        > 0;
  }

  /** Stores a new pending change. */
  public void insert(MarkingChangeRequest request) {
    MarkingChange change = request.view();
    jdbc.sql(
            """
            INSERT INTO marking_change (id, kind, record_id, owner_agency, from_tlp,
                from_cui_category, from_noforn, from_rel_to, from_compartment, to_tlp,
                to_cui_category, to_noforn, to_rel_to, to_compartment, justification, status,
                open_record, requested_by, requested_at)
            VALUES (:id, :kind, :recordId, :owner, :fromTlp, :fromCui, :fromNoforn, :fromRelTo,
                :fromCompartment, :toTlp, :toCui, :toNoforn, :toRelTo, :toCompartment,
                :justification, 'PENDING', :open, :by, :at)
            """)
        .param("id", change.id())
        .param("kind", change.kind())
        .param("recordId", change.recordId())
        .param("owner", change.ownerAgency())
        .params(columns("from", change.from()))
        .params(columns("to", change.to()))
        .param("justification", change.justification())
        .param("open", open(change.kind(), change.recordId()))
        .param("by", change.requestedBy())
        .param("at", utc(change.requestedAt()))
        .update();
  }

  /**
   * Stores the decision on a change that was pending when loaded, and frees the record for the next
   * change.
   *
   * @return false when it was decided meanwhile
   */
  public boolean saveDecision(MarkingChangeRequest request) {
    MarkingChange change = request.view();
    return jdbc.sql(
                """
                UPDATE marking_change SET status = :status, open_record = NULL,
                       decided_by = :by, decided_at = :at, decision_reason = :reason
                WHERE id = :id AND status = 'PENDING'
                """)
            .param("status", change.status().name())
            .param("by", change.decidedBy())
            .param("at", utc(change.decidedAt()))
            .param("reason", change.decisionReason())
            .param("id", change.id())
            .update()
        == 1;
  }

  /**
   * Newest first: the changes of {@code agency} when {@code supervisor}, and those {@code username}
   * asked for; optionally only those in {@code status}.
   */
  public List<MarkingChange> inbox(
      String username, String agency, boolean supervisor, MarkingChangeStatus status) {
    String mine =
        supervisor
            ? "owner_agency = :agency OR requested_by = :username"
            : "requested_by = :username";
    var query =
        jdbc.sql(
            "SELECT * FROM marking_change WHERE ("
                + mine
                + ")"
                + (status == null ? "" : " AND status = :status")
                + " ORDER BY requested_at DESC");
    if (status != null) {
      query = query.param("status", status.name());
    }
    return query
        .param("agency", agency)
        .param("username", username)
        .query(MarkingChangeStore::change)
        .list();
  }

  private static String open(String kind, String recordId) {
    return kind + ":" + recordId;
  }

  private static Map<String, Object> columns(String prefix, Marking marking) {
    var columns = new HashMap<String, Object>();
    columns.put(prefix + "Tlp", marking.tlp().label());
    columns.put(prefix + "Cui", marking.cuiCategory());
    columns.put(prefix + "Noforn", marking.noforn());
    columns.put(prefix + "RelTo", marking.relToColumn());
    columns.put(prefix + "Compartment", marking.compartment());
    return columns;
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Marking marking(ResultSet rs, String prefix) throws SQLException {
    return new Marking(
        rs.getString("owner_agency"),
        Tlp.parse(rs.getString(prefix + "tlp")),
        rs.getString(prefix + "cui_category"),
        rs.getBoolean(prefix + "noforn"),
        Marking.relToFromColumn(rs.getString(prefix + "rel_to")),
        rs.getString(prefix + "compartment"));
  }

  private static MarkingChange change(ResultSet rs, int row) throws SQLException {
    return new MarkingChange(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("record_id"),
        rs.getString("owner_agency"),
        marking(rs, "from_"),
        marking(rs, "to_"),
        rs.getString("justification"),
        MarkingChangeStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"),
        instant(rs, "requested_at"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getString("decision_reason"));
  }
}
