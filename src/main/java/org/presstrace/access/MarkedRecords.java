package org.presstrace.access;

import java.time.Instant;

/**
 * A protected kind whose marking can be edited. Its module declares one as a bean; {@link
 * MarkingChanges} calls it to apply a marking change once a supervisor approves it, in the
 * approval's transaction.
 */
public interface MarkedRecords {

  /** The kind whose records this applies marking changes to. */
  ProtectedKind kind();

  /**
   * Replaces the marking of record {@code recordId} with {@code marking} (same owning agency),
   * keeping whatever history the kind keeps; {@code approvedBy} answers for the change.
   */
  void remark(String recordId, Marking marking, String approvedBy, Instant at);
}
