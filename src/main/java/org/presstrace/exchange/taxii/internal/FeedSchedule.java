package org.presstrace.exchange.taxii.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.ZoneOffset;
import org.presstrace.exchange.taxii.TaxiiFeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sweeps the scheduled TAXII feeds with a fixed delay between sweeps ({@code
 * presstrace.exchange.taxii.feed-sweep}, an ISO-8601 or Spring duration such as {@code 1m}; {@code
 * -} turns it off), as the db-scheduler recurring task {@link #TASK}: with several nodes on one
 * database each sweep is run by one of them. A sweep polls only the feeds that are due; {@link
 * TaxiiFeeds#sweep()} refuses to start while another runs in this JVM, and each feed is claimed in
 * the database before it is polled.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedSchedule.Properties.class)
class FeedSchedule {

  /** The sweep's name in the job table and the sweep log. */
  static final String TASK = "taxii-feeds";

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

  /**
   * The sweep; when sweeps are off its schedule is the disabled one ({@code -}), which db-scheduler
   * never runs and removes from the job table.
   */
  @Bean
  RecurringTask<Void> taxiiFeedSweep(ObjectProvider<TaxiiFeeds> feeds, Properties properties) {
    Duration delay = properties.delay();
    Schedule schedule =
        delay == null ? Schedules.cron("-", ZoneOffset.UTC) : Schedules.fixedDelay(delay);
    return Tasks.recurring(TASK, schedule)
        .execute((instance, execution) -> sweep(feeds.getObject()));
  }

  static void sweep(TaxiiFeeds feeds) {
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
