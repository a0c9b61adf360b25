package org.presstrace.access;

/** Where a grant stands: asked for, in force, or refused. */
public enum GrantStatus {
  PENDING,
  APPROVED,
  REJECTED
}
