package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.presstrace.shared.InvalidRequest;

/**
 * Any serial text is a {@link SerialNumber} or an {@link InvalidRequest} naming {@code serial}; any
 * pattern text is a {@link SerialPattern} (with its SQL and in-memory forms) or one naming {@code
 * pattern}; matching a pattern against a serial answers quickly. Kept inputs are under
 * src/test/resources/org/presstrace/registry/SerialPatternFuzzTestsInputs/.
 */
class SerialPatternFuzzTests {

  @DictionaryFile(resourcePath = "SerialPatternFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anySerialAndPatternAreReadOrRefused(FuzzedDataProvider data) {
    String serialText = data.consumeString(80);
    String patternText = data.consumeRemainingAsString();
    SerialNumber serial = null;
    try {
      serial = new SerialNumber(serialText);
      assertThat(serial.normalised()).matches("[0-9A-Z]{3,}");
    } catch (InvalidRequest refused) {
      assertThat(refused.field()).isEqualTo("serial");
    }
    try {
      var pattern = new SerialPattern(patternText);
      assertThat(pattern.like()).doesNotContain("?", "*");
      assertThat(pattern.normalised()).startsWith(pattern.fixedPrefix());
      if (serial != null) {
        pattern.matches(serial);
      }
    } catch (InvalidRequest refused) {
      assertThat(refused.field()).isEqualTo("pattern");
    }
  }
}
