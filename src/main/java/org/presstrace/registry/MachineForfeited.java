package org.presstrace.registry;

import java.time.LocalDate;

/** A seized item was forfeited to the government. */
public record MachineForfeited(
    String machineId, String agency, String details, LocalDate occurredOn)
    implements CustodyEvent {}
