package org.presstrace.exchange.taxii.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.presstrace.exchange.taxii.TaxiiFeed;
import org.presstrace.exchange.taxii.TaxiiFeed.FeedAuth;
import org.presstrace.exchange.taxii.TaxiiFeed.FeedOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scheduled TAXII feeds and their cursors. */
@Repository
public class Feeds {

  private static final String COLUMNS =
      "id, name, collection_url, import_as, agency, auth_kind, auth_env, interval_seconds,"
          + " enabled, created_by, created_at, added_after, next_poll_at, last_poll_at,"
          + " last_outcome, last_detail, total_received, consecutive_failures";

  private final JdbcClient jdbc;

  Feeds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(TaxiiFeed feed) {
    jdbc.sql(
            "INSERT INTO taxii_feed (id, name, collection_url, import_as, agency, auth_kind,"
                + " auth_env, interval_seconds, enabled, created_by, created_at, next_poll_at)"
                + " VALUES (:id, :name, :url, :importAs, :agency, :auth, :env, :interval,"
                + " :enabled, :createdBy, :createdAt, :next)")
        .param("id", feed.id())
        .param("name", feed.name())
        .param("url", feed.collectionUrl())
        .param("importAs", feed.importAs())
        .param("agency", feed.agency())
        .param("auth", feed.auth().name())
        .param("env", feed.authEnv())
        .param("interval", (int) feed.interval().toSeconds())
        .param("enabled", feed.enabled())
        .param("createdBy", feed.createdBy())
        .param("createdAt", utc(feed.createdAt()))
        .param("next", utc(feed.nextPollAt()))
        .update();
  }

  public boolean nameTaken(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM taxii_feed WHERE name = :name")
            .param("name", name)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<TaxiiFeed> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM taxii_feed WHERE id = :id")
        .param("id", id)
        .query(Feeds::feed)
        .optional();
  }

  /** All feeds, or those of one agency when {@code agency} is not null, by name. */
  public List<TaxiiFeed> list(String agency) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM taxii_feed WHERE (CAST(:agency AS VARCHAR(32)) IS NULL OR agency ="
                + " :agency) ORDER BY name")
        .param("agency", agency)
        .query(Feeds::feed)
        .list();
  }

  /** Ids of enabled feeds due at {@code now}, the longest-waiting first. */
  public List<String> due(Instant now) {
    return jdbc.sql(
            "SELECT id FROM taxii_feed WHERE enabled = TRUE AND next_poll_at <= :now"
                + " ORDER BY next_poll_at, id")
        .param("now", utc(now))
        .query(String.class)
        .list();
  }

  /**
   * Claims a due feed for one poll by moving its next poll to {@code lease}; false when another
   * sweep claimed it first or it is no longer due.
   */
  public boolean claim(String id, Instant seenNext, Instant lease) {
    return jdbc.sql(
                "UPDATE taxii_feed SET next_poll_at = :lease WHERE id = :id AND enabled = TRUE"
                    + " AND next_poll_at = :seen")
            .param("lease", utc(lease))
            .param("id", id)
            .param("seen", utc(seenNext))
            .update()
        == 1;
  }

  public void setEnabled(String id, boolean enabled, Instant nextPollAt) {
    jdbc.sql(
            "UPDATE taxii_feed SET enabled = :enabled, next_poll_at = :next,"
                + " consecutive_failures = CASE WHEN :enabled THEN 0 ELSE consecutive_failures END"
                + " WHERE id = :id")
        .param("enabled", enabled)
        .param("next", utc(nextPollAt))
        .param("id", id)
        .update();
  }

  public void delete(String id) {
    jdbc.sql("DELETE FROM taxii_feed WHERE id = :id").param("id", id).update();
  }

  /** Records a poll: the cursor moves only when {@code addedAfter} is given. */
  public void recordPoll(
      String id,
      Instant at,
      FeedOutcome outcome,
      String detail,
      int received,
      Instant addedAfter,
      int failures,
      Instant nextPollAt) {
    jdbc.sql(
            "UPDATE taxii_feed SET last_poll_at = :at, last_outcome = :outcome, last_detail ="
                + " :detail, total_received = total_received + :received, added_after ="
                + " COALESCE(:after, added_after), consecutive_failures = :failures,"
                + " next_poll_at = :next WHERE id = :id")
        .param("at", utc(at))
        .param("outcome", outcome.name())
        .param("detail", detail.length() > 1000 ? detail.substring(0, 1000) : detail)
        .param("received", received)
        .param("after", addedAfter == null ? null : utc(addedAfter))
        .param("failures", failures)
        .param("next", utc(nextPollAt))
        .param("id", id)
        .update();
  }

  private static TaxiiFeed feed(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("last_outcome");
    return new TaxiiFeed(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("collection_url"),
        rs.getString("import_as"),
        rs.getString("agency"),
        FeedAuth.valueOf(rs.getString("auth_kind")),
        rs.getString("auth_env"),
        Duration.ofSeconds(rs.getInt("interval_seconds")),
        rs.getBoolean("enabled"),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "added_after"),
        instant(rs, "next_poll_at"),
        instant(rs, "last_poll_at"),
        outcome == null ? null : FeedOutcome.valueOf(outcome),
        rs.getString("last_detail"),
        rs.getLong("total_received"),
        rs.getInt("consecutive_failures"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
