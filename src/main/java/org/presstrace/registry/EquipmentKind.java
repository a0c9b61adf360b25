package org.presstrace.registry;

/** What a registered item is: a whole machine, a critical part, or a mould. */
public enum EquipmentKind {
  TABLETING_SINGLE_PUNCH,
  TABLETING_ROTARY,
  ENCAPSULATING_MANUAL,
  ENCAPSULATING_SEMI_AUTOMATIC,
  ENCAPSULATING_AUTOMATIC,
  UPPER_PUNCH,
  LOWER_PUNCH,
  DIE,
  TURRET,
  HOPPER,
  FEEDER,
  MOULD;

  /** Whether this is a whole machine (parts and moulds are installed in one). */
  public boolean machine() {
    return ordinal() <= ENCAPSULATING_AUTOMATIC.ordinal();
  }
}
