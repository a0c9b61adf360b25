package org.presstrace.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Failed sign-ins of each name, gathered into bursts so that the audit trail (and the ledger behind
 * it) gets one entry when a burst starts and one summary when it ends, not one per attempt. A burst
 * ends at the name's next successful sign-in, at an administrator's unlock, after a window without
 * failures, or when the server stops.
 */
final class FailureBursts {

  /** The most addresses a summary names; the rest are counted. */
  private static final int NAMED_ADDRESSES = 5;

  /** One burst; changed only inside the cache's compute, so one thread at a time. */
  static final class Burst {
    final String username;
    final Instant first;
    Instant last;
    int failures;
    int refused;
    Duration longestDelay = Duration.ZERO;
    final Set<String> addresses = new LinkedHashSet<>();
    int otherAddresses;

    Burst(String username, Instant first) {
      this.username = username;
      this.first = first;
      this.last = first;
    }

    void failed(String address, Instant at, Duration delay) {
      failures++;
      last = at;
      if (delay.compareTo(longestDelay) > 0) {
        longestDelay = delay;
      }
      if (!addresses.contains(address)) {
        if (addresses.size() < NAMED_ADDRESSES) {
          addresses.add(address);
        } else {
          otherAddresses++;
        }
      }
    }

    /** Whether the entry at its start says all there is to say. */
    boolean single() {
      return failures <= 1 && refused == 0;
    }

    String summary() {
      var text = new StringBuilder();
      text.append(failures)
          .append(failures == 1 ? " failed sign-in for " : " failed sign-ins for ")
          .append(username)
          .append(" from ")
          .append(String.join(", ", addresses));
      if (otherAddresses > 0) {
        text.append(" and ").append(otherAddresses).append(" other addresses");
      }
      text.append(" between ")
          .append(first.truncatedTo(ChronoUnit.SECONDS))
          .append(" and ")
          .append(last.truncatedTo(ChronoUnit.SECONDS));
      if (refused > 0) {
        text.append("; ").append(refused).append(" more refused while limited");
      }
      if (longestDelay.compareTo(Duration.ZERO) > 0) {
        text.append("; delayed up to ").append(longestDelay);
      }
      return text.toString();
    }
  }

  private final Clock clock;
  private final Duration quiet;
  private final Consumer<Burst> started;
  private final Cache<String, Burst> bursts;

  /**
   * @param quiet how long without a failure ends a burst
   * @param tracked the most bursts held at once; the least recently changed ends first
   * @param started told of each burst's first failure
   * @param ended told of each burst when it ends
   */
  FailureBursts(
      Clock clock, Duration quiet, int tracked, Consumer<Burst> started, Consumer<Burst> ended) {
    this.clock = clock;
    this.quiet = quiet;
    this.started = started;
    this.bursts =
        Caffeine.newBuilder()
            .maximumSize(tracked)
            .ticker(() -> nanos(clock.instant()))
            .executor(Runnable::run)
            .expireAfter(Expiry.<String, Burst>writing((key, burst) -> remaining(burst)))
            .removalListener(
                (String key, Burst burst, RemovalCause cause) -> {
                  if (cause != RemovalCause.REPLACED) {
                    ended.accept(burst);
                  }
                })
            .build();
  }

  /** Counts a failure for {@code username}; the first of a burst is told at once. */
  void failed(String username, String address, Duration delay) {
    Instant now = clock.instant();
    boolean[] first = {false};
    Burst burst =
        bursts
            .asMap()
            .compute(
                username,
                (key, current) -> {
                  Burst changed = current;
                  if (changed == null) {
                    changed = new Burst(username, now);
                    first[0] = true;
                  }
                  changed.failed(address, now, delay);
                  return changed;
                });
    if (first[0]) {
      started.accept(burst);
    }
  }

  /** Counts an attempt refused unheard while {@code username} or its address was limited. */
  void refused(String username) {
    bursts
        .asMap()
        .computeIfPresent(
            username,
            (key, burst) -> {
              burst.refused++;
              return burst;
            });
  }

  /** The failures in {@code username}'s open burst, zero when none is open. */
  int failures(String username) {
    Burst burst = bursts.getIfPresent(username);
    return burst == null ? 0 : burst.failures;
  }

  /** Ends {@code username}'s burst, if one is open. */
  void end(String username) {
    bursts.invalidate(username);
  }

  /** Ends the bursts that have been quiet long enough. */
  void endQuiet() {
    bursts.cleanUp();
  }

  /** Ends every open burst. */
  void endAll() {
    bursts.invalidateAll();
    bursts.cleanUp();
  }

  private Duration remaining(Burst burst) {
    Duration left = Duration.between(clock.instant(), burst.last.plus(quiet));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
