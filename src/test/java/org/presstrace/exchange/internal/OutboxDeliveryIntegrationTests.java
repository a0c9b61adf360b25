package org.presstrace.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.TwoNodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * On one node, delivering the outbox and sweeping the TAXII feeds are db-scheduler recurring tasks
 * (as the notice deadline sweep is), so that with several nodes on one database each run is made by
 * one node: neither is a timer of its own on each node any more. {@code OutboxTwoNodeTests} shows
 * the same with two nodes on PostgreSQL.
 */
@PressTraceIntegrationTest
class OutboxDeliveryIntegrationTests {

  @Autowired List<Task<?>> tasks;
  @Autowired JdbcClient jdbc;

  @Test
  void theOutboxAndTheFeedSweepAreClusterWideRecurringTasks() {
    assertThat(
            tasks.stream()
                .filter(task -> task instanceof RecurringTask<?>)
                .map(Task::getName)
                .toList())
        .contains(OutboxDelivery.TASK, "taxii-feeds", NoticeDeadlines.TASK);
    assertThat(Arrays.stream(OutboxSender.class.getDeclaredMethods()))
        .as("no timer of the sender's own runs on every node")
        .noneMatch(method -> method.isAnnotationPresent(Scheduled.class));
    assertThat(SchedulingConfigurer.class.isAssignableFrom(feedSchedule()))
        .as("no timer of the feed sweep's own")
        .isFalse();
  }

  @Test
  void theOutboxIsDeliveredByTheSchedulerWhichLogsEachRunWithItsNode() {
    TwoNodes.await(
        Duration.ofSeconds(30),
        "a logged run of the outbox delivery",
        () ->
            jdbc.sql("SELECT COUNT(*) FROM sweep_run WHERE sweep = :sweep")
                    .param("sweep", OutboxDelivery.TASK)
                    .query(Long.class)
                    .single()
                > 0);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :task")
                .param("task", OutboxDelivery.TASK)
                .query(Long.class)
                .single())
        .as("one schedule in the job table, whichever node runs it")
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'taxii-feeds'")
                .query(Long.class)
                .single())
        .as("feed sweeps are off in the tests (feed-sweep=-): never scheduled")
        .isZero();
  }

  private static Class<?> feedSchedule() {
    try {
      return Class.forName("org.presstrace.exchange.taxii.internal.FeedSchedule");
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
