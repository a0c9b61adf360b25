package org.presstrace.registry;

import java.time.LocalDate;

/**
 * A report of a custody change that needs only a day and a note: loss, theft, recovery, seizure,
 * forfeiture, destruction, serial tampering, relocation (the note is then the new location).
 *
 * @param discoveredOn for a loss or theft, the day it was discovered, from which its report is due;
 *     null when discovered the day it happened
 */
public record CustodyReport(LocalDate occurredOn, String details, LocalDate discoveredOn) {

  /** A report of something discovered the day it happened. */
  public CustodyReport(LocalDate occurredOn, String details) {
    this(occurredOn, details, null);
  }
}
