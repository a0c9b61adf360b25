package org.presstrace.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.presstrace.access.Release;
import org.presstrace.access.ReleaseFilter;
import org.presstrace.access.ReleaseStatus;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code record_release} table: every release request and its decision. */
@Repository
public class ReleaseStore {

  private final JdbcClient jdbc;

  ReleaseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Release> find(String id) {
    return jdbc.sql("SELECT * FROM record_release WHERE id = :id")
        .param("id", id)
        .query(ReleaseStore::release)
        .optional();
  }

  /** The aggregate, for a step of the workflow. */
  public Optional<ReleaseRequest> load(String id) {
    return find(id).map(ReleaseRequest::new);
  }

  /** Stores a new pending request. */
  public void insert(ReleaseRequest request) {
    Release release = request.view();
    jdbc.sql(
            """
            INSERT INTO record_release (id, kind, record_id, owner_agency, target_agency,
                                        justification, status, requested_by, requested_at)
            VALUES (:id, :kind, :recordId, :owner, :target, :justification, 'PENDING',
                    :requestedBy, :at)
            """)
        .param("id", release.id())
        .param("kind", release.kind())
        .param("recordId", release.recordId())
        .param("owner", release.ownerAgency())
        .param("target", release.targetAgency())
        .param("justification", release.justification())
        .param("requestedBy", release.requestedBy())
        .param("at", utc(release.requestedAt()))
        .update();
  }

  /**
   * Stores the decision on a request that was pending when loaded.
   *
   * @return false when it was decided meanwhile
   */
  public boolean saveDecision(ReleaseRequest request) {
    Release release = request.view();
    return jdbc.sql(
                """
                UPDATE record_release SET status = :status, decided_by = :by, decided_at = :at,
                                          decision_reason = :reason
                WHERE id = :id AND status = 'PENDING'
                """)
            .param("status", release.status().name())
            .param("by", release.decidedBy())
            .param("at", utc(release.decidedAt()))
            .param("reason", release.decisionReason())
            .param("id", release.id())
            .update()
        == 1;
  }

  /** Stores the revocation of a release that was approved when loaded. */
  public void saveRevocation(ReleaseRequest request) {
    Release release = request.view();
    jdbc.sql(
            """
            UPDATE record_release SET status = 'REVOKED', revoked_by = :by, revoked_at = :at,
                                      revoke_reason = :reason
            WHERE id = :id AND status = 'APPROVED'
            """)
        .param("by", release.revokedBy())
        .param("at", utc(release.revokedAt()))
        .param("reason", release.revokeReason())
        .param("id", release.id())
        .update();
  }

  /** Whether record {@code recordId} of {@code kind} stands released to {@code agency}. */
  public boolean approved(String kind, String recordId, String agency) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM record_release WHERE kind = :kind AND record_id = :id"
                    + " AND target_agency = :agency AND status = 'APPROVED'")
            .param("kind", kind)
            .param("id", recordId)
            .param("agency", agency)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether a pending or approved release of the record to {@code target} exists. */
  public boolean open(String kind, String recordId, String target) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM record_release
                WHERE kind = :kind AND record_id = :id AND target_agency = :target
                  AND status IN ('PENDING', 'APPROVED')
                """)
            .param("kind", kind)
            .param("id", recordId)
            .param("target", target)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Newest first: the releases of {@code agency} when {@code supervisor}, those {@code username}
   * asked for, and those approved to {@code agency}; optionally only those in {@code status}.
   */
  public List<Release> inbox(
      String username, String agency, boolean supervisor, ReleaseStatus status) {
    String mine =
        supervisor
            ? "owner_agency = :agency OR requested_by = :username"
            : "requested_by = :username";
    String sql =
        "SELECT * FROM record_release WHERE ("
            + mine
            + " OR (target_agency = :agency AND status = 'APPROVED'))"
            + (status == null ? "" : " AND status = :status")
            + " ORDER BY requested_at DESC";
    var query = jdbc.sql(sql);
    if (status != null) {
      query = query.param("status", status.name());
    }
    return query
        .param("agency", agency)
        .param("username", username)
        .query(ReleaseStore::release)
        .list();
  }

  /**
   * One page of {@link #inbox(String, String, boolean, ReleaseStatus)} narrowed by {@code filter};
   * the filter is only ever added to the visibility condition, so it cannot widen it.
   */
  public Page<Release> inbox(
      String username, String agency, boolean supervisor, ReleaseFilter filter, PageQuery page) {
    String mine =
        supervisor
            ? "owner_agency = :agency OR requested_by = :username"
            : "requested_by = :username";
    var where =
        new StringBuilder(
            " WHERE (" + mine + " OR (target_agency = :agency AND status = 'APPROVED'))");
    var params = new HashMap<String, Object>();
    params.put("agency", agency);
    params.put("username", username);
    if (filter.status() != null) {
      where.append(" AND status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.kind() != null) {
      where.append(" AND kind = :kind");
      params.put("kind", filter.kind());
    }
    if (filter.who() != null) {
      where.append(
          " AND (LOWER(requested_by) LIKE :who ESCAPE '\\' OR LOWER(owner_agency) LIKE :who"
              + " ESCAPE '\\' OR LOWER(target_agency) LIKE :who ESCAPE '\\')");
      params.put("who", "%" + like(filter.who().toLowerCase(Locale.ROOT)) + "%");
    }
    if (filter.recordId() != null) {
      where.append(" AND record_id LIKE :record ESCAPE '\\'");
      params.put("record", like(filter.recordId()) + "%");
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM record_release" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Release> rows =
        jdbc.sql(
                "SELECT * FROM record_release"
                    + where
                    + " ORDER BY requested_at DESC, id LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(ReleaseStore::release)
            .list();
    return new Page<>(rows, page.page(), page.size(), total);
  }

  /** {@code text} with the LIKE wildcards and the escape character escaped. */
  private static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Release release(ResultSet rs, int row) throws SQLException {
    return new Release(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("record_id"),
        rs.getString("owner_agency"),
        rs.getString("target_agency"),
        rs.getString("justification"),
        ReleaseStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"),
        instant(rs, "requested_at"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getString("decision_reason"),
        rs.getString("revoked_by"),
        instant(rs, "revoked_at"),
        rs.getString("revoke_reason"));
  }
}
