package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One link of a chain of custody, with how its report stands against its deadline.
 *
 * @param timing how the report stood against its deadline; null for events carrying no duty
 * @param withheld whether the reader may not read the event's own marking (an agency's seizure of
 *     the reader's press) and sees only the fact: its type and day, "by a law enforcement agency",
 *     with no agency, details, reporter or source
 * @param discoveredOn for a loss or theft discovered after the day it happened, the day it was
 *     discovered, from which its report was due; else null
 * @param sale for a sale recorded since sale records are kept, the seller's records and where the
 *     buyer's receipt stands; else null
 */
public record CustodyEntry(
    int seq,
    String type,
    LocalDate occurredOn,
    Instant reportedAt,
    String fromRegistrant,
    String toRegistrant,
    String agency,
    String buyerRegistration,
    Instant buyerCheckedAt,
    String transactionId,
    String details,
    String recordedBy,
    ReportTiming timing,
    boolean withheld,
    LocalDate discoveredOn,
    SaleRecord sale) {

  /** The fact of this event without its content, for a reader who may not read its marking. */
  public CustodyEntry factOnly() {
    return new CustodyEntry(
        seq,
        type,
        occurredOn,
        reportedAt,
        fromRegistrant,
        toRegistrant,
        null,
        null,
        null,
        null,
        fact(type, occurredOn),
        null,
        timing,
        true,
        discoveredOn,
        sale);
  }

  /**
   * The documented wording of a withheld event, e.g. "Seized by a law enforcement agency on ...".
   */
  static String fact(String type, LocalDate on) {
    String what =
        switch (type) {
          case "MachineSeized" -> "Seized";
          case "MachineForfeited" -> "Forfeited";
          case "MachineDestroyed" -> "Destroyed";
          case "MachineRecovered" -> "Recovered";
          case "SerialTamperingReported" -> "Serial tampering reported";
          default -> "Recorded";
        };
    return what + " by a law enforcement agency on " + on;
  }
}
