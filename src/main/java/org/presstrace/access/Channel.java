package org.presstrace.access;

/** How a read or write reached PressTrace; recorded in every audit entry. */
public enum Channel {
  API,
  PAGE,
  CLI,
  EXPORT
}
