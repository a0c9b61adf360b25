package org.presstrace.casework;

import java.util.List;

/**
 * What planning an operation returns: the stored operation and the alerts for the caller's agency.
 */
public record OperationPlan(StoredOperation operation, List<StoredAlert> alerts) {}
