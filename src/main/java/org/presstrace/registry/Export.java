package org.presstrace.registry;

import java.time.LocalDate;

/**
 * An export by the holder.
 *
 * @param transactionId the id of the holder's export transaction report covering the equipment; the
 *     report's filing day must lead the movement by the configured days
 * @param country destination, ISO 3166 alpha-3
 * @param movementOn the day the equipment leaves
 */
public record Export(String transactionId, String country, LocalDate movementOn) {}
