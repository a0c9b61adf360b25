package org.presstrace.ledger.internal;

import org.presstrace.ledger.CustodyLeaves;
import org.presstrace.ledger.Ledger;
import org.presstrace.registry.CustodyStored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends every custody event to the ledger in the transaction that records it, beside the audit
 * entry of the same write: the chain of custody itself is in the log, not only who wrote it. The
 * leaf commits to the event's content under the salt the registry stored with its row, and to the
 * marking the row carries. The n-th custody leaf of a machine stands for its chain-of-custody entry
 * n: the registry ranks the entries under the machine's row lock and announces them in that order,
 * and the transactions that append to one machine's chain commit, and so queue their leaves, one
 * after the other. The verifier checks every leaf against the stored row of its rank.
 */
@Component
class CustodyToLedger {

  private final Ledger ledger;

  CustodyToLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  @EventListener
  void on(CustodyStored stored) {
    ledger.append(
        CustodyLeaves.KIND,
        stored.event().machineId(),
        CustodyLeaves.canonical(
            stored.event(), stored.salt(), CustodyLeaves.markingText(stored.marking())));
  }
}
