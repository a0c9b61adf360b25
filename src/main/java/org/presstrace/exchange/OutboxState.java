package org.presstrace.exchange;

import java.time.Instant;

/**
 * Where the outbox to one partner stands.
 *
 * @param pending messages queued and not yet acknowledged
 * @param delivered messages the partner acknowledged
 * @param lastError why the last attempt failed, or null
 * @param nextAttempt when the next pending message is tried, or null when none is pending
 * @param lastDelivered when the partner last acknowledged a message, or null
 */
public record OutboxState(
    String partnerId,
    long pending,
    long delivered,
    String lastError,
    Instant nextAttempt,
    Instant lastDelivered) {}
