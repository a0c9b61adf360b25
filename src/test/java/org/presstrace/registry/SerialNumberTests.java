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
  void identityIsTheSerialAsStampedIgnoringOnlyCaseSpacesAndDashes() {
    assertThat(new SerialNumber("zq b-1234").identity()).isEqualTo("ZQB1234");
    assertThat(new SerialNumber("ZQ-B1234").identity())
        .isEqualTo(new SerialNumber(" zq\tB 12-34 ").identity());
  }

  @Test
  void lookAlikeSerialsAreDifferentIdentitiesThoughTheyTraceAlike() {
    var letter = new SerialNumber("ZQ-B1234");
    var digit = new SerialNumber("ZQ-81234");
    assertThat(letter.identity()).isNotEqualTo(digit.identity());
    assertThat(letter.normalised()).isEqualTo(digit.normalised());
    assertThat(new SerialNumber("S100").identity())
        .isNotEqualTo(new SerialNumber("5100").identity());
    assertThat(new SerialNumber("SN-O1I5").identity())
        .isNotEqualTo(new SerialNumber("5N-0115").identity());
  }

  @Test
  void identityKeepsDotsAndSlashesAsStamped() {
    assertThat(new SerialNumber("ab.12/7").identity()).isEqualTo("AB.12/7");
    assertThat(new SerialNumber("ab.12/7").identity())
        .isNotEqualTo(new SerialNumber("AB127").identity());
  }

  @Test
  void identityUnderATurkishLocaleLikeEverywhereElse() {
    var previous = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertThat(new SerialNumber("tix-100").identity()).isEqualTo("TIX100");
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
