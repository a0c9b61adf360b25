package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.presstrace.shared.InvalidRequest;

/**
 * Any amount and unit text gives a bounded, exact quantity or an {@link InvalidRequest} naming the
 * field, quickly; the same for whole numbers such as pill counts. Kept inputs are under
 * src/test/resources/org/presstrace/seizures/QuantityFuzzTestsInputs/.
 */
class QuantityFuzzTests {

  @DictionaryFile(resourcePath = "QuantityFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anyAmountIsAQuantityOrARefusal(FuzzedDataProvider data) {
    String unit = data.consumeString(8);
    String whole = data.consumeString(48);
    String amount = data.consumeRemainingAsString();
    try {
      Quantity quantity = Quantity.parse(amount, unit, "netWeight", "netUnit");
      if (quantity != null) {
        assertThat(quantity.milligrams()).isLessThanOrEqualTo(Quantity.MAX_MILLIGRAMS);
        assertThat(quantity.amount().signum()).isPositive();
      }
    } catch (InvalidRequest refused) {
      assertThat(refused.field()).isIn("netWeight", "netUnit");
    }
    try {
      org.presstrace.shared.Decimals.wholeNumber(whole, "pillCount", 0, Long.MAX_VALUE);
    } catch (InvalidRequest refused) {
      assertThat(refused.field()).isEqualTo("pillCount");
    }
  }
}
