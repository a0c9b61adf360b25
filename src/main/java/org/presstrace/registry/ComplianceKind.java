package org.presstrace.registry;

/** What a compliance item is about. */
public enum ComplianceKind {
  /** A report filed after its due day: a transaction report or a custody change. */
  LATE_REPORT,
  /** A custody event whose report is due and was never filed. */
  MISSING_REPORT,
  /** An active registration that expires within 30 days. */
  EXPIRING_REGISTRATION,
  /** A registrant acquiring more machines in 30 days than the configured threshold. */
  UNUSUAL_ACQUISITIONS,
  /**
   * A registrant registered (or checked an import of) a serial that equipment it does not hold
   * already carries; it was told only that the registry will contact it.
   */
  SERIAL_CONFLICT,
  /** A sale whose buyer has not confirmed receipt within the configured days. */
  UNCONFIRMED_TRANSFER,
  /** A sale whose buyer disputes it, or whose plate reads another serial than the one recorded. */
  DISPUTED_TRANSFER,
  /**
   * A mould or punch stamped with a known counterfeit imprint (such as the "M 30" of counterfeit
   * oxycodone 30 mg) held by a registrant that is not a manufacturer.
   */
  COUNTERFEIT_IMPRINT
}
