package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One link of a chain of custody, with how its report stands against its deadline.
 *
 * @param timing how the report stood against its deadline; null for events carrying no duty
 */
public record CustodyEntry(
    int seq,
    String type,
    LocalDate occurredOn,
    Instant reportedAt,
    String fromRegistrant,
    String toRegistrant,
    String agency,
    String buyerRegistration,
    Instant buyerCheckedAt,
    String transactionId,
    String details,
    String recordedBy,
    ReportTiming timing) {}
