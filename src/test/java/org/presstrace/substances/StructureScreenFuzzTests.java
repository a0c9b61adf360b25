package org.presstrace.substances;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.presstrace.shared.InvalidRequest;

/**
 * Any SMILES text is screened into a verdict or refused with an {@link InvalidRequest} naming
 * {@code smiles}, never anything else. Kept inputs are under
 * src/test/resources/org/presstrace/substances/StructureScreenFuzzTestsInputs/.
 */
class StructureScreenFuzzTests {

  private static final StructureScreen SCREEN = StructureScreen.builtIn();

  @DictionaryFile(resourcePath = "StructureScreenFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anySmilesIsScreenedOrRefused(@NotNull String smiles) {
    try {
      SCREEN.screen(smiles);
    } catch (InvalidRequest refused) {
      if (!"smiles".equals(refused.field())) {
        throw refused;
      }
    }
  }
}
