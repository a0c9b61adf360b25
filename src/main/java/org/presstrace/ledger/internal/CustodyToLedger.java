package org.presstrace.ledger.internal;

import org.presstrace.ledger.CustodyLeaves;
import org.presstrace.ledger.Ledger;
import org.presstrace.registry.CustodyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends every custody event to the ledger in the transaction that records it, beside the audit
 * entry of the same write: the chain of custody itself is in the log, not only who wrote it.
 */
@Component
class CustodyToLedger {

  private final Ledger ledger;

  CustodyToLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  @EventListener
  void on(CustodyEvent event) {
    ledger.append(CustodyLeaves.KIND, event.machineId(), CustodyLeaves.canonical(event));
  }
}
