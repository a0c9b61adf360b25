package org.presstrace.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait after each failed delivery doubles from first-retry and stops growing at max-retry. */
class OutboxBackOffTests {

  private final OutboxSender sender =
      new OutboxSender(
          null,
          null,
          null,
          new ExchangeProperties(
              Path.of("unused.key"),
              null,
              "USA",
              "Authority",
              "http://localhost:8080",
              Duration.ofMinutes(5),
              new ExchangeProperties.Outbox(
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(2),
                  Duration.ofMinutes(1),
                  Duration.ofSeconds(5)),
              Duration.ofDays(15)),
          null,
          null,
          null);

  @Test
  void doublesFromTheFirstRetryUpToTheCap() {
    assertThat(sender.backOff(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(sender.backOff(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(sender.backOff(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(sender.backOff(6)).isEqualTo(Duration.ofMinutes(1));
    assertThat(sender.backOff(1_000_000)).isEqualTo(Duration.ofMinutes(1));
  }
}
