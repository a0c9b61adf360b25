package org.presstrace.registry;

/** How equipment is moved between the parties (21 CFR 1310.06(a), "method of transfer"). */
public enum TransferMethod {
  COMMON_CARRIER,
  FREIGHT_FORWARDER,
  COURIER,
  POSTAL,
  IN_PERSON,
  OTHER
}
