package org.presstrace.ledger.internal;

import org.presstrace.ledger.CustodyLeaves;
import org.presstrace.ledger.Ledger;
import org.presstrace.registry.CustodyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  private final JdbcClient jdbc;

  CustodyToLedger(Ledger ledger, JdbcClient jdbc) {
    this.ledger = ledger;
    this.jdbc = jdbc;
  }

  @EventListener
  void on(CustodyEvent event) {
    long entry = ledger.logged(CustodyLeaves.KIND, event.machineId()) + 1;
    String[] stored =
        jdbc.sql("SELECT * FROM custody_event WHERE machine_id = :machine AND seq = :seq")
            .param("machine", event.machineId())
            .param("seq", entry)
            .query((rs, row) -> new String[] {rs.getString("salt"), CustodyLeaves.markingText(rs)})
            .optional()
            .filter(row -> row[0] != null)
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
        CustodyLeaves.canonical(event, stored[0], stored[1]));
  }
}
