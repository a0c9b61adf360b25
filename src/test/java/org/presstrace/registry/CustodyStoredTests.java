package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CustodyStoredTests {

  static final CustodyEvent SOLD =
      new MachineTransferred(
          "m1",
          "DEALER",
          "OWNER",
          "PPR-OWNER",
          Instant.parse("2026-12-01T10:00:00Z"),
          LocalDate.parse("2026-12-01"));
  static final CustodyRecord.OwnMarking NONE =
      new CustodyRecord.OwnMarking(null, null, null, false, null, null);
  static final String SALT = "9f86d081884c7d659a2feaa0c55ad015";

  @Test
  void itsTextNamesTheEntryButNeverTheSalt() {
    var stored =
        new CustodyStored(
            SOLD, 2, SALT, new CustodyRecord.OwnMarking("DEA", "AMBER", "LEI", true, null, "K1"));
    assertThat(stored.toString())
        .isEqualTo("CustodyStored[MachineTransferred of m1, entry 2]")
        .doesNotContain(SALT)
        .doesNotContain("K1");
  }

  @Test
  void anEntryWithoutARankOrASaltIsRefused() {
    assertThatThrownBy(() -> new CustodyStored(SOLD, 0, SALT, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from 1");
    assertThatThrownBy(() -> new CustodyStored(SOLD, 1, " ", NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("salt");
    assertThatThrownBy(() -> new CustodyStored(SOLD, 1, null, NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
