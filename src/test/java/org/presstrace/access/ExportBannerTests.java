package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportBannerTests {

  @Test
  void theBannerIsTheHighestMarkingInTheFile() {
    assertThat(
            ExportBanner.of(
                List.of(
                    Marking.of("HSI", Tlp.GREEN),
                    new Marking("HSI", Tlp.AMBER, "LEI", false, null, "CASE-7"),
                    new Marking("HSI", Tlp.GREEN, "LEI", true, null, null))))
        .isEqualTo("TLP:AMBER // CUI//LEI//NOFORN // CASE-7");
  }

  @Test
  void aFileSpanningMoreCompartmentsThanOneCodeHoldsStillNamesThemAll() {
    var markings = new ArrayList<Marking>();
    for (int i = 0; i < 12; i++) {
      markings.add(new Marking("HSI", Tlp.AMBER, "LEI", false, null, "COMPARTMENT-" + i));
    }
    String banner = ExportBanner.of(markings);
    assertThat(banner).startsWith("TLP:AMBER // CUI//LEI // ");
    for (int i = 0; i < 12; i++) {
      assertThat(banner).contains("COMPARTMENT-" + i);
    }
  }

  @Test
  void anEmptyFileSaysItHoldsNoRecord() {
    assertThat(ExportBanner.csvLine(ExportBanner.of(List.of()))).isEqualTo("# no records\r\n");
  }
}
