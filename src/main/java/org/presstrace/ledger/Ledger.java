package org.presstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.presstrace.ledger.internal.HeadStore;
import org.presstrace.ledger.internal.IntegrationSignal;
import org.presstrace.ledger.internal.LeafStore;
import org.presstrace.ledger.internal.LedgerProperties;
import org.presstrace.ledger.internal.NodeStore;
import org.presstrace.ledger.internal.QueueStore;
import org.presstrace.ledger.internal.QueueStore.NewEntry;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only Merkle log. An append runs inside the caller's transaction and only queues the
 * entry (ledger_queue, {@link PendingAppends}): it commits with the caller's records or rolls back
 * with them, and takes no lock another writer waits for. The one integrator ({@link
 * LedgerIntegrator}, the leader among the processes sharing the database) takes committed entries
 * in batches, gives them the next leaf indexes, stores O(log n) nodes per leaf and signs a new head
 * every few seconds or every few thousand entries. Reads (size, roots, proofs, leaves) see the
 * integrated log; {@link #awaitIntegration()} waits, bounded, until everything committed before it
 * is integrated.
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

  /**
   * How long a request for the latest head waits for what is committed before it to be integrated,
   * so that a user who has just written sees a head covering the write.
   */
  public static final Duration HEAD_WAIT = Duration.ofSeconds(2);

  /** How often a waiting reader looks whether the integrator has taken what it waits for. */
  private static final Duration POLL = Duration.ofMillis(10);

  private final LeafStore leaves;
  private final HeadStore heads;
  private final QueueStore queue;
  private final Signer signer;
  private final Clock clock;
  private final IntegrationSignal signal;
  private final Duration awaitTimeout;
  private final MerkleTree tree;

  /** The key of the current transaction's {@link PendingAppends}. */
  private final Object pendingKey = new Object();

  @Autowired
  Ledger(
      LeafStore leaves,
      NodeStore nodes,
      HeadStore heads,
      QueueStore queue,
      Signer signer,
      Clock clock,
      IntegrationSignal signal,
      LedgerProperties properties) {
    this(leaves, nodes, heads, queue, signer, clock, signal, properties.awaitTimeout());
  }

  Ledger(
      LeafStore leaves,
      NodeStore nodes,
      HeadStore heads,
      QueueStore queue,
      Signer signer,
      Clock clock,
      IntegrationSignal signal,
      Duration awaitTimeout) {
    this.leaves = leaves;
    this.heads = heads;
    this.queue = queue;
    this.signer = signer;
    this.clock = clock;
    this.signal = signal;
    this.awaitTimeout = awaitTimeout;
    this.tree = new MerkleTree(nodes);
  }

  /**
   * Queues one leaf in the caller's transaction: it is in the log once the transaction has
   * committed and the integrator has taken it (see {@link #awaitIntegration()}); a rollback drops
   * it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void append(String kind, String ref, byte[] canonicalData) {
    add(kind, ref, canonicalData, null);
  }

  /**
   * Queues one leaf that commits to its record's content under a fresh salt (128 random bits), for
   * a record that keeps no salt of its own: {@code canonicalData} makes the leaf from the salt. The
   * salt is stored beside the leaf in {@code ledger_salt}, never in it; the API and the export
   * never show it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void appendSalted(String kind, String ref, Function<String, byte[]> canonicalData) {
    String salt = Commitment.newSalt();
    add(kind, ref, canonicalData.apply(salt), salt);
  }

  private void add(String kind, String ref, byte[] canonicalData, String salt) {
    PendingAppends pending = PendingAppends.current(pendingKey);
    if (pending == null) {
      pending = PendingAppends.open(queue, clock, signal::wake, pendingKey);
    }
    pending.add(
        new NewEntry(
            kind,
            ref,
            new String(canonicalData, StandardCharsets.UTF_8),
            HEX.formatHex(MerkleHash.leaf(canonicalData)),
            salt));
  }

  /**
   * How many leaves of this kind and reference the log holds or will hold: integrated, committed to
   * the queue, and appended by this transaction; writes nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long logged(String kind, String ref) {
    PendingAppends pending = PendingAppends.current(pendingKey);
    long stored = leaves.countLoggedOrQueued(kind, ref);
    return stored + (pending == null ? 0 : pending.waiting(kind, ref));
  }

  /**
   * Waits until every entry committed before this call is in the log, at most the configured {@code
   * presstrace.ledger.await-timeout}; returns whether it is. Call it outside a transaction that
   * holds appends of its own: those are not committed yet.
   */
  public boolean awaitIntegration() {
    return awaitIntegration(awaitTimeout);
  }

  /**
   * As {@link #awaitIntegration()}, waiting at most {@code longest}. Inside a transaction it does
   * not wait, only answers: the caller holds a pooled connection that the integrator may need (on a
   * pool of one, always), so waiting could only run to the timeout.
   */
  public boolean awaitIntegration(Duration longest) {
    OptionalLong newest = queue.newest();
    if (newest.isEmpty()) {
      return true;
    }
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      signal.wake();
      return queue.waitingUpTo(newest.getAsLong()) == 0;
    }
    long deadline = System.nanoTime() + longest.toNanos();
    signal.wake();
    while (queue.waitingUpTo(newest.getAsLong()) > 0) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Transactional(readOnly = true)
  public long size() {
    return leaves.size();
  }

  /** The root hash of the first {@code size} leaves, hex. */
  @Transactional(readOnly = true)
  public String root(long size) {
    requireWithin(size, "size");
    return HEX.formatHex(tree.root(size));
  }

  /**
   * The latest signed tree head of the integrated log; a new head is signed and stored when the log
   * has grown since the last one the integrator signed.
   */
  @Transactional
  public SignedTreeHead head() {
    Optional<SignedTreeHead> latest = heads.at(leaves.size());
    if (latest.isPresent()) {
      return latest.get();
    }
    // The integrator's lock: the size cannot grow, nor a head be signed at it, meanwhile.
    long size = leaves.lockSize();
    return heads.at(size).orElseGet(() -> sign(size, tree.root(size)));
  }

  /** Signs and stores the head of the first {@code size} leaves, whose root is {@code root}. */
  SignedTreeHead sign(long size, byte[] root) {
    String rootHex = HEX.formatHex(root);
    Instant issued = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String signature = signer.sign(SignedTreeHead.signedBytes(size, rootHex, issued));
    var head = new SignedTreeHead(size, rootHex, issued, signer.keyId(), signature);
    heads.insert(head);
    return head;
  }

  /** Every signed head issued, oldest first. */
  @Transactional(readOnly = true)
  public List<SignedTreeHead> heads() {
    return heads.all();
  }

  @Transactional(readOnly = true)
  public List<String> inclusionProof(long index, long size) {
    requireWithin(size, "size");
    if (index < 0 || index >= size) {
      throw new InvalidRequest(
          "index", "leaf " + index + " is not in a tree of " + size + " leaves");
    }
    return tree.inclusionProof(index, size).stream().map(HEX::formatHex).toList();
  }

  @Transactional(readOnly = true)
  public List<String> consistencyProof(long first, long second) {
    requireWithin(second, "second");
    if (first < 1 || first > second) {
      throw new InvalidRequest("first", "first size " + first + " must be between 1 and " + second);
    }
    return tree.consistencyProof(first, second).stream().map(HEX::formatHex).toList();
  }

  @Transactional(readOnly = true)
  public LedgerLeaf leaf(long index) {
    return leaves.at(index).orElseThrow(() -> new NotFound("ledger leaf", String.valueOf(index)));
  }

  /** The leaf that stands for one record, e.g. kind {@code audit-event} and its id. */
  @Transactional(readOnly = true)
  public Optional<LedgerLeaf> leafFor(String kind, String ref) {
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
