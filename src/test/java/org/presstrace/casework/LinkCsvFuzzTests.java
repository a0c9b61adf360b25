package org.presstrace.casework;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A links CSV file of any bytes (read as UTF-8, as the import does) is read into drafts or problems
 * naming the row and column, never anything else. Kept inputs are under
 * src/test/resources/org/presstrace/casework/LinkCsvFuzzTestsInputs/.
 */
class LinkCsvFuzzTests {

  @DictionaryFile(resourcePath = "LinkCsvFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anyLinksFileGivesDraftsOrProblems(@NotNull byte[] upload) throws IOException {
    LinkCsv.read(
        new InputStreamReader(new ByteArrayInputStream(upload), StandardCharsets.UTF_8), "DEA");
  }
}
