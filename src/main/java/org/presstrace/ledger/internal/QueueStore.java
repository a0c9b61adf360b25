package org.presstrace.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The entries writers have committed and the integrator has not yet taken into the log
 * (ledger_queue). Writers only insert; the integrator reads in id order and deletes what it took.
 */
@Repository
public class QueueStore {

  private static final String INSERT =
      "INSERT INTO ledger_queue (kind, ref, data, leaf_hash, salt, queued_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  /** An entry to queue: its leaf's canonical data and hash (hex), and its salt if any. */
  public record NewEntry(String kind, String ref, String data, String hash, String salt) {}

  /** A queued entry as stored, with its queue id and when its writer wrote it. */
  public record Queued(
      long id,
      String kind,
      String ref,
      String data,
      String hash,
      String salt,
      OffsetDateTime queuedAt) {}

  private final JdbcTemplate template;
  private final JdbcClient jdbc;

  public QueueStore(JdbcTemplate template) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
  }

  /** Queues entries in one batch, all stamped {@code at}. */
  public void insert(List<NewEntry> entries, OffsetDateTime at) {
    template.batchUpdate(
        INSERT,
        entries,
        entries.size(),
        (PreparedStatement ps, NewEntry entry) -> {
          ps.setString(1, entry.kind());
          ps.setString(2, entry.ref());
          ps.setString(3, entry.data());
          ps.setString(4, entry.hash());
          ps.setString(5, entry.salt());
          ps.setObject(6, at);
        });
  }

  /** The oldest {@code limit} committed entries, in queue id order. */
  public List<Queued> oldest(int limit) {
    return jdbc.sql("SELECT * FROM ledger_queue ORDER BY id FETCH FIRST :limit ROWS ONLY")
        .param("limit", limit)
        .query(QueueStore::queuedOf)
        .list();
  }

  /**
   * Deletes exactly the entries taken into the log, by their ids, in one statement; returns how
   * many rows went. Never a range of ids: an entry with an id inside it may have committed after
   * the integrator read the queue, and must stay for the next batch.
   */
  public int delete(List<Queued> taken) {
    if (taken.isEmpty()) {
      return 0;
    }
    Long[] ids = taken.stream().map(Queued::id).toArray(Long[]::new);
    return template.execute(
        (java.sql.Connection connection) -> {
          try (PreparedStatement ps =
              connection.prepareStatement("DELETE FROM ledger_queue WHERE id = ANY (?)")) {
            java.sql.Array array = connection.createArrayOf("BIGINT", ids);
            try {
              ps.setArray(1, array);
              return ps.executeUpdate();
            } finally {
              array.free();
            }
          }
        });
  }

  /** The highest queue id committed and waiting, if any. */
  public OptionalLong newest() {
    Long id =
        jdbc.sql("SELECT MAX(id) FROM ledger_queue").query(Long.class).optional().orElse(null);
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** How many committed entries wait with an id up to {@code id}. */
  public long waitingUpTo(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_queue WHERE id <= :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  /** How many committed entries wait. */
  public long waiting() {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_queue").query(Long.class).single();
  }

  /** The waiting entries among {@code ids}, oldest first. */
  public List<Queued> stillWaiting(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM ledger_queue WHERE id IN (:ids) ORDER BY id")
        .param("ids", ids)
        .query(QueueStore::queuedOf)
        .list();
  }

  /** The ids of the oldest {@code limit} waiting entries. */
  public List<Long> waitingIds(int limit) {
    return jdbc.sql("SELECT id FROM ledger_queue ORDER BY id FETCH FIRST :limit ROWS ONLY")
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /** How many committed entries of this kind wait. */
  public long count(String kind) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_queue WHERE kind = :kind")
        .param("kind", kind)
        .query(Long.class)
        .single();
  }

  private static Queued queuedOf(ResultSet rs, int row) throws SQLException {
    return new Queued(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("ref"),
        rs.getString("data"),
        rs.getString("leaf_hash"),
        rs.getString("salt"),
        rs.getObject("queued_at", OffsetDateTime.class));
  }
}
