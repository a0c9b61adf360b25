package org.presstrace.exchange;

import java.time.Instant;
import org.presstrace.access.Marking;
import org.presstrace.shared.CountryCode;

/**
 * A message a partner sent, as this instance's inbox keeps it: its origin (the partner and its
 * country) and the marking it was sent under travel with it.
 *
 * @param sequence the partner's sequence number; messages are applied in this order
 * @param marking the marking the sending instance gave it; its owner is the sender's agency
 */
public record ReceivedMessage(
    String partnerId,
    CountryCode originCountry,
    String messageId,
    long sequence,
    String type,
    String body,
    Marking marking,
    Instant sentAt,
    Instant receivedAt) {}
