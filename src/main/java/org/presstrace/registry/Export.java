package org.presstrace.registry;

import java.time.LocalDate;

/**
 * An export by the holder.
 *
 * @param transactionId the id issued for the filed export transaction report
 * @param reportFiledOn the day that report was filed; it must lead the movement
 * @param country destination, ISO 3166 alpha-3
 * @param movementOn the day the equipment leaves
 */
public record Export(
    String transactionId, LocalDate reportFiledOn, String country, LocalDate movementOn) {}
