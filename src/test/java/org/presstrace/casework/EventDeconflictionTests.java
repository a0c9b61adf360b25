package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overlapping operations of two agencies alert both with a pointer; nothing else does. */
class EventDeconflictionTests {

  final EventDeconfliction deconfliction = new EventDeconfliction();

  static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

  static PlannedOperation operation(
      String id, String agency, Instant start, int hours, double lat, double lon, double radius) {
    return new PlannedOperation(
        id,
        agency,
        agency.equals("DEA") ? "DEA-C-417" : "CBP-C-88",
        "Duty desk " + agency + " +1 202 555 01" + id.length(),
        start,
        start.plusSeconds(hours * 3600L),
        lat,
        lon,
        radius);
  }

  @Test
  void overlappingTimeAndPlaceAlertBothAgenciesWithAPointerOnly() {
    deconfliction.plan(operation("op1", "DEA", NINE, 4, 32.5149, -117.0382, 500));

    List<PointerAlert> alerts =
        deconfliction.plan(
            operation("op2", "CBP", NINE.plusSeconds(3 * 3600), 2, 32.5170, -117.0400, 300));

    assertThat(alerts).hasSize(2);
    PointerAlert toCbp = alerts.get(0);
    PointerAlert toDea = alerts.get(1);
    assertThat(toCbp.recipient()).isEqualTo("CBP");
    assertThat(toCbp.otherAgency()).isEqualTo("DEA");
    assertThat(toCbp.otherCaseReference()).isEqualTo("DEA-C-417");
    assertThat(toDea.recipient()).isEqualTo("DEA");
    assertThat(toDea.otherContact()).startsWith("Duty desk CBP");
    // Nothing of the other operation but its agency, case reference and contact.
    assertThat(toCbp.text())
        .doesNotContain("op1")
        .doesNotContain("32.51")
        .doesNotContain("117.0")
        .doesNotContain("09:00")
        .doesNotContain("2026");
  }

  @Test
  void oneAgencysOwnOperationsDoNotAlert() {
    deconfliction.plan(operation("op1", "DEA", NINE, 4, 32.5149, -117.0382, 500));

    assertThat(deconfliction.plan(operation("op2", "DEA", NINE, 4, 32.5149, -117.0382, 500)))
        .isEmpty();
  }

  @Test
  void noAlertWhenEitherTheTimeOrThePlaceDiffers() {
    deconfliction.plan(operation("op1", "DEA", NINE, 4, 32.5149, -117.0382, 500));

    assertThat(
            deconfliction.plan(
                operation("later", "CBP", NINE.plusSeconds(4 * 3600), 2, 32.5149, -117.0382, 500)))
        .isEmpty();
    assertThat(deconfliction.plan(operation("far", "CBP", NINE, 4, 32.5400, -117.0382, 500)))
        .isEmpty();
  }

  @Test
  void badOperationsAreRefused() {
    assertThatThrownBy(() -> operation("x", "DEA", NINE, 0, 32.5, -117.0, 500))
        .hasMessageContaining("end after it starts");
    assertThatThrownBy(() -> operation("x", "DEA", NINE, 1, 95, -117.0, 500))
        .hasMessageContaining("latitude");
    assertThatThrownBy(() -> operation("x", "DEA", NINE, 1, 32.5, -117.0, 0))
        .hasMessageContaining("radius");
    assertThatThrownBy(
            () -> new PlannedOperation("x", "DEA", "C-1", " ", NINE, NINE.plusSeconds(60), 0, 0, 1))
        .hasMessageContaining("contact is required");
  }
}
