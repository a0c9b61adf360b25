package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.access.Role;
import org.presstrace.registry.ComplianceKind;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.ReportTiming;
import org.presstrace.registry.TransferMethod;
import org.presstrace.seizures.DoseMethod;
import org.presstrace.seizures.ItemForm;

class PresentationTests {

  static final Presentation SHOW = Presentation.load();
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void everyConstantOfTheEnumsPeopleReadHasItsOwnLabel() {
    for (Class<? extends Enum<?>> type :
        List.<Class<? extends Enum<?>>>of(
            EquipmentKind.class,
            CustodyState.class,
            ReportTiming.class,
            TransferMethod.class,
            RegistrantCategory.class,
            ComplianceKind.class,
            ItemForm.class,
            DoseMethod.class,
            Role.class)) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(SHOW.labelled(constant))
            .as(type.getSimpleName() + "." + constant.name())
            .isTrue();
        assertThat(SHOW.label(constant)).doesNotContain("_");
      }
    }
    assertThat(SHOW.label(EquipmentKind.TABLETING_ROTARY)).isEqualTo("Rotary tablet press");
    assertThat(SHOW.label(DoseMethod.LAB_PURITY)).isEqualTo("Laboratory purity");
    assertThat(SHOW.label(ItemForm.PILLS)).isEqualTo("Pills");
  }

  @Test
  void aCodeWithoutALabelReadsAsWordsAndTextIsLeftAlone() {
    assertThat(SHOW.label("SEIZED_STOLEN")).isEqualTo("Seized stolen");
    assertThat(SHOW.label("MachineReportedLost")).isEqualTo("Reported lost");
    assertThat(SHOW.label("COMMON_CARRIER")).isEqualTo("Common carrier");
    assertThat(SHOW.label("Acme RT-9")).isEqualTo("Acme RT-9");
  }

  @Test
  void momentsAreShownToTheMinuteInTheReadersZoneWithTheZoneNamed() {
    Instant at = Instant.parse("2026-12-06T19:05:42.123456Z");
    assertThat(SHOW.text(at, NEW_YORK)).isEqualTo("6 Dec 2026 14:05 EST");
    assertThat(SHOW.text(at, ZoneId.of("Asia/Tokyo"))).isEqualTo("7 Dec 2026 04:05 JST");
    assertThat(SHOW.text(at.atOffset(java.time.ZoneOffset.UTC), NEW_YORK))
        .isEqualTo("6 Dec 2026 14:05 EST");
  }

  @Test
  void collectionsReadAsTheirLabels() {
    assertThat(SHOW.text(Set.of(Role.ADMINISTRATOR), NEW_YORK)).isEqualTo("Administrator");
    assertThat(SHOW.text(List.of(), NEW_YORK)).isEqualTo("none");
  }

  @Test
  void storedProseNamesWhatTheReaderMayReadAndNothingElse() {
    String machine = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    String hidden = "11111111-2222-3333-4444-555555555555";
    String text =
        "transfer report for MachineTransferred of machine "
            + machine
            + " and machine "
            + hidden
            + " held by a DEALER, recorded on 2026-12-06T19:05:42.123456Z";
    assertThat(SHOW.prose(text, Map.of(machine, "Acme RT-9, serial A1"), NEW_YORK))
        .isEqualTo(
            "transfer report for the transfer of machine Acme RT-9, serial A1 and machine "
                + Presentation.OUTSIDE_ACCESS
                + " held by a dealer, recorded on 6 Dec 2026 14:05 EST");
    assertThat(
            SHOW.prose(
                "Li Na (Person " + machine + ") and Acme (Company " + hidden + ") share",
                null,
                NEW_YORK))
        .isEqualTo("Li Na (person) and Acme (company) share");
  }
}
