package org.presstrace.registry;

/** Where a transaction report stands: filed, amended at least once, or withdrawn (final). */
public enum TransactionReportStatus {
  FILED,
  AMENDED,
  WITHDRAWN
}
