package org.presstrace.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.ledger.internal.QueueStore;
import org.presstrace.ledger.internal.QueueStore.NewEntry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The appends of one transaction not yet queued. They wait in memory and go to ledger_queue in one
 * batch insert just before the commit (or when {@link #FLUSH_EVERY} are waiting, or on an explicit
 * flush), so they commit with the writer's own records and take no lock any other writer waits for.
 * On rollback they are dropped, together with whatever part of them was written. After the commit
 * the integrator is woken, so the entries reach the log at once rather than at its next look.
 */
final class PendingAppends implements TransactionSynchronization {

  /** Entries held at most before a batch is written, which bounds the memory a bulk write takes. */
  static final int FLUSH_EVERY = 1000;

  private final QueueStore queue;
  private final Clock clock;
  private final Runnable committed;
  private final Object key;
  private final List<NewEntry> entries = new ArrayList<>();
  private final Map<String, Integer> waitingByRef = new HashMap<>();
  private boolean writeThrough;

  /**
   * @param key the resource key this buffer is bound under while its transaction is current
   * @param committed what to run once the transaction has committed queued entries
   */
  PendingAppends(QueueStore queue, Clock clock, Runnable committed, Object key) {
    this.queue = queue;
    this.clock = clock;
    this.committed = committed;
    this.key = key;
  }

  /**
   * Opens the buffer of the current transaction. Without transaction synchronization there is no
   * commit to wait for, so every append is written at once.
   */
  static PendingAppends open(QueueStore queue, Clock clock, Runnable committed, Object key) {
    var pending = new PendingAppends(queue, clock, committed, key);
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

  void add(NewEntry entry) {
    entries.add(entry);
    waitingByRef.merge(entry.kind() + "\n" + entry.ref(), 1, Integer::sum);
    if (writeThrough || entries.size() >= FLUSH_EVERY) {
      flush();
    }
  }

  /** How many entries of this kind and reference wait here, not yet queued. */
  int waiting(String kind, String ref) {
    return waitingByRef.getOrDefault(kind + "\n" + ref, 0);
  }

  /** Queues the waiting entries; also what a transaction's explicit flush does. */
  @Override
  public void flush() {
    if (entries.isEmpty()) {
      return;
    }
    queue.insert(entries, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    entries.clear();
    waitingByRef.clear();
  }

  /**
   * Queues everything before the commit; an append made after this point (by another before-commit
   * callback) is queued at once.
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
  public void afterCommit() {
    committed.run();
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(key);
    entries.clear();
    waitingByRef.clear();
  }
}
