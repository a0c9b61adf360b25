package org.presstrace.registry;

/** How equipment came into the registry. */
public enum EquipmentOrigin {
  /** Made by the registering manufacturer. */
  MANUFACTURED,
  /** Imported by the registering importer under a filed transaction report. */
  IMPORTED,
  /** Already held by the registrant when registered (existing inventory, legacy equipment). */
  DECLARED
}
