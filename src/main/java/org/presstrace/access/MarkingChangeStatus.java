package org.presstrace.access;

/** Where a marking change stands. */
public enum MarkingChangeStatus {
  PENDING,
  APPROVED,
  REJECTED
}
