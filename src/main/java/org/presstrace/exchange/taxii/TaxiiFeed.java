package org.presstrace.exchange.taxii;

import java.time.Duration;
import java.time.Instant;

/**
 * A partner collection PressTrace polls on a schedule, as an administrator configured it, with its
 * cursor and the outcome of its last poll. The credential is named, never held: {@code authEnv} is
 * the environment variable that holds it on this server.
 *
 * @param addedAfter the partner's {@code X-TAXII-Date-Added-Last} of the last import, sent as the
 *     next poll's {@code added_after}; null until something was imported
 * @param nextPollAt when the feed is next due; later than one interval after a failure (back-off)
 */
public record TaxiiFeed(
    String id,
    String name,
    String collectionUrl,
    String importAs,
    String agency,
    FeedAuth auth,
    String authEnv,
    Duration interval,
    boolean enabled,
    String createdBy,
    Instant createdAt,
    Instant addedAfter,
    Instant nextPollAt,
    Instant lastPollAt,
    FeedOutcome lastOutcome,
    String lastDetail,
    long totalReceived,
    int consecutiveFailures) {

  /** How PressTrace authenticates to the partner. */
  public enum FeedAuth {
    /** No Authorization header. */
    NONE,
    /** The environment variable holds the whole Authorization header value. */
    HEADER,
    /** The environment variable holds a bearer token. */
    BEARER
  }

  /** What the last poll did. */
  public enum FeedOutcome {
    IMPORTED,
    NOTHING_NEW,
    REFUSED,
    UNREACHABLE;

    public boolean failed() {
      return this == REFUSED || this == UNREACHABLE;
    }
  }

  /** True when the feed is waiting longer than its interval because its polls failed. */
  public boolean backingOff() {
    return consecutiveFailures > 0;
  }
}
