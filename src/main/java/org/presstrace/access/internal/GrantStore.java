package org.presstrace.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.presstrace.access.Grant;
import org.presstrace.access.GrantStatus;
import org.presstrace.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code access_grant} table: pending, approved and rejected grants of roles and memberships.
 */
@Repository
public class GrantStore {

  private static final String SELECT =
      "SELECT g.*, u.agency_code FROM access_grant g JOIN app_user u ON u.username = g.grantee";

  private final JdbcClient jdbc;

  GrantStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts a pending grant of {@code role} or of membership in {@code compartment} and returns it.
   */
  public Grant insert(
      String username,
      Role role,
      String compartment,
      String approverAgency,
      String requester,
      Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO access_grant (id, grantee, role, compartment_code, approver_agency, status,
                                      requested_by, requested_at)
            VALUES (:id, :grantee, :role, :compartment, :approver, 'PENDING', :requester, :at)
            """)
        .param("id", id)
        .param("grantee", username)
        .param("role", role == null ? null : role.name())
        .param("compartment", compartment)
        .param("approver", approverAgency)
        .param("requester", requester)
        .param("at", utc(at))
        .update();
    return find(id).orElseThrow();
  }

  public Optional<Grant> find(String id) {
    return jdbc.sql(SELECT + " WHERE g.id = :id")
        .param("id", id)
        .query(GrantStore::grant)
        .optional();
  }

  /**
   * Records the decision on a pending grant.
   *
   * @return false when the grant was no longer pending
   */
  public boolean decide(String id, GrantStatus outcome, String by, String reason, Instant at) {
    return jdbc.sql(
                """
                UPDATE access_grant SET status = :status, decided_by = :by, decided_at = :at,
                                        decision_reason = :reason
                WHERE id = :id AND status = 'PENDING'
                """)
            .param("status", outcome.name())
            .param("by", by)
            .param("at", utc(at))
            .param("reason", reason)
            .param("id", id)
            .update()
        == 1;
  }

  /**
   * The grants a caller deals with, newest first: to {@code username}; with {@code supervisor},
   * those {@code agency} decides; with {@code administrator}, those {@code username} asked for and
   * those to users of {@code agency}, or every grant with {@code operatorAdministrator}.
   */
  public List<Grant> inbox(
      String username,
      String agency,
      boolean supervisor,
      boolean administrator,
      boolean operatorAdministrator,
      GrantStatus status) {
    StringBuilder mine = new StringBuilder("g.grantee = :username");
    if (supervisor) {
      mine.append(" OR g.approver_agency = :agency");
    }
    if (administrator) {
      mine.append(
          operatorAdministrator
              ? " OR 1 = 1"
              : " OR g.requested_by = :username OR u.agency_code = :agency");
    }
    var query =
        jdbc.sql(
            SELECT
                + " WHERE ("
                + mine
                + ")"
                + (status == null ? "" : " AND g.status = :status")
                + " ORDER BY g.requested_at DESC, g.id");
    if (status != null) {
      query = query.param("status", status.name());
    }
    return query
        .param("username", username)
        .param("agency", agency)
        .query(GrantStore::grant)
        .list();
  }

  /** The roles pending for {@code username}. */
  public Set<Role> pendingRoles(String username) {
    return jdbc
        .sql(
            "SELECT role FROM access_grant WHERE grantee = :username AND status = 'PENDING'"
                + " AND role IS NOT NULL")
        .param("username", username)
        .query(String.class)
        .list()
        .stream()
        .map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  /** Whether a grant of {@code role} to {@code username} is pending. */
  public boolean rolePending(String username, Role role) {
    return pending(username, "role = :what", role.name());
  }

  /** Whether a grant of membership in {@code compartment} to {@code username} is pending. */
  public boolean membershipPending(String username, String compartment) {
    return pending(username, "compartment_code = :what", compartment);
  }

  private boolean pending(String username, String condition, String what) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM access_grant WHERE grantee = :username AND status = 'PENDING'"
                    + " AND "
                    + condition)
            .param("username", username)
            .param("what", what)
            .query(Long.class)
            .single()
        > 0;
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Grant grant(ResultSet rs, int row) throws SQLException {
    String role = rs.getString("role");
    return new Grant(
        rs.getString("id"),
        rs.getString("grantee"),
        rs.getString("agency_code"),
        role == null ? null : Role.valueOf(role),
        rs.getString("compartment_code"),
        rs.getString("approver_agency"),
        GrantStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"),
        instant(rs, "requested_at"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getString("decision_reason"));
  }
}
