package org.presstrace.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry_import_job table: each background import with its file (until it has ended), its
 * owner and the access context it runs with, and where it stands, for every node to read.
 */
@Repository
public class ImportJobStore {

  private static final String UNFINISHED = "('QUEUED', 'RUNNING')";
  private static final String ENDED = "('FINISHED', 'FAILED')";

  private final JdbcClient jdbc;

  ImportJobStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One job's row, without its file. */
  public record Row(
      String id,
      String username,
      String channel,
      String purpose,
      String requestId,
      String fileName,
      boolean dryRun,
      String state,
      String phase,
      long done,
      long total,
      int attempts,
      String node,
      Instant startedAt,
      Instant finishedAt,
      String resultJson,
      String failure) {}

  private static final String COLUMNS =
      "id, username, channel, purpose, request_id, file_name, dry_run, state, phase, done, total,"
          + " attempts, node, started_at, finished_at, result_json, failure";

  public void insert(
      String id,
      String username,
      String channel,
      String purpose,
      String requestId,
      String fileName,
      boolean dryRun,
      byte[] content,
      Instant startedAt) {
    jdbc.sql(
            """
            INSERT INTO registry_import_job (id, username, channel, purpose, request_id, file_name,
                                             dry_run, content, state, phase, started_at)
            VALUES (:id, :username, :channel, :purpose, :request, :file, :dry, :content, 'QUEUED',
                    'WAITING', :at)
            """)
        .param("id", id)
        .param("username", username)
        .param("channel", channel)
        .param("purpose", purpose)
        .param("request", requestId)
        .param("file", fileName)
        .param("dry", dryRun)
        .param("content", content)
        .param("at", at(startedAt))
        .update();
  }

  public Optional<Row> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM registry_import_job WHERE id = ?")
        .param(id)
        .query(ImportJobStore::row)
        .optional();
  }

  /** The file of a job that has not ended; empty once it has. */
  public Optional<byte[]> content(String id) {
    return jdbc.sql(
            "SELECT content FROM registry_import_job WHERE id = ? AND state IN " + UNFINISHED)
        .param(id)
        .query((rs, n) -> rs.getBytes("content"))
        .optional();
  }

  public List<Row> ofUser(String username) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM registry_import_job WHERE username = ? ORDER BY started_at DESC, id")
        .param(username)
        .query(ImportJobStore::row)
        .list();
  }

  public Optional<Row> unfinishedOf(String username) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM registry_import_job WHERE username = ? AND state IN "
                + UNFINISHED
                + " ORDER BY started_at, id")
        .param(username)
        .query(ImportJobStore::row)
        .list()
        .stream()
        .findFirst();
  }

  /** Jobs waiting or running on any node. */
  public long unfinished() {
    return jdbc.sql("SELECT COUNT(*) FROM registry_import_job WHERE state IN " + UNFINISHED)
        .query(Long.class)
        .single();
  }

  /**
   * Marks a job that has not ended as running on {@code node} (again, when its first node died),
   * its progress starting over; false when it has ended.
   */
  public boolean begin(String id, String node) {
    return jdbc.sql(
                "UPDATE registry_import_job SET state = 'RUNNING', phase = 'CHECKING', done = 0,"
                    + " total = 0, attempts = attempts + 1, node = ? WHERE id = ? AND state IN "
                    + UNFINISHED)
            .params(node, id)
            .update()
        == 1;
  }

  public void progress(String id, String phase, long done, long total) {
    jdbc.sql(
            "UPDATE registry_import_job SET phase = ?, done = ?, total = ? WHERE id = ? AND state"
                + " = 'RUNNING'")
        .params(phase, done, total, id)
        .update();
  }

  /**
   * Ends a job that has not ended yet, dropping its file; false when it had already ended (another
   * node finished it first).
   */
  public boolean end(String id, String state, String resultJson, String failure, Instant at) {
    return jdbc.sql(
                "UPDATE registry_import_job SET state = ?, phase = 'DONE', result_json = ?,"
                    + " failure = ?, finished_at = ?, content = NULL WHERE id = ? AND state IN "
                    + UNFINISHED)
            .params(state, resultJson, failure, at(at), id)
            .update()
        == 1;
  }

  /** Forgets ended jobs older than {@code cutoff}, then the oldest beyond {@code kept}. */
  public void forget(Instant cutoff, int kept) {
    jdbc.sql("DELETE FROM registry_import_job WHERE state IN " + ENDED + " AND finished_at < ?")
        .param(at(cutoff))
        .update();
    List<String> beyond =
        jdbc.sql(
                "SELECT id FROM registry_import_job WHERE state IN "
                    + ENDED
                    + " ORDER BY finished_at DESC, id OFFSET ?")
            .param(kept)
            .query(String.class)
            .list();
    for (String id : beyond) {
      jdbc.sql("DELETE FROM registry_import_job WHERE id = ?").param(id).update();
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    return new Row(
        rs.getString("id"),
        rs.getString("username"),
        rs.getString("channel"),
        rs.getString("purpose"),
        rs.getString("request_id"),
        rs.getString("file_name"),
        rs.getBoolean("dry_run"),
        rs.getString("state"),
        rs.getString("phase"),
        rs.getLong("done"),
        rs.getLong("total"),
        rs.getInt("attempts"),
        rs.getString("node"),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(),
        rs.getString("result_json"),
        rs.getString("failure"));
  }
}
