package org.presstrace.registry;

/** How a reporting duty stands as of a day. */
public enum ReportTiming {
  /** Filed by its due date. */
  ON_TIME,
  /** Filed after its due date. */
  LATE,
  /** Not filed, and the due date has passed. */
  MISSING,
  /** Not filed, but not due yet. */
  NOT_YET_DUE
}
