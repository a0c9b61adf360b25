package org.presstrace.shared;

import java.time.Duration;

/**
 * A caller or its agency has used up a rate that bounds what it may ask; the message says which
 * rate. The API answers it with a 429 problem-details response and a {@code Retry-After} header of
 * {@link #retryAfter()}, in whole seconds. Nothing of the refused request is stored.
 */
public class TooManyRequests extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequests(String message, Duration retryAfter) {
    super(message);
    this.retryAfter =
        retryAfter == null || retryAfter.compareTo(Duration.ofSeconds(1)) < 0
            ? Duration.ofSeconds(1)
            : retryAfter;
  }

  /** How long until the rate allows the request again; at least one second. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** {@link #retryAfter()} in whole seconds, rounded up, as the {@code Retry-After} header says. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.getSeconds();
    return retryAfter.getNano() > 0 ? seconds + 1 : seconds;
  }
}
