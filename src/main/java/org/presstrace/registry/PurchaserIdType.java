package org.presstrace.registry;

/**
 * The type of identification the purchaser showed (21 CFR 1310.06(a), "type of identification used
 * by the purchaser").
 */
public enum PurchaserIdType {
  DEA_REGISTRATION,
  STATE_LICENSE,
  BUSINESS_REGISTRATION,
  IMPORT_LICENSE,
  DRIVERS_LICENSE,
  PASSPORT,
  OTHER
}
