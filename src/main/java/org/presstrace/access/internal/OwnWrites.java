package org.presstrace.access.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.presstrace.access.AuditTrail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Read-your-writes over the replica: when a signed-in user's read-write transaction commits, the
 * moment is noted for that user, and the user's lag-tolerant reads go to the primary until the
 * replica has replayed a position the primary had reached after that moment ({@link
 * ReplicaMonitor#replayedSince}), or, as a bound on memory, until the replica could not be healthy
 * without having done so. Noting the moment asks the database nothing, so a commit never needs a
 * second connection. Audit entries written by a lag-tolerant read, on its own connection or beside
 * it, do not count: the reads that follow never show them.
 */
final class OwnWrites implements TransactionExecutionListener {

  private record Pending(long committedAtNanos, long untilNanos) {}

  private final ReplicaMonitor monitor;
  private final long holdNanos;
  private final LongSupplier nanoTime = System::nanoTime;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  OwnWrites(ReplicaMonitor monitor, ReadReplicaProperties settings) {
    this.monitor = monitor;
    // A healthy replica is at most maxLag behind as of a check at most a few intervals old.
    this.holdNanos = settings.maxLag().plus(settings.checkInterval().multipliedBy(4)).toNanos();
  }

  @Override
  public void afterCommit(TransactionExecution transaction, Throwable failure) {
    if (failure != null
        || transaction.isReadOnly()
        || AuditTrail.BESIDE_READ.equals(transaction.getTransactionName())
        || LagTolerantNames.declared(transaction.getTransactionName())) {
      return;
    }
    String user = currentUser();
    if (user == null) {
      return;
    }
    long now = nanoTime.getAsLong();
    pending.put(user, new Pending(now, now + holdNanos));
  }

  /** Whether {@code user} wrote something the replica may not have replayed yet. */
  boolean pendingFor(String user) {
    if (user == null) {
      return false;
    }
    Pending write = pending.get(user);
    if (write == null) {
      return false;
    }
    if (monitor.replayedSince(write.committedAtNanos())
        || nanoTime.getAsLong() - write.untilNanos() > 0) {
      pending.remove(user, write);
      return false;
    }
    return true;
  }

  /** The signed-in user of this thread, or null for none (a job, the command line). */
  static String currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication.getName();
  }
}
