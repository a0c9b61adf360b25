package org.presstrace.exchange.taxii.web;

import java.time.Instant;
import org.presstrace.exchange.taxii.TaxiiFeed;

/**
 * A scheduled TAXII feed as the API and the page show it. There is no credential to show: the feed
 * holds only the name of the environment variable that does.
 */
record FeedView(
    String id,
    String name,
    String collectionUrl,
    String importAs,
    String agency,
    String auth,
    String authEnv,
    String interval,
    boolean enabled,
    String createdBy,
    Instant createdAt,
    Instant addedAfter,
    Instant nextPollAt,
    Instant lastPollAt,
    String lastOutcome,
    String lastDetail,
    long totalReceived,
    int consecutiveFailures,
    boolean backingOff) {

  static FeedView of(TaxiiFeed feed) {
    return new FeedView(
        feed.id(),
        feed.name(),
        feed.collectionUrl(),
        feed.importAs(),
        feed.agency(),
        feed.auth().name(),
        feed.authEnv(),
        feed.interval().toString(),
        feed.enabled(),
        feed.createdBy(),
        feed.createdAt(),
        feed.addedAfter(),
        feed.nextPollAt(),
        feed.lastPollAt(),
        feed.lastOutcome() == null ? null : feed.lastOutcome().name(),
        feed.lastDetail(),
        feed.totalReceived(),
        feed.consecutiveFailures(),
        feed.backingOff());
  }
}
