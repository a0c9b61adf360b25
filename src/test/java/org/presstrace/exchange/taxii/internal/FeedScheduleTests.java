package org.presstrace.exchange.taxii.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The feed sweep's delay: a duration, or "-" for no sweeps; nonsense stops the start. */
class FeedScheduleTests {

  @Test
  void readsDurationsAndTurnsOffWithADash() {
    assertThat(new FeedSchedule.Properties("-").delay()).isNull();
    assertThat(new FeedSchedule.Properties(" - ").delay()).isNull();
    assertThat(new FeedSchedule.Properties("PT1M").delay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(new FeedSchedule.Properties("30s").delay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refusesWhatIsNotADurationOrIsTooShort() {
    for (String bad : new String[] {"soon", "", "0s", "PT0.5S", "-1m"}) {
      assertThatThrownBy(() -> new FeedSchedule.Properties(bad).delay())
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("presstrace.exchange.taxii.feed-sweep");
    }
  }
}
