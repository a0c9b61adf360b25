package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A sale reported by the seller.
 *
 * @param buyerRegistration the buyer's registration number (or DEA number) as the seller checked it
 * @param buyerCheckedAt when the seller checked it
 * @param shippedOn the day of shipment; the report is due 15 days later by default
 */
public record Transfer(String buyerRegistration, Instant buyerCheckedAt, LocalDate shippedOn) {}
