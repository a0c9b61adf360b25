package org.presstrace.exchange.taxii.internal;

import java.time.Duration;
import org.presstrace.exchange.taxii.TaxiiFeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sweeps the scheduled TAXII feeds with a fixed delay between sweeps ({@code
 * presstrace.exchange.taxii.feed-sweep}, an ISO-8601 or Spring duration such as {@code 1m}; {@code
 * -} turns it off). A sweep polls only the feeds that are due; {@link TaxiiFeeds#sweep()} refuses
 * to start while another runs in this JVM.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(FeedSchedule.Properties.class)
class FeedSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

  /**
   * @param feedSweep the delay between the end of one sweep and the start of the next, or {@code -}
   *     for no sweeps
   */
  @ConfigurationProperties("presstrace.exchange.taxii")
  record Properties(@DefaultValue("PT1M") String feedSweep) {

    /** The delay, or null when sweeps are off. */
    Duration delay() {
      String text = feedSweep == null ? "" : feedSweep.strip();
      if (text.equals("-")) {
        return null;
      }
      Duration delay;
      try {
        delay =
            text.startsWith("P") || text.startsWith("p")
                ? Duration.parse(text)
                : org.springframework.boot.convert.DurationStyle.SIMPLE.parse(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "presstrace.exchange.taxii.feed-sweep '" + feedSweep + "' is not a duration or -");
      }
      if (delay.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "presstrace.exchange.taxii.feed-sweep " + delay + " is shorter than a second");
      }
      return delay;
    }
  }

  private final TaxiiFeeds feeds;
  private final Duration delay;

  FeedSchedule(TaxiiFeeds feeds, Properties properties) {
    this.feeds = feeds;
    this.delay = properties.delay();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (delay != null) {
      registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, delay, delay));
    }
  }

  void sweep() {
    try {
      int polled = feeds.sweep();
      if (polled > 0) {
        log.info("TAXII feed sweep polled {} feeds", polled);
      }
    } catch (RuntimeException e) {
      log.warn("TAXII feed sweep failed", e);
    }
  }
}
