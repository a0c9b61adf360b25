package org.presstrace.registry;

import java.time.LocalDate;

/**
 * Equipment to register, held by the registering registrant.
 *
 * @param serial the serial as stamped; null only for legacy equipment, which gets a registry-issued
 *     serial
 * @param imprint for moulds and punches, the mark they press, e.g. {@code M / 30}
 * @param transactionId for an import, the id issued for its filed transaction report
 * @param occurredOn the day it was made, imported or acquired
 * @param installedIn for a part, the id of the machine it is installed in (may be null)
 */
public record NewMachine(
    String serial,
    boolean legacy,
    String make,
    String model,
    EquipmentKind kind,
    String imprint,
    String location,
    EquipmentOrigin origin,
    String transactionId,
    LocalDate occurredOn,
    String installedIn) {}
