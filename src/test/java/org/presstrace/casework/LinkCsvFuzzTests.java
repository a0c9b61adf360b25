package org.presstrace.casework;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.StringReader;

/**
 * A links CSV file of any text is read into drafts or problems naming the row and column, never
 * anything else. Kept inputs are under
 * src/test/resources/org/presstrace/casework/LinkCsvFuzzTestsInputs/.
 */
class LinkCsvFuzzTests {

  @DictionaryFile(resourcePath = "LinkCsvFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anyLinksFileGivesDraftsOrProblems(@NotNull String csv) throws IOException {
    LinkCsv.read(new StringReader(csv), "DEA");
  }
}
