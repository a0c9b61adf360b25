package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.presstrace.shared.InvalidRequest;

class CasNumberTests {

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
    "437-38-7, fentanyl",
    "39742-60-4, NPP",
    "21409-26-7, 4-ANPP",
    "1609-66-1, norfentanyl",
    "23056-29-3, 4-AP",
    "125541-22-2, 1-boc-4-AP",
    "41661-47-6, 4-piperidone",
    "79099-07-3, 1-boc-4-piperidone",
    "59708-52-0, carfentanil",
    "14188-81-9, isotonitazene",
    "50-00-0, formaldehyde"
  })
  void acceptsRealNumbersOfTheBuiltInList(String value, String substance) {
    assertThat(CasNumber.of(value).value()).isEqualTo(value);
    assertThat(CasNumber.checkDigitFails(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"50-00-1", "437-38-8", "1609-66-3"})
  void rejectsANumberFailingItsCheckDigit(String value) {
    assertThatThrownBy(() -> CasNumber.of(value))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("CAS number '" + value + "' fails its check digit")
        .extracting(e -> ((InvalidRequest) e).field())
        .isEqualTo("cas");
    assertThat(CasNumber.checkDigitFails(value)).isTrue();
    assertThat(CasNumber.looksLikeOne(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "437387", "4-38-7", "12345678-00-1", "437-38-77", "abc-de-f"})
  void rejectsTextNotInTheFormOfACasNumber(String value) {
    assertThatThrownBy(() -> CasNumber.of(value))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("is not in the form NNNNNNN-NN-N");
    assertThat(CasNumber.checkDigitFails(value)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void stripsSurroundingSpace() {
    assertThat(CasNumber.of(" 437-38-7 ")).isEqualTo(CasNumber.of("437-38-7"));
  }
}
