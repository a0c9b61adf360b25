package org.presstrace.substances.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A designation file of any text, as CSV, as JSON or told apart by its first character, is read
 * into an announcement and rows, or problems: the reader never throws. Kept inputs are under
 * src/test/resources/org/presstrace/substances/internal/DesignationFileFuzzTestsInputs/.
 */
class DesignationFileFuzzTests {

  private static final String[] FORMATS = {null, "csv", "json", "", "xml"};

  @DictionaryFile(resourcePath = "DesignationFileFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anyDesignationFileGivesRowsOrProblems(FuzzedDataProvider data) {
    String format = data.pickValue(FORMATS);
    DesignationFile.read(data.consumeRemainingAsString(), format);
  }
}
