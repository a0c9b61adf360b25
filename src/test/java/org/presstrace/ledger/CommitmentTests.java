package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommitmentTests {

  @Test
  void theSamePlaceUnderTwoSaltsCommitsDifferently() {
    String one = Commitment.newSalt();
    String two = Commitment.newSalt();
    assertThat(one).hasSize(32).isNotEqualTo(two);
    assertThat(Commitment.of(one, "details", "Bay 4"))
        .hasSize(64)
        .isNotEqualTo(Commitment.of(two, "details", "Bay 4"));
  }

  @Test
  void aCommitmentBindsItsFieldAndTellsAbsentFromEmpty() {
    String salt = Commitment.newSalt();
    assertThat(Commitment.of(salt, "details", "Bay 4"))
        .isEqualTo(Commitment.of(salt, "details", "Bay 4"))
        .isNotEqualTo(Commitment.of(salt, "purpose", "Bay 4"))
        .isNotEqualTo(Commitment.of(salt, "details", "Bay 5"));
    assertThat(Commitment.of(salt, "details", null))
        .isNotEqualTo(Commitment.of(salt, "details", ""));
    assertThat(Commitment.of(salt, "to", "registrant"))
        .as("field and value are separated, not concatenated")
        .isNotEqualTo(Commitment.of(salt, "tor", "egistrant"));
  }

  @Test
  void aSaltTooShortToHideAShortValueIsRefused() {
    assertThatThrownBy(() -> Commitment.of("00".repeat(8), "details", "Bay 4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 bytes is shorter than 16");
  }
}
