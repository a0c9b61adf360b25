package org.presstrace.exchange;

import java.time.Instant;

/**
 * A received message whose handler failed unexpectedly: kept with its signed request's headers and
 * the error, acknowledged to the partner as quarantined so that its queue moves on, and replayed by
 * an administrator after a fix. Administrators read no record content, so the body is kept for the
 * replay but shown only by its size.
 *
 * @param banner the marking the message was received under
 * @param bodyBytes the size of the kept body in bytes (UTF-8)
 * @param replayedAt when a replay applied it; null while it is still quarantined
 */
public record QuarantinedMessage(
    String partnerId,
    String messageId,
    long sequence,
    String type,
    String banner,
    int bodyBytes,
    String headers,
    String error,
    Instant receivedAt,
    Instant quarantinedAt,
    Instant replayedAt) {

  /** Whether the message still waits for a replay. */
  public boolean open() {
    return replayedAt == null;
  }
}
