package org.presstrace.registry;

/** Where a registrant's annual registration stands. Only ACTIVE registrants hold equipment. */
public enum RegistrantStatus {
  PENDING,
  ACTIVE,
  SUSPENDED,
  REVOKED,
  /** Was active, but the registration was not renewed before it expired. */
  EXPIRED
}
