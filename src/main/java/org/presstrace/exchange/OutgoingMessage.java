package org.presstrace.exchange;

import java.time.Instant;
import org.presstrace.access.Marking;

/** A message queued for a partner: delivered in {@code sequence} order until acknowledged. */
public record OutgoingMessage(
    String partnerId,
    long sequence,
    String messageId,
    String type,
    Marking marking,
    Instant queuedAt) {}
