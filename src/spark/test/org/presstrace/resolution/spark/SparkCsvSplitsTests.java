package org.presstrace.resolution.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presstrace.resolution.EntityCsv;
import org.presstrace.shared.InvalidRequest;

/**
 * The boundaries of the parts a CSV file is read in on the executors: for every split size, the
 * parts parsed one by one give the records of the whole file, in order, however the ranges cut
 * quoted fields with line breaks, CRLF line ends, escaped quotes and empty lines.
 */
@Tag("spark")
class SparkCsvSplitsTests {

  static final Path FIXTURES = Path.of("src/test/resources/resolution/engines");

  /** Every record of {@code bytes}, the header row first, read in parts of {@code splitBytes}. */
  static List<List<String>> inParts(byte[] bytes, int splitBytes) throws IOException {
    int dataStart = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF ? 3 : 0;
    List<CsvSplits.Summary> summaries = new ArrayList<>();
    for (long[] range : CsvSplits.ranges(dataStart, bytes.length, splitBytes)) {
      var in = new ByteArrayInputStream(bytes, (int) range[0], (int) range[1]);
      summaries.add(CsvSplits.scan(in, range[0], range[1]));
    }
    List<List<String>> records = new ArrayList<>();
    for (CsvSplits.Part part : CsvSplits.parts(dataStart, bytes.length, summaries)) {
      var text =
          new InputStreamReader(
              new ByteArrayInputStream(bytes, (int) part.start(), (int) part.length()),
              StandardCharsets.UTF_8);
      EntityCsv.records(text, "file", "left")
          .forEachRemaining(values -> records.add(Arrays.asList(values)));
    }
    return records;
  }

  /** Every record of {@code bytes} read in one piece. */
  static List<List<String>> whole(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> records = new ArrayList<>();
    EntityCsv.records(new StringReader(text), "file", "left")
        .forEachRemaining(values -> records.add(Arrays.asList(values)));
    return records;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "companies-multiline-a.csv",
        "companies-multiline-b.csv",
        "companies-a.csv",
        "people.csv"
      })
  void everySplitSizeGivesTheRecordsOfTheWholeFile(String name) throws IOException {
    byte[] bytes = Files.readAllBytes(FIXTURES.resolve(name));
    List<List<String>> expected = whole(bytes);
    assertThat(expected).hasSizeGreaterThan(5);

    for (int splitBytes = 1; splitBytes <= bytes.length + 1; splitBytes++) {
      assertThat(inParts(bytes, splitBytes)).as("split size %d", splitBytes).isEqualTo(expected);
    }
  }

  @Test
  void aRangeInsideAQuotedFieldHoldsNoRecordStart() throws IOException {
    String quoted = "id,note\n1,\"a\nb\nc\nd\ne\nf\"\n2,x\n";
    byte[] bytes = quoted.getBytes(StandardCharsets.UTF_8);

    assertThat(inParts(bytes, 3)).isEqualTo(whole(bytes)).hasSize(3);
    assertThat(whole(bytes).get(1)).containsExactly("1", "a\nb\nc\nd\ne\nf");
  }

  @Test
  void quotesInsideAnUnquotedFieldAreText() throws IOException {
    byte[] bytes =
        "id,note\n1,5\" press\n2,\"x\"\"y\"\n3,a\"b\"c\n".getBytes(StandardCharsets.UTF_8);

    for (int splitBytes = 1; splitBytes <= bytes.length; splitBytes++) {
      assertThat(inParts(bytes, splitBytes)).isEqualTo(whole(bytes)).hasSize(4);
    }
  }

  @Test
  void textAfterAClosingQuoteIsRefusedInTheRightPart() {
    byte[] bytes = "id,note\n1,ok\n2,\"x\"y\n3,z\n".getBytes(StandardCharsets.UTF_8);

    for (int splitBytes = 1; splitBytes <= bytes.length; splitBytes++) {
      int size = splitBytes;
      assertThatThrownBy(() -> inParts(bytes, size))
          .isInstanceOf(InvalidRequest.class)
          .hasMessageContaining("is not valid CSV");
    }
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    byte[] bytes = "id,note\n1,ok\n2,\"never closed\n3,z\n".getBytes(StandardCharsets.UTF_8);

    for (int splitBytes = 1; splitBytes <= bytes.length; splitBytes++) {
      int size = splitBytes;
      assertThatThrownBy(() -> inParts(bytes, size))
          .isInstanceOf(InvalidRequest.class)
          .hasMessageContaining("is not valid CSV");
    }
  }
}
