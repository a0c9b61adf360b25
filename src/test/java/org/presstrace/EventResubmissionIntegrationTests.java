package org.presstrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work after a commit that did not finish (its listener failed, as when its node dies in the
 * middle) is handed to the listener again by the cluster's resubmission sweep, without a restart,
 * and its publication is then complete.
 */
@PressTraceIntegrationTest
@TestPropertySource(
    properties = {"presstrace.cluster.resubmit-every=1s", "presstrace.cluster.resubmit-after=0s"})
class EventResubmissionIntegrationTests {

  /** An event of this test alone. */
  record Probe(String id) {}

  /** Fails the first delivery of each probe, succeeds after. */
  static class FlakyListener {
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();

    /** Read through the bean's proxy, which holds no state of its own. */
    public int deliveries() {
      return deliveries.get();
    }

    public int completed() {
      return completed.get();
    }

    @ApplicationModuleListener
    void on(Probe probe) {
      if (deliveries.incrementAndGet() == 1) {
        throw new IllegalStateException("the node running this died");
      }
      completed.incrementAndGet();
    }
  }

  @TestConfiguration
  static class Listening {
    @Bean
    FlakyListener flakyListener() {
      return new FlakyListener();
    }
  }

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired FlakyListener listener;
  @Autowired JdbcClient jdbc;

  @Test
  void anUnfinishedPublicationIsWorkedAgainByTheSweepAndCompleted() throws Exception {
    transactions.executeWithoutResult(status -> events.publishEvent(new Probe("p-1")));

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (listener.completed() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }

    assertThat(listener.deliveries()).isGreaterThanOrEqualTo(2);
    assertThat(listener.completed()).isEqualTo(1);
    while (incompleteProbes() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(incompleteProbes()).isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM sweep_run WHERE sweep = :task")
                .param("task", EventResubmission.TASK)
                .query(Long.class)
                .single())
        .isPositive();
  }

  private long incompleteProbes() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM event_publication WHERE event_type LIKE :type"
                + " AND completion_date IS NULL")
        .param("type", "%EventResubmissionIntegrationTests$Probe%")
        .query(Long.class)
        .single();
  }
}
