package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A custody event exactly as the registry stores it now, with the salt its ledger leaf commits
 * under and the marking it carries of its own: what the ledger checks its custody leaves against.
 * Values are as stored (details unstripped, instants as the database keeps them).
 *
 * @param seq the event's number in its machine's chain of custody, from 1
 * @param salt the salt of the event's ledger commitments; null for events stored before them
 */
public record CustodyRecord(
    String id,
    String machineId,
    int seq,
    String type,
    LocalDate occurredOn,
    String fromRegistrant,
    String toRegistrant,
    String agency,
    String buyerRegistration,
    Instant buyerCheckedAt,
    String transactionId,
    String details,
    String salt,
    OwnMarking marking) {

  /**
   * The marking columns of a custody event, as stored; {@code ownerAgency} is null when the event
   * has no marking of its own and is read with its machine.
   */
  public record OwnMarking(
      String ownerAgency,
      String tlp,
      String cuiCategory,
      boolean noforn,
      String relTo,
      String compartment) {}
}
