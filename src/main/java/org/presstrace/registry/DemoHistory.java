package org.presstrace.registry;

import java.time.LocalDate;
import java.util.Collection;
import org.presstrace.registry.internal.DemoHistoryStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the demo world only: back-dates what the registry's services record as made now, so that a
 * generated history reads as reported while it happened. Only the demo module calls it, while
 * loading the demo world; it refuses unless {@code presstrace.demo.enabled} is true. Neither the
 * report days nor the expiry days it writes are part of a ledger leaf, so the ledger stays whole.
 */
@Service
public class DemoHistory {

  private final DemoHistoryStore store;
  private final boolean demo;

  DemoHistory(DemoHistoryStore store, @Value("${presstrace.demo.enabled:false}") boolean demo) {
    this.store = store;
    this.demo = demo;
  }

  /** How many registrants, items and custody events the registry holds. */
  public record Size(long registrants, long items, long custodyEvents) {}

  /**
   * Dates each custody report to the day after its event (imports and exports keep the filing day
   * of their transaction report; events since yesterday keep theirs); the transfers of {@code
   * lateMachines} that happened more than 30 days before {@code today} are dated 26 days after.
   */
  @Transactional
  public void dateCustodyReportsAsReported(LocalDate today, Collection<String> lateMachines) {
    requireDemo();
    store.dateCustodyReports(today, lateMachines);
  }

  /**
   * Moves an active registration's expiry day to {@code day}: in the registrant, in its activations
   * in the status history, and in its certificates, which become valid for the year before. A day
   * in the past leaves the registration lapsed for the next sweep to record.
   */
  @Transactional
  public void expireOn(String registrantId, LocalDate day) {
    requireDemo();
    store.expireOn(registrantId, day);
  }

  /** How much the registry holds, for the demo's progress lines. */
  public Size size() {
    return new Size(store.registrants(), store.items(), store.custodyEvents());
  }

  private void requireDemo() {
    if (!demo) {
      throw new IllegalStateException(
          "the registry's history is back-dated only for the demo world"
              + " (presstrace.demo.enabled=true)");
    }
  }
}
