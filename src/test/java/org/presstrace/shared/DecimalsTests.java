package org.presstrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one number reader refuses every hostile text at once, naming the field, and reads ordinary
 * numbers exactly.
 */
class DecimalsTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e20000000",
        "1e2147483647",
        "1e-2147483647",
        "1E+2147483648",
        "NaN",
        "-Infinity",
        "Infinity",
        "-1",
        "+1",
        "5,5",
        "1,500",
        "1_000",
        "1 000",
        "0x1A",
        "1.2.3",
        "1e",
        ".",
        "--1",
        "\u0665",
        "\u0661\u0662\u0663",
        "\u06F5.\u06F5",
        "\uFF11\uFF12",
        "\uD800",
        "12345678901234",
        "0.0000000001",
        "12345678901234567890123456789012345678901234567890123456789012345"
      })
  void refusesHostileTextsQuicklyNamingTheField(String text) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThatThrownBy(() -> Decimals.parse(text, "netWeight", 13, 9))
                .isInstanceOfSatisfying(
                    InvalidRequest.class,
                    e -> {
                      assertThat(e.field()).isEqualTo("netWeight");
                      assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(200);
                    }));
  }

  @Test
  void explainsEachRefusalInWords() {
    assertThat(message("1e20000000")).contains("exponent beyond 30");
    assertThat(message("1e-2147483647")).contains("exponent beyond -30");
    assertThat(message("NaN")).isEqualTo("'NaN' is not a finite number");
    assertThat(message("-1")).isEqualTo("w -1 must not be negative");
    assertThat(message("5,5")).contains("has a separator").contains("5.5");
    assertThat(message("\u0665")).contains("digits other than 0 to 9");
    assertThat(message("\uFF15")).contains("digits other than 0 to 9");
    assertThat(message("12345678901234")).contains("more than 13 digits before the point");
    assertThat(message("0.0000000001")).contains("more than 9 decimals");
    assertThat(message("1e31")).contains("exponent beyond 30");
  }

  @Test
  void readsOrdinaryNumbersExactly() {
    assertThat(Decimals.parse(" 1500 ", "w", 13, 9)).isEqualByComparingTo("1500");
    assertThat(Decimals.parse("5.5", "w", 13, 9)).isEqualByComparingTo("5.5");
    assertThat(Decimals.parse(".5", "w", 13, 9)).isEqualByComparingTo("0.5");
    assertThat(Decimals.parse("2.5e3", "w", 13, 9)).isEqualByComparingTo("2500");
    assertThat(Decimals.parse("1000.000000000000", "w", 13, 9)).isEqualByComparingTo("1000");
    assertThat(Decimals.parse("", "w", 13, 9)).isNull();
    assertThat(Decimals.parse(null, "w", 13, 9)).isNull();
    assertThat(Decimals.parseSigned("-112.5", "longitude", 3, 9)).isEqualByComparingTo("-112.5");
  }

  @Test
  void wholeNumbersKeepToTheirRange() {
    assertThat(Decimals.wholeNumber("5000", "pillCount", 1, 50_000_000)).isEqualTo(5000L);
    assertThat(Decimals.wholeNumber(" ", "pillCount", 1, 50_000_000)).isNull();
    assertThatThrownBy(() -> Decimals.wholeNumber("1e9", "pillCount", 1, 50_000_000))
        .hasMessage("pillCount 1000000000 is outside 1 to 50000000");
    assertThatThrownBy(() -> Decimals.wholeNumber("2.5", "pillCount", 1, 50_000_000))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> Decimals.wholeNumber("99999999999999999999", "k", 1, 5))
        .hasMessageContaining("more than 19 digits");
    assertThat(Decimals.wholeNumber("-3", "offset", -5, 5)).isEqualTo(-3L);
  }

  @Test
  void boundValuesAreCheckedBeforeAnyArithmetic() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> {
          assertThatThrownBy(() -> Decimals.check(new BigDecimal("1E+2147483647"), "amount", 13, 2))
              .isInstanceOfSatisfying(
                  InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("amount"))
              .hasMessageContaining("more than 13 digits");
          assertThatThrownBy(() -> Decimals.check(new BigDecimal("1E-2147483647"), "amount", 13, 2))
              .hasMessageContaining("more than 2 decimals");
          assertThatThrownBy(
                  () ->
                      Decimals.inRange(
                          new BigDecimal("1E+308"),
                          "latitude",
                          BigDecimal.valueOf(-90),
                          BigDecimal.valueOf(90),
                          9))
              .hasMessage("latitude 1E+308 is outside -90 to 90");
        });
    assertThat(Decimals.check(new BigDecimal("12.50"), "amount", 13, 2))
        .isEqualByComparingTo("12.5");
    assertThat(Decimals.check(null, "amount", 13, 2)).isNull();
  }

  private static String message(String text) {
    try {
      Decimals.parse(text, "w", 13, 9);
    } catch (InvalidRequest e) {
      return e.getMessage();
    }
    throw new AssertionError(text + " was accepted");
  }
}
