package org.presstrace.registry;

/** A reporting duty, each with its own deadline in {@link Deadlines}. */
public enum ReportKind {
  /** A domestic sale, reported after shipment. */
  TRANSFER,
  /** Equipment acquired otherwise than by a reported transfer. */
  ACQUISITION,
  RELOCATION,
  LOSS,
  THEFT,
  DESTRUCTION,
  /** An import: the transaction report is due before the movement. */
  IMPORT,
  /** An export: the transaction report is due before the movement. */
  EXPORT;

  /** Whether the report is due before the event rather than after it. */
  public boolean inAdvance() {
    return this == IMPORT || this == EXPORT;
  }
}
