package org.presstrace.ledger.internal;

import org.presstrace.ledger.CustodyLeaves;
import org.presstrace.ledger.Ledger;
import org.presstrace.registry.CustodyEvent;
import org.presstrace.registry.CustodyEvents;
import org.presstrace.registry.CustodyRecord;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends every custody event to the ledger in the transaction that records it, beside the audit
 * entry of the same write: the chain of custody itself is in the log, not only who wrote it. The
 * leaf commits to the event's content under the salt the registry stored with its row: the n-th
 * custody leaf of a machine stands for its chain-of-custody entry n, which the registry has written
 * before it announces the event.
 */
@Component
class CustodyToLedger {

  private final Ledger ledger;
  private final CustodyEvents custody;

  CustodyToLedger(Ledger ledger, CustodyEvents custody) {
    this.ledger = ledger;
    this.custody = custody;
  }

  @EventListener
  void on(CustodyEvent event) {
    long entry = ledger.logged(CustodyLeaves.KIND, event.machineId()) + 1;
    CustodyRecord stored =
        custody
            .stored(event.machineId(), Math.toIntExact(entry))
            .filter(row -> row.salt() != null)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "custody event "
                            + entry
                            + " of machine "
                            + event.machineId()
                            + " has no stored row with a salt to commit to"));
    ledger.append(
        CustodyLeaves.KIND,
        event.machineId(),
        CustodyLeaves.canonical(event, stored.salt(), CustodyLeaves.markingText(stored)));
  }
}
