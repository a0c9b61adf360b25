package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something that happened to a registered item, in the past tense. Each state change of a machine
 * records exactly one; the chain of custody is their sequence.
 */
public sealed interface CustodyEvent
    permits MachineManufactured,
        MachineImported,
        MachineDeclared,
        MachineTransferred,
        MachineRelocated,
        MachineExported,
        MachineReportedLost,
        MachineReportedStolen,
        MachineRecovered,
        MachineSeized,
        MachineForfeited,
        MachineDestroyed,
        SerialTamperingReported {

  String machineId();

  /** The day it happened (for a transfer, the day of shipment; for an export, the movement). */
  LocalDate occurredOn();

  /** The registrant the item left, if any. */
  default String fromRegistrant() {
    return null;
  }

  /** The registrant the item went to or stays with, if any. */
  default String toRegistrant() {
    return null;
  }

  /** The agency acting, for seizures, forfeitures and destruction by an agency. */
  default String agency() {
    return null;
  }

  /** For a transfer: the buyer's registration number as the seller checked it. */
  default String buyerRegistration() {
    return null;
  }

  /** For a transfer: when the seller checked the buyer's registration. */
  default Instant buyerCheckedAt() {
    return null;
  }

  /** For an import or export: the transaction id issued for its filed report. */
  default String transactionId() {
    return null;
  }

  /** Free text: the new location, the destination country, what was seen. */
  default String details() {
    return null;
  }

  /** For a loss or theft: the day it was discovered, when later than the day it happened. */
  default LocalDate discoveredOn() {
    return null;
  }

  /** The event's name, e.g. {@code MachineTransferred}. */
  default String type() {
    return getClass().getSimpleName();
  }

  /** The reporting duty this event carries, or {@code null} when none. */
  default ReportKind reportKind() {
    return null;
  }
}
