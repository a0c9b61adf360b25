package org.presstrace.registry;

/** An item is OPEN (assigned or not) until resolved with a note. */
public enum ComplianceStatus {
  OPEN,
  RESOLVED
}
