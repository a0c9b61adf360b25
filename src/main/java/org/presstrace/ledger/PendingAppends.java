package org.presstrace.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.ledger.internal.LeafStore;
import org.presstrace.ledger.internal.LeafStore.NewLeaf;
import org.presstrace.ledger.internal.NodeStore;
import org.presstrace.ledger.internal.NodeStore.Node;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The appends of one transaction not yet written. The transaction holds the ledger_state row lock
 * from its first append, so the indexes handed out here are final; leaves and the perfect-subtree
 * nodes they complete wait in memory and go to the database in batches: when {@link #FLUSH_EVERY}
 * leaves are waiting, when a read of the log in the same transaction needs them, and at the latest
 * just before the commit. On rollback they are dropped, as nothing of them was written.
 *
 * <p>As {@link MerkleNodes} it is the tree's view during the transaction: nodes written in it
 * first, then the stored ones.
 */
final class PendingAppends implements MerkleNodes, TransactionSynchronization {

  /** Leaves held at most before a batch is written, which bounds the memory a bulk write takes. */
  static final int FLUSH_EVERY = 1000;

  private final LeafStore stored;
  private final NodeStore storedNodes;
  private final Object key;
  private final MerkleTree tree = new MerkleTree(this);
  private final List<NewLeaf> leaves = new ArrayList<>();
  private final Map<Node, byte[]> nodes = new LinkedHashMap<>();
  private final Map<String, Integer> waitingByRef = new HashMap<>();
  private long next;
  private boolean writeThrough;

  /**
   * @param size the log's size, read under the row lock
   * @param key the resource key this buffer is bound under while its transaction is current
   */
  PendingAppends(LeafStore stored, NodeStore storedNodes, Object key, long size) {
    this.stored = stored;
    this.storedNodes = storedNodes;
    this.key = key;
    this.next = size;
  }

  /**
   * Opens the buffer of the current transaction. Without transaction synchronization there is no
   * commit to wait for, so every append is written at once.
   */
  static PendingAppends open(LeafStore stored, NodeStore storedNodes, Object key, long size) {
    var pending = new PendingAppends(stored, storedNodes, key, size);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.bindResource(key, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    } else {
      pending.writeThrough = true;
    }
    return pending;
  }

  /** The buffer of the current transaction, or null when it has appended nothing yet. */
  static PendingAppends current(Object key) {
    return (PendingAppends) TransactionSynchronizationManager.getResource(key);
  }

  /** Takes the next index for the leaf and adds the nodes it completes; returns the index. */
  long add(String kind, String ref, String data, byte[] leafHash, OffsetDateTime at, String salt) {
    long index = next++;
    leaves.add(new NewLeaf(index, kind, ref, data, Ledger.HEX.formatHex(leafHash), at, salt));
    waitingByRef.merge(kind + "\n" + ref, 1, Integer::sum);
    tree.append(index, leafHash);
    if (writeThrough || leaves.size() >= FLUSH_EVERY) {
      flush();
    }
    return index;
  }

  /** How many leaves of this kind and reference wait here, not yet written. */
  int waiting(String kind, String ref) {
    return waitingByRef.getOrDefault(kind + "\n" + ref, 0);
  }

  /**
   * Writes the waiting leaves and nodes and the new size; the row lock stays held. Also what a
   * transaction's explicit flush does.
   */
  @Override
  public void flush() {
    if (leaves.isEmpty()) {
      return;
    }
    stored.insert(leaves);
    storedNodes.insert(nodes);
    stored.resize(next);
    leaves.clear();
    nodes.clear();
    waitingByRef.clear();
  }

  @Override
  public byte[] get(int level, long index) {
    byte[] hash = nodes.get(new Node(level, index));
    return hash != null ? hash : storedNodes.get(level, index);
  }

  @Override
  public void put(int level, long index, byte[] hash) {
    nodes.put(new Node(level, index), hash);
  }

  /**
   * Writes everything before the commit; an append made after this point (by another before-commit
   * callback) is written at once.
   */
  @Override
  public void beforeCommit(boolean readOnly) {
    flush();
    writeThrough = true;
  }

  @Override
  public void suspend() {
    TransactionSynchronizationManager.unbindResource(key);
  }

  @Override
  public void resume() {
    TransactionSynchronizationManager.bindResource(key, this);
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(key);
    leaves.clear();
    nodes.clear();
    waitingByRef.clear();
  }
}
