package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

class SerialNumberTests {

  @Test
  void keepsTheSerialAsEntered() {
    assertThat(new SerialNumber("  ab-10 o/s ").asEntered()).isEqualTo("ab-10 o/s");
  }

  @Test
  void normalisesCaseSeparatorsAndLookAlikes() {
    assertThat(new SerialNumber("ab-10 o/s").normalised()).isEqualTo("A81005");
    assertThat(new SerialNumber("ZP.19-OIL").normalised()).isEqualTo("2P19011");
    assertThat(new SerialNumber("A123-5501").normalised()).isEqualTo("A1235501");
  }

  @Test
  void lookAlikeSerialsNormaliseTheSame() {
    assertThat(new SerialNumber("SN-O1I5").normalised())
        .isEqualTo(new SerialNumber("5n 0115").normalised());
  }

  @Test
  void normalisesUnderATurkishLocaleLikeEverywhereElse() {
    var previous = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertThat(new SerialNumber("tix-100").normalised()).isEqualTo("T1X100");
    } finally {
      java.util.Locale.setDefault(previous);
    }
  }

  @Test
  void refusesBlankSerials() {
    assertThatThrownBy(() -> new SerialNumber("  "))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("serial is required");
  }

  @Test
  void refusesSerialsWithFewerThanThreeSignificantCharacters() {
    assertThatThrownBy(() -> new SerialNumber("A1"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("serial 'A1' is shorter than 3 characters");
    assertThatThrownBy(() -> new SerialNumber("A-1 ./"))
        .hasMessageStartingWith("serial 'A-1 ./' is shorter than 3 characters");
  }

  @Test
  void refusesSerialsLongerThan64Characters() {
    assertThatThrownBy(() -> new SerialNumber("X".repeat(65)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageEndingWith("is longer than 64 characters");
    assertThat(new SerialNumber("X".repeat(64)).normalised()).hasSize(64);
  }

  @Test
  void refusesCharactersThatAreNotPartOfASerial() {
    assertThatThrownBy(() -> new SerialNumber("AB#123"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("contains '#'")
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("serial"));
    assertThatThrownBy(() -> new SerialNumber("AB?123")).hasMessageContaining("contains '?'");
  }
}
