package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executors;
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

  private static final String SALT = "00112233445566778899aabbccddeeff";

  @Test
  void aCommitmentIsTheHmacItsDocumentationNames() {
    // Computed apart from PressTrace (Python's hmac module) over
    // label 0x00 field 0x00 0x01 value, and label 0x00 field 0x00 0x00 for an absent value.
    assertThat(Commitment.of(SALT, "serial", "AT-2400-01 \u03a9"))
        .isEqualTo("a6d7c9101d1448395163caaf6beff16592ede0fd144a67bcbe0de414341c4ec1");
    assertThat(Commitment.of(SALT, "imprint", null))
        .isEqualTo("7ed73d9cd6ad937a5c493a4fe49598b71a81a22c56e52c73cc376b8dcc50c25d");
  }

  @Test
  void aRefusedSaltLeavesNothingBehindForTheNextCommitmentOnTheThread() {
    String before = Commitment.of(SALT, "serial", "AT-2400-01 \u03a9");
    assertThatThrownBy(() -> Commitment.of("ab".repeat(8), "serial", "AT-2400-01 \u03a9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Commitment.of(SALT, "serial", "AT-2400-01 \u03a9")).isEqualTo(before);
  }

  @Test
  void aRecordsFieldsUnderOneSaltAreTheHmacsOfEachAloneHoweverTheyInterleave() throws Exception {
    var one = Commitment.under(SALT);
    var other = Commitment.under(Commitment.newSalt());
    String otherFirst = other.of("serial", "AT-2400-01 \u03a9");
    // the same values as above, with another salt's commitments between them on the same thread
    assertThat(one.of("serial", "AT-2400-01 \u03a9"))
        .isEqualTo("a6d7c9101d1448395163caaf6beff16592ede0fd144a67bcbe0de414341c4ec1");
    assertThat(other.of("serial", "AT-2400-01 \u03a9")).isEqualTo(otherFirst);
    assertThat(one.of("imprint", null))
        .isEqualTo("7ed73d9cd6ad937a5c493a4fe49598b71a81a22c56e52c73cc376b8dcc50c25d");
    assertThat(Commitment.of(SALT, "imprint", null)).isEqualTo(one.of("imprint", null));
    // and on another thread, whose engine was keyed for something else
    var elsewhere = Executors.newSingleThreadExecutor();
    try {
      elsewhere.submit(() -> other.of("imprint", "x")).get();
      assertThat(elsewhere.submit(() -> one.of("imprint", null)).get())
          .isEqualTo("7ed73d9cd6ad937a5c493a4fe49598b71a81a22c56e52c73cc376b8dcc50c25d");
    } finally {
      elsewhere.shutdownNow();
    }
  }

  @Test
  void aFieldThatFailsMidwayLeavesNothingInTheEngineForTheNext() {
    var one = Commitment.under(SALT);
    assertThatThrownBy(() -> one.of(null, "AT-2400-01 \u03a9"))
        .isInstanceOf(NullPointerException.class);
    assertThat(one.of("serial", "AT-2400-01 \u03a9"))
        .isEqualTo("a6d7c9101d1448395163caaf6beff16592ede0fd144a67bcbe0de414341c4ec1");
  }

  @Test
  void threadsCommittingAtOnceEachGetTheirOwnAnswer() throws Exception {
    int threads = 4;
    int perThread = 2_000;
    var expected = new java.util.HashMap<String, String>();
    var salts = new java.util.ArrayList<String>();
    for (int i = 0; i < 50; i++) {
      String salt = Commitment.newSalt();
      salts.add(salt);
      expected.put(salt, Commitment.of(salt, "details", "Bay " + salt));
    }
    var wrong =
        AtOnce.wrongAnswers(
            threads,
            perThread,
            (thread, i) -> {
              String salt = salts.get((i * 7 + thread) % salts.size());
              return Commitment.of(salt, "details", "Bay " + salt).equals(expected.get(salt));
            });
    for (int count : wrong) {
      assertThat(count).isZero();
    }
  }
}
