package org.presstrace.registry;

/** What a registrant does with tableting and encapsulating equipment. */
public enum RegistrantCategory {
  MANUFACTURER,
  IMPORTER,
  EXPORTER,
  /** A dealer or registered seller. */
  DEALER,
  /** Holds equipment for its own use; does not sell. */
  OWNER,
  /** Arranges imports and exports for others; holds no equipment itself. */
  BROKER;

  /** Whether a registrant of this category may sell equipment to another registrant. */
  public boolean sells() {
    return this == DEALER || this == MANUFACTURER;
  }
}
