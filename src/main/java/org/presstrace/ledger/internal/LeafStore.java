package org.presstrace.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.presstrace.ledger.LedgerLeaf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The leaves of the log (ledger_leaf), the salts kept beside some of them (ledger_salt) and the one
 * row holding the log's size (ledger_state), which the integrator locks while it extends the log.
 */
@Repository
public class LeafStore {

  /** Rows fetched at a time when the whole log is streamed out. */
  private static final int FETCH_SIZE = 1000;

  private static final String INSERT_LEAF =
      "INSERT INTO ledger_leaf"
          + " (idx, kind, ref, data, leaf_hash, appended_at, queue_id, integrated_at,"
          + " integrated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_SALT = "INSERT INTO ledger_salt (idx, salt) VALUES (?, ?)";

  /**
   * A leaf to write: its hash in hex, the salt to keep beside it (if any), when its writer appended
   * it, and the queue entry it was integrated from, when and by which node.
   */
  public record NewLeaf(
      long index,
      String kind,
      String ref,
      String data,
      String hash,
      OffsetDateTime at,
      String salt,
      long queueId,
      OffsetDateTime integratedAt,
      String integratedBy) {}

  private final JdbcTemplate template;
  private final JdbcClient jdbc;
  private final JdbcClient streaming;

  public LeafStore(JdbcTemplate template) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
    var fetching = new JdbcTemplate(template.getDataSource());
    fetching.setFetchSize(FETCH_SIZE);
    this.streaming = JdbcClient.create(fetching);
  }

  /** The log's size, locking its row until the transaction ends (the integrator's fence). */
  public long lockSize() {
    return jdbc.sql("SELECT size FROM ledger_state WHERE id = 1 FOR UPDATE")
        .query(Long.class)
        .single();
  }

  /** The log's size as written. */
  public long size() {
    return jdbc.sql("SELECT size FROM ledger_state WHERE id = 1").query(Long.class).single();
  }

  /** Records the log's new size; the caller holds the row lock. */
  public void resize(long size) {
    template.update("UPDATE ledger_state SET size = ? WHERE id = 1", size);
  }

  /** Writes leaves, and the salts of those that have one, in batches. */
  public void insert(List<NewLeaf> leaves) {
    template.batchUpdate(INSERT_LEAF, leaves, leaves.size(), LeafStore::setLeaf);
    List<NewLeaf> salted = leaves.stream().filter(leaf -> leaf.salt() != null).toList();
    if (!salted.isEmpty()) {
      template.batchUpdate(INSERT_SALT, salted, salted.size(), LeafStore::setSalt);
    }
  }

  /** How many written leaves are of this kind and reference. */
  public long count(String kind, String ref) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_leaf WHERE kind = :kind AND ref = :ref")
        .param("kind", kind)
        .param("ref", ref)
        .query(Long.class)
        .single();
  }

  /**
   * How many entries of this kind and reference are in the log or committed to the queue, read in
   * one statement so that an entry the integrator moves meanwhile counts once.
   */
  public long countLoggedOrQueued(String kind, String ref) {
    return jdbc.sql(
            """
            SELECT (SELECT COUNT(*) FROM ledger_leaf WHERE kind = :kind AND ref = :ref)
                 + (SELECT COUNT(*) FROM ledger_queue WHERE kind = :kind AND ref = :ref)
            """)
        .param("kind", kind)
        .param("ref", ref)
        .query(Long.class)
        .single();
  }

  /**
   * How many entries of this tallied kind and reference are in the log or committed to the queue:
   * the integrator's tally of the log's leaves plus the reference's queued rows, read in one
   * statement so that an entry the integrator moves meanwhile counts once. Its cost does not grow
   * with the reference's history, unlike {@link #countLoggedOrQueued}.
   */
  public long countTalliedOrQueued(String kind, String ref) {
    return jdbc.sql(
            """
            SELECT COALESCE((SELECT leaves FROM ledger_tally WHERE kind = :kind AND ref = :ref), 0)
                 + (SELECT COUNT(*) FROM ledger_queue WHERE kind = :kind AND ref = :ref)
            """)
        .param("kind", kind)
        .param("ref", ref)
        .query(Long.class)
        .single();
  }

  /**
   * Adds leaves just written to the tally of their kind and reference; the caller holds the
   * ledger_state row lock, so no other writer changes the tally meanwhile.
   */
  public void tally(Map<Tallied, Long> written) {
    if (written.isEmpty()) {
      return;
    }
    List<Map.Entry<Tallied, Long>> added = List.copyOf(written.entrySet());
    int[][] updated =
        template.batchUpdate(
            "UPDATE ledger_tally SET leaves = leaves + ? WHERE kind = ? AND ref = ?",
            added,
            added.size(),
            (PreparedStatement ps, Map.Entry<Tallied, Long> entry) -> {
              ps.setLong(1, entry.getValue());
              ps.setString(2, entry.getKey().kind());
              ps.setString(3, entry.getKey().ref());
            });
    List<Map.Entry<Tallied, Long>> fresh = new java.util.ArrayList<>();
    int at = 0;
    for (int[] batch : updated) {
      for (int count : batch) {
        if (count == 0) {
          fresh.add(added.get(at));
        }
        at++;
      }
    }
    if (!fresh.isEmpty()) {
      template.batchUpdate(
          "INSERT INTO ledger_tally (kind, ref, leaves) VALUES (?, ?, ?)",
          fresh,
          fresh.size(),
          (PreparedStatement ps, Map.Entry<Tallied, Long> entry) -> {
            ps.setString(1, entry.getKey().kind());
            ps.setString(2, entry.getKey().ref());
            ps.setLong(3, entry.getValue());
          });
    }
  }

  /** A kind and reference whose leaves are tallied. */
  public record Tallied(String kind, String ref) {}

  /** Every tally whose count differs from the leaves the log holds, as "kind ref: n, not m". */
  public List<String> tallyMismatches(String kind) {
    return jdbc.sql(
            """
            SELECT l.ref, COALESCE(t.leaves, 0) AS tallied, l.leaves AS counted
            FROM (SELECT ref, COUNT(*) AS leaves FROM ledger_leaf WHERE kind = :kind
                  GROUP BY ref) l
            LEFT JOIN ledger_tally t ON t.kind = :kind AND t.ref = l.ref
            WHERE t.leaves IS NULL OR t.leaves <> l.leaves
            UNION ALL
            SELECT t.ref, t.leaves, 0 FROM ledger_tally t
            WHERE t.kind = :kind
              AND NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.kind = t.kind AND l.ref = t.ref)
            ORDER BY 1
            """)
        .param("kind", kind)
        .query(
            (rs, row) ->
                rs.getString("ref")
                    + " is tallied at "
                    + rs.getLong("tallied")
                    + " leaves but the log holds "
                    + rs.getLong("counted"))
        .list();
  }

  /** How many written leaves are of this kind. */
  public long count(String kind) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_leaf WHERE kind = :kind")
        .param("kind", kind)
        .query(Long.class)
        .single();
  }

  public Optional<LedgerLeaf> at(long index) {
    return jdbc.sql("SELECT * FROM ledger_leaf WHERE idx = :idx")
        .param("idx", index)
        .query(LeafStore::leafOf)
        .optional();
  }

  public Optional<LedgerLeaf> find(String kind, String ref) {
    return jdbc.sql("SELECT * FROM ledger_leaf WHERE kind = :kind AND ref = :ref")
        .param("kind", kind)
        .param("ref", ref)
        .query(LeafStore::leafOf)
        .optional();
  }

  /** Every written leaf in index order, with its salt or null. */
  public void forEachWithSalt(BiConsumer<LedgerLeaf, String> sink) {
    jdbc.sql(
            """
            SELECT l.idx, l.kind, l.ref, l.data, l.leaf_hash, l.appended_at, s.salt
            FROM ledger_leaf l LEFT JOIN ledger_salt s ON s.idx = l.idx
            ORDER BY l.idx
            """)
        .query((ResultSet rs) -> sink.accept(leafOf(rs, 0), rs.getString("salt")));
  }

  /** The leaves below {@code size} in index order, streamed rather than held in memory. */
  public void forEachBelow(long size, Consumer<LedgerLeaf> sink) {
    streaming
        .sql("SELECT * FROM ledger_leaf WHERE idx < :size ORDER BY idx")
        .param("size", size)
        .query((ResultSet rs) -> sink.accept(leafOf(rs, 0)));
  }

  public static LedgerLeaf leafOf(ResultSet rs, int row) throws SQLException {
    return new LedgerLeaf(
        rs.getLong("idx"),
        rs.getString("kind"),
        rs.getString("ref"),
        rs.getString("data"),
        rs.getString("leaf_hash"),
        rs.getObject("appended_at", OffsetDateTime.class).toInstant());
  }

  private static void setLeaf(PreparedStatement ps, NewLeaf leaf) throws SQLException {
    ps.setLong(1, leaf.index());
    ps.setString(2, leaf.kind());
    ps.setString(3, leaf.ref());
    ps.setString(4, leaf.data());
    ps.setString(5, leaf.hash());
    ps.setObject(6, leaf.at());
    ps.setLong(7, leaf.queueId());
    ps.setObject(8, leaf.integratedAt());
    ps.setString(9, leaf.integratedBy());
  }

  private static void setSalt(PreparedStatement ps, NewLeaf leaf) throws SQLException {
    ps.setLong(1, leaf.index());
    ps.setString(2, leaf.salt());
  }
}
