package org.presstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only Merkle log. Appends run inside the caller's transaction; the first one locks the
 * one ledger_state row until the commit, so leaves take the order of their commits and a
 * rolled-back write leaves no leaf. Within a transaction appends are hashed at once but written in
 * batches ({@link PendingAppends}), before the commit or before any read of the log in the same
 * transaction. Each append stores O(log n) nodes; roots and proofs read O(log n) of them.
 */
@Service
public class Ledger {

  /** Signs and checks tree heads; implemented inside the module by the key holder. */
  public interface Signer {
    String keyId();

    String publicKey();

    String sign(byte[] message);

    boolean verify(byte[] message, String signature);
  }

  static final HexFormat HEX = HexFormat.of();

  private final JdbcTemplate template;
  private final JdbcClient jdbc;
  private final Signer signer;
  private final Clock clock;
  private final MerkleNodes stored;
  private final MerkleTree tree;

  /** The key of the current transaction's {@link PendingAppends}. */
  private final Object pendingKey = new Object();

  Ledger(JdbcTemplate template, Signer signer, Clock clock) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
    this.signer = signer;
    this.clock = clock;
    this.stored = new StoredNodes(jdbc);
    this.tree = new MerkleTree(stored);
  }

  /**
   * Appends one leaf; returns its index. The leaf is written with the transaction, before it
   * commits; a rollback drops it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long append(String kind, String ref, byte[] canonicalData) {
    return add(kind, ref, canonicalData, null);
  }

  /**
   * Appends one leaf that commits to its record's content under a fresh salt (128 random bits), for
   * a record that keeps no salt of its own: {@code canonicalData} makes the leaf from the salt. The
   * salt is stored beside the leaf in {@code ledger_salt}, never in it; the API and the export
   * never show it. Returns the leaf's index.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long appendSalted(String kind, String ref, Function<String, byte[]> canonicalData) {
    String salt = Commitment.newSalt();
    return add(kind, ref, canonicalData.apply(salt), salt);
  }

  private long add(String kind, String ref, byte[] canonicalData, String salt) {
    PendingAppends pending = PendingAppends.current(pendingKey);
    if (pending == null) {
      long size =
          jdbc.sql("SELECT size FROM ledger_state WHERE id = 1 FOR UPDATE")
              .query(Long.class)
              .single();
      pending = PendingAppends.open(template, stored, pendingKey, size);
    }
    return pending.add(
        kind,
        ref,
        new String(canonicalData, StandardCharsets.UTF_8),
        MerkleHash.leaf(canonicalData),
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
        salt);
  }

  /**
   * Writes the appends this transaction still holds, so that what follows reads them from the
   * database; every read of the log starts here.
   */
  void writePending() {
    PendingAppends pending = PendingAppends.current(pendingKey);
    if (pending != null) {
      pending.flush();
    }
  }

  /**
   * How many leaves of this kind and reference the log holds, counting those this transaction has
   * appended and not yet written; writes nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long logged(String kind, String ref) {
    PendingAppends pending = PendingAppends.current(pendingKey);
    long stored =
        jdbc.sql("SELECT COUNT(*) FROM ledger_leaf WHERE kind = :kind AND ref = :ref")
            .param("kind", kind)
            .param("ref", ref)
            .query(Long.class)
            .single();
    return stored + (pending == null ? 0 : pending.waiting(kind, ref));
  }

  @Transactional(readOnly = true)
  public long size() {
    writePending();
    return jdbc.sql("SELECT size FROM ledger_state WHERE id = 1").query(Long.class).single();
  }

  /** The root hash of the first {@code size} leaves, hex. */
  @Transactional(readOnly = true)
  public String root(long size) {
    writePending();
    requireWithin(size, "size");
    return HEX.formatHex(tree.root(size));
  }

  /** The latest signed tree head; a new head is signed and stored when the log has grown. */
  @Transactional
  public SignedTreeHead head() {
    long size = size();
    Optional<SignedTreeHead> latest =
        jdbc.sql("SELECT * FROM ledger_head WHERE tree_size = :size")
            .param("size", size)
            .query(Ledger::headOf)
            .optional();
    if (latest.isPresent()) {
      return latest.get();
    }
    String root = HEX.formatHex(tree.root(size));
    Instant issued = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String signature = signer.sign(SignedTreeHead.signedBytes(size, root, issued));
    jdbc.sql(
            """
            INSERT INTO ledger_head (tree_size, root_hash, issued_at, key_id, signature)
            VALUES (:size, :root, :at, :key, :signature)
            """)
        .param("size", size)
        .param("root", root)
        .param("at", OffsetDateTime.ofInstant(issued, ZoneOffset.UTC))
        .param("key", signer.keyId())
        .param("signature", signature)
        .update();
    return new SignedTreeHead(size, root, issued, signer.keyId(), signature);
  }

  /** Every signed head issued, oldest first. */
  @Transactional(readOnly = true)
  public List<SignedTreeHead> heads() {
    writePending();
    return jdbc.sql("SELECT * FROM ledger_head ORDER BY tree_size").query(Ledger::headOf).list();
  }

  @Transactional(readOnly = true)
  public List<String> inclusionProof(long index, long size) {
    writePending();
    requireWithin(size, "size");
    if (index < 0 || index >= size) {
      throw new InvalidRequest(
          "index", "leaf " + index + " is not in a tree of " + size + " leaves");
    }
    return tree.inclusionProof(index, size).stream().map(HEX::formatHex).toList();
  }

  @Transactional(readOnly = true)
  public List<String> consistencyProof(long first, long second) {
    writePending();
    requireWithin(second, "second");
    if (first < 1 || first > second) {
      throw new InvalidRequest("first", "first size " + first + " must be between 1 and " + second);
    }
    return tree.consistencyProof(first, second).stream().map(HEX::formatHex).toList();
  }

  @Transactional(readOnly = true)
  public LedgerLeaf leaf(long index) {
    writePending();
    return jdbc.sql("SELECT * FROM ledger_leaf WHERE idx = :idx")
        .param("idx", index)
        .query(Ledger::leafOf)
        .optional()
        .orElseThrow(() -> new NotFound("ledger leaf", String.valueOf(index)));
  }

  /** The leaf that stands for one record, e.g. kind {@code audit-event} and its id. */
  @Transactional(readOnly = true)
  public Optional<LedgerLeaf> leafFor(String kind, String ref) {
    writePending();
    return jdbc.sql("SELECT * FROM ledger_leaf WHERE kind = :kind AND ref = :ref")
        .param("kind", kind)
        .param("ref", ref)
        .query(Ledger::leafOf)
        .optional();
  }

  public String keyId() {
    return signer.keyId();
  }

  public String publicKey() {
    return signer.publicKey();
  }

  boolean signatureHolds(SignedTreeHead head) {
    return head.keyId().equals(signer.keyId())
        && signer.verify(head.signedBytes(), head.signature());
  }

  private void requireWithin(long size, String field) {
    long current = size();
    if (size < 0 || size > current) {
      throw new InvalidRequest(field, "tree size " + size + " is not between 0 and " + current);
    }
  }

  static SignedTreeHead headOf(ResultSet rs, int row) throws SQLException {
    return new SignedTreeHead(
        rs.getLong("tree_size"),
        rs.getString("root_hash"),
        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
        rs.getString("key_id"),
        rs.getString("signature"));
  }

  static LedgerLeaf leafOf(ResultSet rs, int row) throws SQLException {
    return new LedgerLeaf(
        rs.getLong("idx"),
        rs.getString("kind"),
        rs.getString("ref"),
        rs.getString("data"),
        rs.getString("leaf_hash"),
        rs.getObject("appended_at", OffsetDateTime.class).toInstant());
  }

  /** Perfect-subtree hashes in ledger_node, written once. */
  private record StoredNodes(JdbcClient jdbc) implements MerkleNodes {
    @Override
    public byte[] get(int level, long index) {
      String hash =
          jdbc.sql("SELECT hash FROM ledger_node WHERE level = :level AND idx = :idx")
              .param("level", level)
              .param("idx", index)
              .query(String.class)
              .optional()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "ledger node " + level + "/" + index + " is missing"));
      return HEX.parseHex(hash);
    }

    @Override
    public void put(int level, long index, byte[] hash) {
      jdbc.sql("INSERT INTO ledger_node (level, idx, hash) VALUES (:level, :idx, :hash)")
          .param("level", level)
          .param("idx", index)
          .param("hash", HEX.formatHex(hash))
          .update();
    }
  }
}
