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
import org.presstrace.ledger.internal.HeadStore;
import org.presstrace.ledger.internal.LeafStore;
import org.presstrace.ledger.internal.NodeStore;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
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

  private final LeafStore leaves;
  private final NodeStore nodes;
  private final HeadStore heads;
  private final Signer signer;
  private final Clock clock;
  private final MerkleTree tree;

  /** The key of the current transaction's {@link PendingAppends}. */
  private final Object pendingKey = new Object();

  Ledger(LeafStore leaves, NodeStore nodes, HeadStore heads, Signer signer, Clock clock) {
    this.leaves = leaves;
    this.nodes = nodes;
    this.heads = heads;
    this.signer = signer;
    this.clock = clock;
    this.tree = new MerkleTree(nodes);
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
      long size = leaves.lockSize();
      pending = PendingAppends.open(leaves, nodes, pendingKey, size);
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
    long stored = leaves.count(kind, ref);
    return stored + (pending == null ? 0 : pending.waiting(kind, ref));
  }

  @Transactional(readOnly = true)
  public long size() {
    writePending();
    return leaves.size();
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
    Optional<SignedTreeHead> latest = heads.at(size);
    if (latest.isPresent()) {
      return latest.get();
    }
    String root = HEX.formatHex(tree.root(size));
    Instant issued = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String signature = signer.sign(SignedTreeHead.signedBytes(size, root, issued));
    var head = new SignedTreeHead(size, root, issued, signer.keyId(), signature);
    heads.insert(head);
    return head;
  }

  /** Every signed head issued, oldest first. */
  @Transactional(readOnly = true)
  public List<SignedTreeHead> heads() {
    writePending();
    return heads.all();
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
    return leaves.at(index).orElseThrow(() -> new NotFound("ledger leaf", String.valueOf(index)));
  }

  /** The leaf that stands for one record, e.g. kind {@code audit-event} and its id. */
  @Transactional(readOnly = true)
  public Optional<LedgerLeaf> leafFor(String kind, String ref) {
    writePending();
    return leaves.find(kind, ref);
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

  /** Maps a ledger_leaf row. */
  static LedgerLeaf leafOf(ResultSet rs, int row) throws SQLException {
    return LeafStore.leafOf(rs, row);
  }
}
