package org.presstrace.exchange.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delivers the outbox every {@code presstrace.exchange.outbox.poll} as a db-scheduler recurring
 * task: with several nodes on one database each run is made by one of them, so a message is sent by
 * one node, not raced to the partner by every node at once. A single node runs it as before.
 */
@Configuration(proxyBeanMethods = false)
class OutboxDelivery {

  /** The task's name in the job table and the sweep log. */
  static final String TASK = "exchange-outbox";

  @Bean
  RecurringTask<Void> outboxDeliveryTask(
      ObjectProvider<OutboxSender> sender, ExchangeProperties properties) {
    return Tasks.recurring(TASK, Schedules.fixedDelay(properties.outbox().poll()))
        .execute((instance, execution) -> sender.getObject().deliverDue());
  }
}
