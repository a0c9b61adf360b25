package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's back-dating is refused outside the demo world. */
class DemoHistoryTests {

  final DemoHistory outsideTheDemo = new DemoHistory(null, false);

  @Test
  void refusesToBackdateCustodyReportsOutsideTheDemoWorld() {
    assertThatThrownBy(
            () -> outsideTheDemo.dateCustodyReportsAsReported(LocalDate.now(), List.of("m1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("presstrace.demo.enabled=true");
  }

  @Test
  void refusesToMoveAnExpiryDayOutsideTheDemoWorld() {
    assertThatThrownBy(() -> outsideTheDemo.expireOn("r1", LocalDate.now().minusDays(3)))
        .isInstanceOf(IllegalStateException.class);
  }
}
