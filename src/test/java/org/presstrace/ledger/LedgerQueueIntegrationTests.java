package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.github.kagkarlsson.scheduler.SchedulerName;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers queue their entries without a global lock and the integrator alone takes them into the
 * log: one writer's open transaction does not hold up another's, an entry that drew a lower queue
 * id but commits after a higher one is integrated after it and never skipped, verification names a
 * committed entry the integrator has not taken, and the queue-to-log latency is a metric.
 */
@PressTraceIntegrationTest
@TestPropertySource(
    properties = {"presstrace.test.isolation=ledger-queue", "presstrace.ledger.await-timeout=3s"})
class LedgerQueueIntegrationTests {

  static final String KIND = "queue-test";

  @Autowired Ledger ledger;
  @Autowired LedgerVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ApplicationContext context;
  @Autowired MeterRegistry meters;
  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;

  TransactionTemplate transactions;
  World world;

  @BeforeEach
  void transactions() {
    transactions = new TransactionTemplate(transactionManager);
    world = new World(directory);
  }

  @Test
  void aWriterDoesNotWaitForAnotherWritersOpenTransaction() throws Exception {
    var appended = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    CompletableFuture<Void> open =
        CompletableFuture.runAsync(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      ledger.append(KIND, "open-writer", data("open-writer"));
                      status.flush();
                      appended.countDown();
                      await(release);
                    }));
    try {
      assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> second =
          CompletableFuture.runAsync(
              () ->
                  transactions.executeWithoutResult(
                      status -> ledger.append(KIND, "second-writer", data("second-writer"))));
      second.get(5, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      open.get(30, TimeUnit.SECONDS);
    }
    assertThat(ledger.awaitIntegration()).isTrue();
    assertThat(ledger.leafFor(KIND, "open-writer")).isPresent();
    assertThat(ledger.leafFor(KIND, "second-writer")).isPresent();
  }

  @Test
  void anEntryQueuedFirstButCommittedLastIsIntegratedAfterTheOtherNeverSkipped() throws Exception {
    String low = "gap-low-" + world.suffix();
    String high = "gap-high-" + world.suffix();
    var queued = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    CompletableFuture<Void> lowWriter =
        CompletableFuture.runAsync(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      ledger.append(KIND, low, data(low));
                      status.flush(); // draws its queue id now, commits only when released
                      queued.countDown();
                      await(release);
                    }));
    try {
      assertThat(queued.await(30, TimeUnit.SECONDS)).isTrue();
      transactions.executeWithoutResult(status -> ledger.append(KIND, high, data(high)));

      // The integrator takes the higher id, committed, while the lower one is still in flight.
      assertThat(ledger.awaitIntegration()).isTrue();
      LedgerLeaf highLeaf = ledger.leafFor(KIND, high).orElseThrow();
      assertThat(ledger.leafFor(KIND, low)).isEmpty();
      assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();

      release.countDown();
      lowWriter.get(30, TimeUnit.SECONDS);
      assertThat(ledger.awaitIntegration()).isTrue();
      LedgerLeaf lowLeaf = ledger.leafFor(KIND, low).orElseThrow();
      assertThat(lowLeaf.index()).isGreaterThan(highLeaf.index());
      assertThat(queueId(low)).as("the lower queue id committed last").isLessThan(queueId(high));
      assertThat(count("SELECT COUNT(*) FROM ledger_queue WHERE ref LIKE 'gap-%'")).isZero();
      Verification verification = verifier.verify();
      assertThat(verification.holds()).as(verification.firstDivergence()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void verificationNamesACommittedEntryTheIntegratorHasNotTaken() {
    SmartLifecycle integrator = context.getBean("integrationLoop", SmartLifecycle.class);
    String stalled = "stalled-" + world.suffix();
    integrator.stop();
    try {
      transactions.executeWithoutResult(status -> ledger.append(KIND, stalled, data(stalled)));
      long id =
          jdbc.sql("SELECT id FROM ledger_queue WHERE ref = :ref")
              .param("ref", stalled)
              .query(Long.class)
              .single();
      assertThat(ledger.awaitIntegration(java.time.Duration.ofMillis(300))).isFalse();

      Verification verification = verifier.verify();

      assertThat(verification.holds()).isFalse();
      assertThat(verification.firstDivergence())
          .startsWith("queue entry " + id + " (" + KIND + " " + stalled + ", queued at ")
          .endsWith("was committed before verification began but is not in the log");
    } finally {
      integrator.start();
    }
    assertThat(ledger.awaitIntegration()).isTrue();
    assertThat(ledger.leafFor(KIND, stalled)).isPresent();
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void eachLeafRecordsTheNodeWhoseIntegratorTookIt() {
    String ref = "node-" + world.suffix();
    transactions.executeWithoutResult(status -> ledger.append(KIND, ref, data(ref)));
    assertThat(ledger.awaitIntegration()).isTrue();

    assertThat(
            jdbc.sql("SELECT integrated_by FROM ledger_leaf WHERE kind = :kind AND ref = :ref")
                .param("kind", KIND)
                .param("ref", ref)
                .query(String.class)
                .single())
        .isEqualTo(context.getBean(SchedulerName.class).getName());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void insideATransactionAwaitingIntegrationAnswersAtOnceRatherThanHoldItsConnection() {
    SmartLifecycle integrator = context.getBean("integrationLoop", SmartLifecycle.class);
    String waiting = "inside-" + world.suffix();
    integrator.stop();
    try {
      transactions.executeWithoutResult(status -> ledger.append(KIND, waiting, data(waiting)));
      Boolean integrated =
          transactions.execute(status -> ledger.awaitIntegration(Duration.ofMinutes(5)));
      assertThat(integrated).as("a committed entry is still queued").isFalse();
    } finally {
      integrator.start();
    }
    assertThat(ledger.awaitIntegration()).isTrue();
    assertThat(ledger.leafFor(KIND, waiting)).isPresent();
  }

  @Test
  void theQueueToLogLatencyIsATimerScrapedByPrometheus() {
    transactions.executeWithoutResult(status -> ledger.append(KIND, "timed", data("timed")));
    assertThat(ledger.awaitIntegration()).isTrue();

    assertThat(meters.get(LedgerIntegrator.LATENCY).timer().count()).isPositive();
    String administrator =
        world.user(
            "administrator", world.agency("QUEUE", AgencyKind.FEDERAL, "USA"), Role.ADMINISTRATOR);
    assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic(administrator, World.PASSWORD)))
        .hasStatusOk()
        .bodyText()
        .contains("presstrace_ledger_integration_latency_seconds_bucket{le=\"1.0\"}")
        .contains("presstrace_ledger_integration_latency_seconds_count");
  }

  private long queueId(String ref) {
    return jdbc.sql("SELECT queue_id FROM ledger_leaf WHERE kind = :kind AND ref = :ref")
        .param("kind", KIND)
        .param("ref", ref)
        .query(Long.class)
        .single();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  static byte[] data(String ref) {
    return ("{\"ref\":\"" + ref + "\",\"type\":\"" + KIND + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
