package org.presstrace.seizures.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.seizures.DoseCalculator;
import org.presstrace.seizures.DoseMethod;
import org.presstrace.seizures.DoseSettings;
import org.presstrace.seizures.ItemForm;
import org.presstrace.seizures.MassUnit;
import org.presstrace.seizures.Quantity;
import org.presstrace.seizures.Screening;
import org.presstrace.seizures.SeizureContext;
import org.presstrace.seizures.SeizureDetail;
import org.presstrace.seizures.SeizureItem;
import org.presstrace.seizures.SeizureItemRescreened;
import org.presstrace.seizures.SeizureRecorded;
import org.presstrace.seizures.SeizureView;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;

/** The seizure aggregate guards each change and records what happened. */
class SeizureTests {

  static final DoseCalculator CALCULATOR = new DoseCalculator(DoseSettings.published());
  static final Instant AT = Instant.parse("2025-06-01T12:00:00Z");
  static final Screening FENTANYL =
      new Screening("LISTED", "s-1", "fentanyl", "fentanyl", "name 'fentanyl' (score 100)");

  @Test
  void recordingWorksOutGroupsAndDosesAndRecordsTheSeizure() {
    Seizure seizure =
        Seizure.record(
            view(2, 1),
            List.of(
                powder("Fentanyl HCl", FENTANYL),
                powder(" Blue ", null).screened(Screening.notListed())),
            CALCULATOR);

    assertThat(seizure.recordedEvents()).containsExactly(new SeizureRecorded("z-1", 2, 1, AT));
    Seizure.Item first = seizure.items().get(0);
    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.group()).isEqualTo("fentanyl");
    assertThat(first.best()).isEqualTo(DoseMethod.ASSUMED_PURITY);
    assertThat(first.fentanylMg().get(DoseMethod.ASSUMED_PURITY)).isEqualByComparingTo("103000");
    assertThat(first.assumedBasis()).isEqualTo("1 kg net x 10.3% purity (configured)");
    assertThat(first.grossBasis()).isEqualTo("NET");
    Seizure.Item second = seizure.items().get(1);
    assertThat(second.group()).isEqualTo("blue");
    assertThat(second.best()).isNull();
    assertThat(second.fentanylMg()).isEmpty();
  }

  @Test
  void refusesToRecordAnItemThatWasNotScreened() {
    assertThatThrownBy(
            () -> Seizure.record(view(1, 0), List.of(powder("fentanyl", null)), CALCULATOR))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("item 1 of seizure SZ-1 is not screened");
  }

  @Test
  void refusesToRecordAReportWithNothingSeized() {
    assertThatThrownBy(() -> Seizure.record(view(0, 0), List.of(), CALCULATOR))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("items"));
  }

  @Test
  void countsUnregisteredEquipmentAndRefusesEquipmentItDoesNotList() {
    Seizure seizure = Seizure.record(view(0, 2), List.of(), CALCULATOR);
    seizure.equipmentTraced(equipment(1, "SEIZED"));
    seizure.equipmentTraced(equipment(2, "UNREGISTERED"));
    assertThat(seizure.unregistered()).isEqualTo(1);
    assertThatThrownBy(() -> seizure.equipmentTraced(equipment(3, "UNREGISTERED")))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("lists 2 pieces of equipment, all traced");
    assertThat(seizure.unregistered()).isEqualTo(1);
  }

  @Test
  void refusesEquipmentOutOfOrder() {
    Seizure seizure = Seizure.record(view(0, 2), List.of(), CALCULATOR);
    assertThatThrownBy(() -> seizure.equipmentTraced(equipment(2, "SEIZED")))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("piece 1 is next, not 2");
  }

  @Test
  void aNewVerdictOnAStoredItemGivesItDosesAndRecordsTheChange() {
    Seizure seizure =
        Seizure.stored("z-1", "SZ-1", Map.of(3, powder("zyka", Screening.notListed())));

    assertThat(seizure.rescreen(3, FENTANYL, CALCULATOR)).isTrue();

    assertThat(seizure.recordedEvents())
        .containsExactly(new SeizureItemRescreened("z-1", 3, "NOT_LISTED", "LISTED", "s-1"));
    assertThat(seizure.rescreenedItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.seq()).isEqualTo(3);
              assertThat(item.group()).isEqualTo("fentanyl");
              assertThat(item.best()).isEqualTo(DoseMethod.ASSUMED_PURITY);
            });
  }

  @Test
  void theSameVerdictAgainChangesNothing() {
    Seizure seizure = Seizure.stored("z-1", "SZ-1", Map.of(1, powder("fentanyl", FENTANYL)));
    assertThat(seizure.rescreen(1, FENTANYL, CALCULATOR)).isFalse();
    assertThat(seizure.recordedEvents()).isEmpty();
    assertThat(seizure.rescreenedItems()).isEmpty();
  }

  @Test
  void refusesToRescreenAnItemItDoesNotHold() {
    Seizure seizure = Seizure.stored("z-1", "SZ-1", Map.of(1, powder("fentanyl", FENTANYL)));
    assertThatThrownBy(() -> seizure.rescreen(2, FENTANYL, CALCULATOR))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("has no item 2");
  }

  private static SeizureItem powder(String substance, Screening screening) {
    return new SeizureItem(
        substance,
        null,
        ItemForm.POWDER,
        new Quantity(BigDecimal.ONE, MassUnit.KG),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        screening);
  }

  private static SeizureDetail.Equipment equipment(int seq, String outcome) {
    return new SeizureDetail.Equipment(
        seq, "SN-000" + seq, "PRESS", null, null, null, null, outcome, null);
  }

  private static SeizureView view(int items, int equipment) {
    return new SeizureView(
        "z-1",
        "SZ-1",
        OffsetDateTime.parse("2025-05-31T09:30-07:00"),
        "America/Phoenix",
        "2025-05",
        2025,
        SeizureContext.INTERIOR,
        null,
        "AZ",
        null,
        null,
        null,
        null,
        items,
        0,
        equipment,
        0,
        "officer",
        AT,
        Marking.of("CBP", Tlp.AMBER));
  }
}
