package org.presstrace.registry;

import java.time.LocalDate;

/** An agency seized the item. */
public record MachineSeized(String machineId, String agency, String details, LocalDate occurredOn)
    implements CustodyEvent {}
