package org.presstrace.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The failure budget of each key of one kind (usernames, or source addresses), in Bucket4j token
 * buckets. A key starts with {@code maxFailures} tokens that refill over {@code window}; a failure
 * takes one. The failure that takes the last token moves the key to a bucket of one token that
 * refills only after the first delay, and each failure after a delay moves it to one whose delay is
 * twice as long, up to the longest delay. While a key's bucket is empty it must wait; the wait is
 * the bucket's own time to refill.
 *
 * <p>Keys live in a bounded Caffeine cache and are forgotten after {@code window} of quiet past
 * their delay, so that the memory held stays bounded whatever names an attacker invents.
 */
final class FailureBudget {

  /** The most doublings a delay can take; by then any sane longest delay is reached. */
  private static final int MAX_LEVEL = 62;

  /**
   * One kind's budget.
   *
   * @param maxFailures failures allowed within {@code window} before the first delay
   * @param window the time over which the budget refills
   * @param firstDelay the first delay once the budget is spent
   * @param maxDelay the longest delay
   * @param tracked the most keys remembered
   */
  record Policy(
      int maxFailures, Duration window, Duration firstDelay, Duration maxDelay, int tracked) {}

  /** Level 0 is the plain budget; level n is the n-th delay in a row. */
  private record Standing(int level, Bucket bucket) {}

  private final Policy policy;
  private final TimeMeter time;
  private final Cache<String, Standing> standings;

  FailureBudget(Policy policy, Clock clock) {
    this.policy = policy;
    this.time = new ClockTime(clock);
    this.standings =
        Caffeine.newBuilder()
            .maximumSize(policy.tracked())
            .ticker(time::currentTimeNanos)
            .executor(Runnable::run)
            .expireAfter(Expiry.<String, Standing>writing((key, standing) -> kept(standing)))
            .build();
  }

  /** How long {@code key} must wait before its next attempt; zero when it may try now. */
  Duration wait(String key) {
    Standing standing = standings.getIfPresent(key);
    if (standing == null) {
      return Duration.ZERO;
    }
    EstimationProbe probe = standing.bucket().estimateAbilityToConsume(1);
    return probe.canBeConsumed()
        ? Duration.ZERO
        : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  /**
   * Spends one failure of {@code key}'s budget; a failure that finds no token (one let through
   * while another was failing) counts as well.
   *
   * @return the delay {@code key} faces now, zero when its budget is not spent
   */
  Duration fail(String key) {
    standings
        .asMap()
        .compute(
            key,
            (k, standing) -> {
              Standing current = standing == null ? fresh() : standing;
              ConsumptionProbe probe = current.bucket().tryConsumeAndReturnRemaining(1);
              if (probe.isConsumed() && probe.getRemainingTokens() > 0) {
                return current;
              }
              return delayed(Math.min(current.level() + 1, MAX_LEVEL));
            });
    return wait(key);
  }

  /** Forgets {@code key}'s failures and any delay. */
  void forget(String key) {
    standings.invalidate(key);
  }

  /** Runs pending expiry, so that forgotten keys free their memory. */
  void cleanUp() {
    standings.cleanUp();
  }

  /** The delay of the {@code level}-th failure in a row after the budget is spent. */
  Duration delay(int level) {
    Duration delay = policy.firstDelay();
    for (int doubling = 1; doubling < level && delay.compareTo(policy.maxDelay()) < 0; doubling++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
  }

  private Standing fresh() {
    int max = policy.maxFailures();
    return new Standing(
        0,
        Bucket.builder()
            .addLimit(limit -> limit.capacity(max).refillGreedy(max, policy.window()))
            .withCustomTimePrecision(time)
            .build());
  }

  private Standing delayed(int level) {
    return new Standing(
        level,
        Bucket.builder()
            .addLimit(limit -> limit.capacity(1).refillGreedy(1, delay(level)).initialTokens(0))
            .withCustomTimePrecision(time)
            .build());
  }

  /** A plain budget is full again after a window; a delayed key is kept a window past its delay. */
  private Duration kept(Standing standing) {
    return standing.level() == 0 ? policy.window() : delay(standing.level()).plus(policy.window());
  }

  /** Bucket4j's time from the application's clock, so that tests can move it. */
  private record ClockTime(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
