package org.presstrace.registry;

import java.time.LocalDate;

/** Someone reported the item's serial altered, removed or obliterated. */
public record SerialTamperingReported(
    String machineId, String reportedBy, String details, LocalDate occurredOn)
    implements CustodyEvent {}
