package org.presstrace.registry;

/**
 * An item a transaction report covers. An export names registered equipment by {@code machineId};
 * an import describes equipment not yet registered by make, model and serial (the registry fills
 * these in from the register for an export).
 */
public record ReportedItem(String machineId, String make, String model, String serial) {}
