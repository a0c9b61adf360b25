package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presstrace.shared.InvalidRequest;

/**
 * A quantity validates itself: hostile amount texts are refused at once with a message naming the
 * field, and valid ones read exactly as they always have.
 */
class QuantityTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e20000000",
        "1e-2147483647",
        "1E+2147483648",
        "NaN",
        "-Infinity",
        "Infinity",
        "-1",
        "0",
        "5,5",
        "1,50",
        "1,500",
        "1_000",
        "1e308",
        "\uFF11\uFF10",
        "\u0665",
        "\u0661\u0662\u0663",
        "\u06F5.\u06F5",
        "0x1A",
        "1.2.3",
        "12345678901234567890123456789012345678901234567890",
        "1000001",
        "0.0000000001"
      })
  void refusesHostileAmountTextsQuicklyNamingTheField(String amount) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThatThrownBy(() -> Quantity.parse(amount, "kg", "items[0].netWeight", "unit"))
                .isInstanceOfSatisfying(
                    InvalidRequest.class,
                    e -> {
                      assertThat(e.field()).isEqualTo("items[0].netWeight");
                      assertThat(e.getMessage()).isNotBlank();
                    }));
  }

  @Test
  void explainsEachRefusalInWords() {
    assertThat(message("1e20000000")).contains("exponent beyond 30");
    assertThat(message("1e-2147483647")).contains("exponent beyond -30");
    assertThat(message("NaN")).isEqualTo("'NaN' is not a finite number");
    assertThat(message("-1")).isEqualTo("weight -1 must be positive");
    assertThat(message("5,5")).contains("has a separator").contains("5.5");
    assertThat(message("1e308")).contains("exponent beyond 30");
    assertThat(message("\u0665")).contains("digits other than 0 to 9");
    assertThat(message("1000001")).contains("more than 1000000 kg");
    assertThat(message("0.0000000001")).contains("more than 9 decimals");
  }

  @Test
  void theBoundIsStatedInTheUnitGiven() {
    assertThatThrownBy(() -> Quantity.parse("2204623", "lb", "gross", "unit"))
        .hasMessageContaining("more than 2204622 lb");
    assertThat(Quantity.parse("2204622", "lb", "gross", "unit").milligrams())
        .isLessThanOrEqualTo(Quantity.MAX_MILLIGRAMS);
    assertThat(Quantity.parse("1000000", "kg", "gross", "unit").milligrams())
        .isEqualByComparingTo(Quantity.MAX_MILLIGRAMS);
  }

  @Test
  void aMissingOrUnknownUnitIsReportedAgainstTheUnitField() {
    assertThatThrownBy(() -> Quantity.parse("2", " ", "net", "netUnit"))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("netUnit"));
    assertThatThrownBy(() -> Quantity.parse("2", "stone", "net", "netUnit"))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("netUnit"));
  }

  @Test
  void readsPlainAmountsExactly() {
    assertThat(Quantity.parse("1500", "kg", "net", "unit"))
        .isEqualTo(new Quantity(new BigDecimal("1500"), MassUnit.KG));
    assertThat(Quantity.parse(" 1234567.25 ", "g", "net", "unit").amount())
        .isEqualByComparingTo("1234567.25");
    assertThat(Quantity.parse("2.5e3", "g", "net", "unit").milligrams())
        .isEqualByComparingTo("2500000");
    assertThat(Quantity.parse(".5", "lb", "net", "unit").milligrams())
        .isEqualByComparingTo("226796.185");
    assertThat(Quantity.parse("", "kg", "net", "unit")).isNull();
    assertThat(Quantity.parse(null, "kg", "net", "unit")).isNull();
  }

  @Test
  void theConstructorRefusesANegativeOrBoundlessAmount() {
    assertThatThrownBy(() -> new Quantity(new BigDecimal("-0.1"), MassUnit.G))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new Quantity(new BigDecimal("1E+2147483647"), MassUnit.MG))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("1,000 tonnes");
    assertThatThrownBy(() -> new Quantity(new BigDecimal("1E-2147483647"), MassUnit.MG))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("decimals");
    assertThatThrownBy(() -> Quantity.of(null, MassUnit.MG, "net"))
        .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("net"));
    assertThat(new Quantity(BigDecimal.ZERO, MassUnit.KG).milligrams()).isZero();
  }

  private static String message(String amount) {
    try {
      Quantity.parse(amount, "kg", "net", "unit");
    } catch (InvalidRequest e) {
      return e.getMessage();
    }
    throw new AssertionError(amount + " was accepted");
  }
}
