package org.presstrace.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
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
