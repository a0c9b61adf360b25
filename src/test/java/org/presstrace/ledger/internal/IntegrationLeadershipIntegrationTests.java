package org.presstrace.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.presstrace.ledger.Ledger;
import org.presstrace.ledger.LedgerIntegrator;
import org.presstrace.ledger.LedgerVerifier;
import org.presstrace.support.PressTraceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two integrators on one database (the application's own and a second one, as a second process
 * would run it; on PostgreSQL each holds its advisory lock on a connection of its own): the second
 * never leads while the first does, and takes over, integrating what is committed, once the first
 * stops.
 */
@PressTraceIntegrationTest
@TestPropertySource(properties = "presstrace.test.isolation=ledger-leadership")
class IntegrationLeadershipIntegrationTests {

  static final String KIND = "leadership-test";

  @Autowired IntegrationLoop first;
  @Autowired LedgerIntegrator integrator;
  @Autowired LedgerProperties properties;
  @Autowired DataSource dataSource;
  @Autowired Ledger ledger;
  @Autowired LedgerVerifier verifier;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aSecondIntegratorWaitsWhileTheFirstLeadsAndTakesOverWhenItStops() throws Exception {
    var transactions = new TransactionTemplate(transactionManager);
    assertThat(awaitLeading(first, Duration.ofSeconds(30))).as("the first leads").isTrue();
    var second =
        new IntegrationLoop(
            integrator, new Leadership(dataSource), new IntegrationSignal(), properties);
    second.start();
    try {
      for (int i = 0; i < 20; i++) {
        int n = i;
        transactions.executeWithoutResult(
            status -> ledger.append(KIND, "while-first-" + n, data("while-first-" + n)));
        assertThat(ledger.awaitIntegration()).isTrue();
        assertThat(first.leading()).isTrue();
        assertThat(second.leading()).as("the second integrates while the first leads").isFalse();
        Thread.sleep(100);
      }

      first.stop();
      assertThat(first.leading()).isFalse();
      assertThat(awaitLeading(second, Duration.ofSeconds(30))).as("the second took over").isTrue();
      transactions.executeWithoutResult(
          status -> ledger.append(KIND, "after-first", data("after-first")));
      assertThat(ledger.awaitIntegration()).isTrue();
      assertThat(ledger.leafFor(KIND, "after-first")).isPresent();
      assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
    } finally {
      second.stop();
      first.start();
    }
    assertThat(awaitLeading(first, Duration.ofSeconds(30))).as("the first leads again").isTrue();
  }

  private static boolean awaitLeading(IntegrationLoop loop, Duration longest)
      throws InterruptedException {
    long deadline = System.nanoTime() + longest.toNanos();
    while (!loop.leading()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private static byte[] data(String ref) {
    return ("{\"ref\":\"" + ref + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
