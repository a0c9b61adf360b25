package org.presstrace.access;

/** Where a release request stands. */
public enum ReleaseStatus {
  PENDING,
  APPROVED,
  REJECTED,
  REVOKED
}
