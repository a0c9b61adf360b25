package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

class DeaRegistrationNumberTests {

  /** A valid number for two letters and six digits, computed here by the documented rule. */
  static String valid(String letters, String sixDigits) {
    int[] d = sixDigits.chars().map(c -> c - '0').toArray();
    int sum = (d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5]);
    return letters + sixDigits + (sum % 10);
  }

  @Test
  void acceptsNumbersWhoseCheckDigitHolds() {
    // (1+3+5) + 2*(2+4+6) = 33: check digit 3
    assertThat(new DeaRegistrationNumber("AB1234563").value()).isEqualTo("AB1234563");
    String lowerCase = valid("FM", "987654").toLowerCase(java.util.Locale.ROOT);
    assertThat(new DeaRegistrationNumber(" " + lowerCase + " ").value())
        .isEqualTo(valid("FM", "987654"));
    for (String six : new String[] {"000000", "999999", "501127", "314159"}) {
      String number = valid("RX", six);
      assertThat(new DeaRegistrationNumber(number).value()).isEqualTo(number);
    }
  }

  @Test
  void refusesAWrongCheckDigitNamingTheRule() {
    assertThatThrownBy(() -> new DeaRegistrationNumber("AB1234564"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage(
            "DEA registration number 'AB1234564' fails the check digit:"
                + " (d1+d3+d5) + 2*(d2+d4+d6) ends in 3, not 4")
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("deaNumber"));
  }

  @Test
  void refusesTheWrongShape() {
    for (String bad : new String[] {"A12345678", "AB123456", "AB12345678", "1B1234563", ""}) {
      assertThatThrownBy(() -> new DeaRegistrationNumber(bad))
          .as(bad)
          .isInstanceOf(InvalidRequest.class)
          .hasMessageContaining("must be two letters followed by seven digits");
    }
  }

  @Test
  void blankMeansNone() {
    assertThat(DeaRegistrationNumber.ofNullable(" ")).isNull();
  }
}
