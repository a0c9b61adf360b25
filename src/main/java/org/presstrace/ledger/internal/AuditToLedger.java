package org.presstrace.ledger.internal;

import org.presstrace.access.AuditRecorded;
import org.presstrace.ledger.AuditLeaves;
import org.presstrace.ledger.Ledger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends every audit entry to the ledger in the transaction that wrote it: the entry and its leaf
 * commit together or not at all, so no committed entry can be missing from the log. The leaf
 * commits to the entry's free text (purpose, detail) under a salt the ledger keeps beside it.
 */
@Component
class AuditToLedger {

  private final Ledger ledger;

  AuditToLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  @EventListener
  void on(AuditRecorded recorded) {
    ledger.appendSalted(
        AuditLeaves.KIND,
        String.valueOf(recorded.entry().id()),
        salt -> AuditLeaves.canonical(recorded.entry(), salt));
  }
}
