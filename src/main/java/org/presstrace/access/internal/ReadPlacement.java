package org.presstrace.access.internal;

/**
 * Where the current transaction reads, for what must be written beside its reads (the audit trail).
 * Exists only with a read replica configured.
 */
public interface ReadPlacement {

  /**
   * Whether the current transaction holds a connection to the read replica, on which nothing can be
   * written. A lag-tolerant transaction that has not yet taken a connection is settled on the
   * primary by this question, so that what is written beside its reads goes in its own transaction.
   */
  boolean onReplica();
}
