package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

class TransactionReportIdTests {

  @Test
  void issuedIdsHaveTheReadableShapeWithACheckCharacter() {
    var id = TransactionReportId.issue(2026, new Random(7));
    assertThat(id.value()).matches("PT-2026-[0-9A-HJKMNP-TV-Z]{9}");
    assertThat(TransactionReportId.parse(id.value(), "id")).isEqualTo(id);
  }

  @Test
  void issuedIdsDoNotRevealHowManyWereIssuedBefore() {
    var random = new Random(11);
    var seen = new HashSet<String>();
    String previous = null;
    int ascending = 0;
    for (int i = 0; i < 200; i++) {
      String id = TransactionReportId.issue(2026, random).value();
      assertThat(seen.add(id)).isTrue();
      if (previous != null && id.compareTo(previous) > 0) {
        ascending++;
      }
      previous = id;
    }
    assertThat(ascending).as("issue order is not id order").isBetween(60, 140);
  }

  @Test
  void aMistypedCharacterIsCaughtByTheCheckCharacter() {
    String id = TransactionReportId.issue(2026, new Random(3)).value();
    for (int at = 8; at < id.length(); at++) {
      for (char c : TransactionReportId.ALPHABET.toCharArray()) {
        if (c == id.charAt(at)) {
          continue;
        }
        String typo = id.substring(0, at) + c + id.substring(at + 1);
        assertThatThrownBy(() -> TransactionReportId.parse(typo, "transactionId"))
            .as(typo)
            .isInstanceOf(InvalidRequest.class)
            .hasMessageContaining("check character");
      }
    }
  }

  @Test
  void swappedNeighboursAreCaughtByTheCheckCharacter() {
    String id = TransactionReportId.issue(2026, new Random(5)).value();
    for (int at = 8; at < id.length() - 1; at++) {
      if (id.charAt(at) == id.charAt(at + 1)) {
        continue;
      }
      String swapped =
          id.substring(0, at) + id.charAt(at + 1) + id.charAt(at) + id.substring(at + 2);
      assertThatThrownBy(() -> TransactionReportId.parse(swapped, "transactionId"))
          .as(swapped)
          .isInstanceOf(InvalidRequest.class);
    }
  }

  @Test
  void idsAreReadLooselyAsTyped() {
    String id = TransactionReportId.issue(2026, new Random(9)).value();
    String typed =
        " "
            + id.substring(0, 8).toLowerCase(Locale.ROOT)
            + id.substring(8).toLowerCase(Locale.ROOT).replace('0', 'o').replace('1', 'l')
            + " ";
    assertThat(TransactionReportId.parse(typed, "id").value()).isEqualTo(id);
  }

  @Test
  void sequentialIdsIssuedBeforeStayValid() {
    assertThat(TransactionReportId.parse("PT-2026-000015", "id").value())
        .isEqualTo("PT-2026-000015");
    assertThat(TransactionReportId.parse("pt-2026-000016", "id").value())
        .isEqualTo("PT-2026-000016");
  }

  @Test
  void somethingElseIsNotATransactionId() {
    for (String bad : new String[] {"", "PT-2026", "XX-2026-000015", "PT-26-000015", "PT-2026-U"}) {
      assertThatThrownBy(() -> TransactionReportId.parse(bad, "transactionId"))
          .as(bad)
          .isInstanceOf(InvalidRequest.class);
    }
  }
}
