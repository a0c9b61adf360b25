package org.presstrace;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Work that runs from Spring Modulith's event publication registry after a commit (re-screening
 * stored manifests and seizure items when a designation changes a list) is kept in the database
 * until it completes. A node that dies in the middle leaves its publication incomplete; this sweep,
 * run by one node of the cluster at a time, hands every publication older than {@code
 * presstrace.cluster.resubmit-after} to the listeners again, on whichever node runs it, so the work
 * is finished without waiting for a restart. The listeners are idempotent (an alert is raised once
 * per line or item, substance and designation), so a publication that was only slow is at worst
 * worked twice.
 */
@Configuration(proxyBeanMethods = false)
class EventResubmission {

  static final String TASK = "event-resubmission";

  private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

  @Bean
  RecurringTask<Void> eventResubmissionSweep(
      ObjectProvider<IncompleteEventPublications> incomplete, ClusterProperties cluster) {
    return Tasks.recurring(TASK, Schedules.fixedDelay(cluster.resubmitEvery()))
        .execute(
            (instance, execution) -> {
              log.debug(
                  "resubmitting event publications incomplete after {}", cluster.resubmitAfter());
              incomplete
                  .getObject()
                  .resubmitIncompletePublicationsOlderThan(cluster.resubmitAfter());
            });
  }
}
