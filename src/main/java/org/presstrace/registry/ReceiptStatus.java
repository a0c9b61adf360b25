package org.presstrace.registry;

/** Where the buyer's receipt of a transfer stands. */
public enum ReceiptStatus {
  /** Recorded by the seller; the buyer has not answered. */
  PENDING,
  /** The buyer received it, and the plate reads as the seller recorded (or was not read). */
  CONFIRMED,
  /** The buyer says it did not arrive as recorded. */
  DISPUTED,
  /** The buyer received equipment whose plate reads another serial than the one recorded. */
  MISMATCHED
}
