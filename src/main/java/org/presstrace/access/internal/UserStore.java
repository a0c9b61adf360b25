package org.presstrace.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Role;
import org.presstrace.access.UserView;
import org.presstrace.shared.CountryCode;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code app_user} table and what each user holds: roles in {@code user_role}, compartment
 * memberships in {@code compartment_member}. Rules about who may change these are {@code
 * Directory}'s and {@code Grants}'.
 */
@Repository
public class UserStore {

  private final JdbcClient jdbc;
  private final LoginAttempts signIns;

  UserStore(JdbcClient jdbc, LoginAttempts signIns) {
    this.jdbc = jdbc;
    this.signIns = signIns;
  }

  /** The users of {@code agency}, by username. */
  public List<UserView> inAgency(String agency) {
    Held held = held("SELECT username FROM app_user WHERE agency_code = :agency", "agency", agency);
    return jdbc.sql("SELECT * FROM app_user WHERE agency_code = :agency ORDER BY username")
        .param("agency", agency)
        .query((rs, row) -> user(rs, held))
        .list();
  }

  public Optional<UserView> find(String username) {
    Held held = held(":username", "username", username);
    return jdbc.sql("SELECT * FROM app_user WHERE username = :username")
        .param("username", username)
        .query((rs, row) -> user(rs, held))
        .optional();
  }

  /** The caller an enabled user stands for, with agency, roles and compartments. */
  public Optional<Caller> caller(String username) {
    Held held = held(":username", "username", username);
    return jdbc.sql(
            """
            SELECT u.username, u.agency_code, a.kind, a.country
            FROM app_user u JOIN agency a ON a.code = u.agency_code
            WHERE u.username = :username AND u.enabled = TRUE
            """)
        .param("username", username)
        .query(
            (rs, row) ->
                new Caller(
                    rs.getString("username"),
                    rs.getString("agency_code"),
                    AgencyKind.valueOf(rs.getString("kind")),
                    new CountryCode(rs.getString("country")),
                    held.roles(username),
                    held.compartments(username),
                    custodianOf(rs.getString("agency_code"))))
        .optional();
  }

  /** The foreign-partner agencies {@code agency} is custodian of. */
  public Set<String> custodianOf(String agency) {
    return new HashSet<>(
        jdbc.sql("SELECT code FROM agency WHERE custodian_agency = :agency")
            .param("agency", agency)
            .query(String.class)
            .list());
  }

  /** The agency of user {@code username}, if the user exists. */
  public Optional<String> agencyOf(String username) {
    return jdbc.sql("SELECT agency_code FROM app_user WHERE username = :username")
        .param("username", username)
        .query(String.class)
        .optional();
  }

  /** Inserts an enabled user holding {@code roles} at once. */
  public void insert(
      String username,
      String displayName,
      String agency,
      String passwordHash,
      Set<Role> roles,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO app_user (username, display_name, agency_code, password_hash, enabled,
                                  created_at, updated_at)
            VALUES (:username, :name, :agency, :hash, TRUE, :at, :at)
            """)
        .param("username", username)
        .param("name", displayName)
        .param("agency", agency)
        .param("hash", passwordHash)
        .param("at", utc(at))
        .update();
    for (Role role : roles) {
      addRole(username, role);
    }
  }

  /** Replaces the password hash of {@code username}. */
  public void setPasswordHash(String username, String passwordHash, Instant at) {
    jdbc.sql(
            "UPDATE app_user SET password_hash = :hash, updated_at = :at WHERE username = :username")
        .param("hash", passwordHash)
        .param("at", utc(at))
        .param("username", username)
        .update();
  }

  public void setEnabled(String username, boolean enabled, Instant at) {
    jdbc.sql("UPDATE app_user SET enabled = :enabled, updated_at = :at WHERE username = :username")
        .param("enabled", enabled)
        .param("at", utc(at))
        .param("username", username)
        .update();
  }

  /** The IANA time zone {@code username} chose for the pages, if any. */
  public Optional<String> timeZone(String username) {
    return jdbc.sql("SELECT time_zone FROM app_user WHERE username = :username")
        .param("username", username)
        .query((rs, row) -> Optional.ofNullable(rs.getString("time_zone")))
        .optional()
        .flatMap(zone -> zone);
  }

  /** Sets {@code username}'s time zone for the pages; null returns it to the instance's zone. */
  public void setTimeZone(String username, String zone, Instant at) {
    jdbc.sql("UPDATE app_user SET time_zone = :zone, updated_at = :at WHERE username = :username")
        .param("zone", zone)
        .param("at", utc(at))
        .param("username", username)
        .update();
  }

  public Set<Role> roles(String username) {
    return jdbc
        .sql("SELECT role FROM user_role WHERE username = :username")
        .param("username", username)
        .query(String.class)
        .list()
        .stream()
        .map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  public void addRole(String username, Role role) {
    jdbc.sql("INSERT INTO user_role (username, role) VALUES (:username, :role)")
        .param("username", username)
        .param("role", role.name())
        .update();
  }

  /** The compartments user {@code username} is a member of. */
  public Set<String> compartments(String username) {
    return Set.copyOf(
        jdbc.sql("SELECT compartment_code FROM compartment_member WHERE username = :username")
            .param("username", username)
            .query(String.class)
            .list());
  }

  public boolean isMember(String compartment, String username) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM compartment_member"
                    + " WHERE compartment_code = :code AND username = :username")
            .param("code", compartment)
            .param("username", username)
            .query(Long.class)
            .single()
        > 0;
  }

  public void addMember(String compartment, String username) {
    jdbc.sql(
            "INSERT INTO compartment_member (compartment_code, username) VALUES (:code, :username)")
        .param("code", compartment)
        .param("username", username)
        .update();
  }

  /** How many enabled supervisors {@code agency} has besides the two users named. */
  public long supervisorsBesides(String agency, String grantee, String requester) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.username = u.username
            WHERE u.agency_code = :agency AND u.enabled = TRUE AND r.role = 'SUPERVISOR'
              AND u.username <> :grantee AND u.username <> :requester
            """)
        .param("agency", agency)
        .param("grantee", grantee)
        .param("requester", requester)
        .query(Long.class)
        .single();
  }

  /** The roles and compartments of a set of users, read in one statement. */
  private record Held(Map<String, Set<Role>> roles, Map<String, Set<String>> compartments) {

    Set<Role> roles(String username) {
      Set<Role> granted = roles.get(username);
      return granted == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(granted);
    }

    Set<String> compartments(String username) {
      return new TreeSet<>(compartments.getOrDefault(username, Set.of()));
    }
  }

  /**
   * The grants of the users {@code usernames} selects ({@code :username} for one user, or a
   * subquery over {@code app_user}) with its one parameter.
   */
  private Held held(String usernames, String parameter, String value) {
    var roles = new HashMap<String, Set<Role>>();
    var compartments = new HashMap<String, Set<String>>();
    jdbc.sql(
            "SELECT username, 'R' AS grant_kind, role AS granted FROM user_role"
                + " WHERE username IN ("
                + usernames
                + ") UNION ALL SELECT username, 'C', compartment_code FROM compartment_member"
                + " WHERE username IN ("
                + usernames
                + ")")
        .param(parameter, value)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String username = rs.getString("username");
                  if (rs.getString("grant_kind").equals("R")) {
                    roles
                        .computeIfAbsent(username, k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString("granted")));
                  } else {
                    compartments
                        .computeIfAbsent(username, k -> new TreeSet<>())
                        .add(rs.getString("granted"));
                  }
                });
    return new Held(roles, compartments);
  }

  private UserView user(ResultSet rs, Held held) throws SQLException {
    String username = rs.getString("username");
    return new UserView(
        username,
        rs.getString("display_name"),
        rs.getString("agency_code"),
        held.roles(username),
        held.compartments(username),
        rs.getBoolean("enabled"),
        signIns.limited(username),
        signIns.failures(username),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
