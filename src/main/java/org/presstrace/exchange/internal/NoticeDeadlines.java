package org.presstrace.exchange.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.presstrace.exchange.Notices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records missed notice deadlines, on each side for its own copy, every {@code
 * presstrace.exchange.notice-deadline-sweep} (an hour by default): a db-scheduler recurring task,
 * so with several nodes on one database each run is made by one of them and a deadline is recorded
 * missed once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticeDeadlines.Properties.class)
class NoticeDeadlines {

  /** The sweep's name in the job table and the sweep log. */
  static final String TASK = "notice-deadlines";

  /**
   * @param noticeDeadlineSweep the wait between the end of one sweep and the next (at least 1 s)
   */
  @ConfigurationProperties("presstrace.exchange")
  record Properties(@DefaultValue("PT1H") Duration noticeDeadlineSweep) {

    Properties {
      if (noticeDeadlineSweep.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "presstrace.exchange.notice-deadline-sweep "
                + noticeDeadlineSweep
                + " is shorter than a second");
      }
    }
  }

  @Bean
  RecurringTask<Void> noticeDeadlineSweep(ObjectProvider<Notices> notices, Properties properties) {
    return Tasks.recurring(TASK, Schedules.fixedDelay(properties.noticeDeadlineSweep()))
        .execute((instance, execution) -> notices.getObject().recordMissedDeadlines());
  }
}
