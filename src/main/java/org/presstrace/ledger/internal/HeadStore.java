package org.presstrace.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.presstrace.ledger.SignedTreeHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed tree heads issued (ledger_head), one per size at most. */
@Repository
public class HeadStore {

  private final JdbcClient jdbc;

  public HeadStore(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
  }

  /** The head signed at this size, if one was. */
  public Optional<SignedTreeHead> at(long size) {
    return jdbc.sql("SELECT * FROM ledger_head WHERE tree_size = :size")
        .param("size", size)
        .query(HeadStore::headOf)
        .optional();
  }

  /** The head signed at the largest size, if any. */
  public Optional<SignedTreeHead> latest() {
    return jdbc.sql("SELECT * FROM ledger_head ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY")
        .query(HeadStore::headOf)
        .optional();
  }

  public void insert(SignedTreeHead head) {
    jdbc.sql(
            """
            INSERT INTO ledger_head (tree_size, root_hash, issued_at, key_id, signature)
            VALUES (:size, :root, :at, :key, :signature)
            """)
        .param("size", head.treeSize())
        .param("root", head.rootHash())
        .param("at", OffsetDateTime.ofInstant(head.issuedAt(), ZoneOffset.UTC))
        .param("key", head.keyId())
        .param("signature", head.signature())
        .update();
  }

  /** Every head issued, oldest (smallest) first. */
  public List<SignedTreeHead> all() {
    return jdbc.sql("SELECT * FROM ledger_head ORDER BY tree_size").query(HeadStore::headOf).list();
  }

  private static SignedTreeHead headOf(ResultSet rs, int row) throws SQLException {
    return new SignedTreeHead(
        rs.getLong("tree_size"),
        rs.getString("root_hash"),
        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
        rs.getString("key_id"),
        rs.getString("signature"));
  }
}
