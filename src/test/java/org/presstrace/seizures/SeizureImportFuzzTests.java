package org.presstrace.seizures;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;

/**
 * A seizures CSV file of any bytes (read as UTF-8, as the import does) is read into drafts or
 * problems naming the row and column, and every draft is checked by the same rules as the API into
 * a seizure or problems: nothing else is thrown. Kept inputs are under
 * src/test/resources/org/presstrace/seizures/SeizureImportFuzzTestsInputs/.
 */
class SeizureImportFuzzTests {

  private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

  @DictionaryFile(resourcePath = "SeizureImportFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anySeizureFileGivesSeizuresOrProblems(@NotNull byte[] upload) throws IOException {
    SeizureCsv.Parsed parsed =
        SeizureCsv.read(
            new InputStreamReader(new ByteArrayInputStream(upload), StandardCharsets.UTF_8), "DEA");
    var problems = new ArrayList<FieldProblem>();
    int row = 0;
    for (SeizureDraft draft : parsed.drafts()) {
      row++;
      if (draft != null) {
        SeizureRules.check(draft, NOW, row, problems, SeizureLimits.DEFAULT);
      }
    }
  }
}
