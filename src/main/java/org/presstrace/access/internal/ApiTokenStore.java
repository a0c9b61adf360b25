package org.presstrace.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.presstrace.access.ApiToken;
import org.presstrace.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_token} table: tokens by id and by the SHA-256 of their secret. Rules about who may
 * make, see or revoke a token are {@code ApiTokens}'.
 */
@Repository
public class ApiTokenStore {

  private static final int LISTED = 200;

  private final JdbcClient jdbc;
  private final Clock clock;

  ApiTokenStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A stored token with the hash of its secret, for the sign-in check. */
  public record Stored(ApiToken token, String secretHash) {}

  public void insert(ApiToken token, String secretHash) {
    jdbc.sql(
            """
            INSERT INTO api_token (id, username, kind, name, secret_hash, roles, created_by,
                                   created_at, expires_at)
            VALUES (:id, :username, :kind, :name, :hash, :roles, :createdBy, :createdAt,
                    :expiresAt)
            """)
        .param("id", token.id())
        .param("username", token.username())
        .param("kind", token.kind().name())
        .param("name", token.name())
        .param("hash", secretHash)
        .param("roles", token.roles().stream().map(Role::name).sorted().collect(joining()))
        .param("createdBy", token.createdBy())
        .param("createdAt", utc(token.createdAt()))
        .param("expiresAt", utc(token.expiresAt()))
        .update();
  }

  public Optional<ApiToken> find(String id) {
    return jdbc.sql("SELECT * FROM api_token WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> token(rs))
        .optional();
  }

  public Optional<Stored> bySecretHash(String secretHash) {
    return jdbc.sql("SELECT * FROM api_token WHERE secret_hash = :hash")
        .param("hash", secretHash)
        .query((rs, row) -> new Stored(token(rs), rs.getString("secret_hash")))
        .optional();
  }

  /** The tokens of {@code username}, newest first, at most 200. */
  public List<ApiToken> of(String username) {
    return jdbc.sql(
            "SELECT * FROM api_token WHERE username = :username ORDER BY created_at DESC, id"
                + " FETCH FIRST "
                + LISTED
                + " ROWS ONLY")
        .param("username", username)
        .query((rs, row) -> token(rs))
        .list();
  }

  /** How many of {@code username}'s tokens are neither revoked nor expired at {@code at}. */
  public long active(String username, Instant at) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM api_token WHERE username = :username AND revoked_at IS NULL"
                + " AND expires_at > :at")
        .param("username", username)
        .param("at", utc(at))
        .query(Long.class)
        .single();
  }

  /** Revokes a token unless already revoked; whether this call revoked it. */
  public boolean revoke(String id, String by, Instant at) {
    return jdbc.sql(
                "UPDATE api_token SET revoked_at = :at, revoked_by = :by"
                    + " WHERE id = :id AND revoked_at IS NULL")
            .param("at", utc(at))
            .param("by", by)
            .param("id", id)
            .update()
        == 1;
  }

  /**
   * Records a use at {@code at} unless one was recorded after {@code unlessAfter}, so a busy token
   * writes its row at most once per interval.
   */
  public void used(String id, Instant at, Instant unlessAfter) {
    jdbc.sql(
            "UPDATE api_token SET last_used_at = :at WHERE id = :id"
                + " AND (last_used_at IS NULL OR last_used_at <= :since)")
        .param("at", utc(at))
        .param("id", id)
        .param("since", utc(unlessAfter))
        .update();
  }

  private ApiToken token(ResultSet rs) throws SQLException {
    Instant expiresAt = instant(rs, "expires_at");
    Instant revokedAt = instant(rs, "revoked_at");
    return new ApiToken(
        rs.getString("id"),
        rs.getString("username"),
        ApiToken.Kind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        roles(rs.getString("roles")),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        expiresAt,
        revokedAt,
        instant(rs, "last_used_at"),
        revokedAt == null && expiresAt.isAfter(clock.instant()));
  }

  private static Set<Role> roles(String stored) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(stored.split(","))
        .filter(s -> !s.isBlank())
        .map(Role::valueOf)
        .forEach(roles::add);
    return roles;
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(",");
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
