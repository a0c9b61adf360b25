package org.presstrace.registry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.presstrace.shared.Utf8Text;

/**
 * An import file read as UTF-8 CSV (RFC 4180, a header row, an optional byte-order mark): its rows,
 * or the problems that stop it being read at all.
 */
final class ImportFile {

  /** The longest value a cell may hold; every column's own limit is shorter. */
  static final int CELL_LIMIT = 1000;

  static final Set<ImportColumn> REQUIRED =
      EnumSet.of(
          ImportColumn.RECORD, ImportColumn.SERIAL, ImportColumn.MAKE, ImportColumn.OCCURRED_ON);

  /** A data row: its number as a spreadsheet shows it, and its non-empty cells by column. */
  record Row(long number, Map<ImportColumn, String> cells) {
    String get(ImportColumn column) {
      return cells.get(column);
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<ImportProblem> problems = new ArrayList<>();

  private ImportFile() {}

  List<Row> rows() {
    return rows;
  }

  List<ImportProblem> problems() {
    return problems;
  }

  static ImportFile read(byte[] content) {
    var file = new ImportFile();
    String text = file.decode(content);
    if (text != null) {
      file.parse(text);
    }
    return file;
  }

  /** Leading bytes of files people upload by mistake, and what to call them. */
  private static final Map<String, String> NOT_CSV =
      Map.of(
          "%PDF", "a PDF document",
          "PK\u0003\u0004", "a ZIP archive or an Excel or OpenDocument workbook",
          "\u00D0\u00CF\u0011\u00E0", "an Excel 97-2003 workbook",
          "\u0089PNG", "a PNG image",
          "\u00FF\u00D8\u00FF", "a JPEG image",
          "GIF8", "a GIF image");

  /** How far into a file {@link #notCsv} looks for binary content. */
  private static final int SNIFF_BYTES = 8192;

  /**
   * Why an uploaded file cannot be a CSV file at all (empty, a workbook, a document, an image,
   * other binary content), or null when it may be one; its rows are then read and checked as usual.
   */
  static String notCsv(byte[] content) {
    String head =
        new String(content, 0, Math.min(content.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    if (content.length <= SNIFF_BYTES && head.replaceFirst("^\u00EF\u00BB\u00BF", "").isBlank()) {
      return "the file is empty: choose a CSV file whose first row is the header of columns";
    }
    for (Map.Entry<String, String> known : NOT_CSV.entrySet()) {
      if (head.startsWith(known.getKey())) {
        return notCsv(known.getValue());
      }
    }
    boolean utf16 = head.startsWith("\u00FE\u00FF") || head.startsWith("\u00FF\u00FE");
    return !utf16 && head.indexOf('\u0000') >= 0 ? notCsv("binary data, not text") : null;
  }

  private static String notCsv(String what) {
    return "this is not a CSV file (it looks like "
        + what
        + "): save the sheet as CSV UTF-8 and upload that file";
  }

  private String decode(byte[] content) {
    if (content.length >= 2
        && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
            || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
      problems.add(
          ImportProblem.of(1, null, null, "the file is UTF-16; save it as UTF-8 (CSV UTF-8)"));
      return null;
    }
    var decoded = Utf8Text.strictly(content);
    if (decoded.text() == null) {
      int at = decoded.badByte();
      problems.add(
          ImportProblem.of(
              lineOf(content, at),
              null,
              String.format("0x%02X", content[at]),
              "byte "
                  + at
                  + " is not UTF-8 text; save the file as UTF-8 (CSV UTF-8), not in a legacy"
                  + " code page"));
      return null;
    }
    String text = decoded.text();
    if (text.isBlank()) {
      problems.add(
          ImportProblem.of(
              1, null, null, "the file is empty; its first row must be the header of columns"));
      return null;
    }
    return text;
  }

  private static long lineOf(byte[] content, int offset) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      if (content[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private void parse(String text) {
    var format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      var records = parser.iterator();
      List<ImportColumn> header = header(records.next());
      if (header == null) {
        return;
      }
      while (records.hasNext()) {
        row(header, records.next());
      }
      if (rows.isEmpty() && problems.isEmpty()) {
        problems.add(ImportProblem.of(1, null, null, "the file has a header but no rows"));
      }
    } catch (UncheckedIOException | IllegalStateException | IOException e) {
      problems.add(
          ImportProblem.of(
              rows.isEmpty() ? 2 : rows.get(rows.size() - 1).number() + 1,
              null,
              null,
              "the file is not valid CSV here: a quoted field is not closed, or a quote stands"
                  + " inside an unquoted field"));
    }
  }

  /** The header's columns in order, or null when it has problems. */
  private List<ImportColumn> header(CSVRecord record) {
    var columns = new ArrayList<ImportColumn>();
    for (String cell : record) {
      var column = ImportColumn.named(cell);
      if (column.isEmpty()) {
        problems.add(
            ImportProblem.of(
                1,
                null,
                cell,
                cell.isBlank()
                    ? "a header cell is empty; every column needs a name"
                    : "unknown column; the columns are " + ImportColumn.known()));
      } else if (columns.contains(column.get())) {
        problems.add(ImportProblem.of(1, column.get().header(), cell, "the column appears twice"));
      } else {
        columns.add(column.get());
      }
    }
    for (ImportColumn required : REQUIRED) {
      if (!columns.contains(required)) {
        problems.add(
            ImportProblem.of(1, required.header(), null, "the header lacks this required column"));
      }
    }
    return problems.isEmpty() ? columns : null;
  }

  private void row(List<ImportColumn> header, CSVRecord record) {
    long number = record.getRecordNumber();
    if (record.size() == 1 && record.get(0).isBlank()) {
      return;
    }
    if (record.size() != header.size()) {
      problems.add(
          ImportProblem.of(
              number,
              null,
              null,
              "the row has "
                  + record.size()
                  + " fields but the header has "
                  + header.size()
                  + "; quote a value that contains a comma"));
      return;
    }
    var cells = new EnumMap<ImportColumn, String>(ImportColumn.class);
    boolean tooLong = false;
    for (int i = 0; i < header.size(); i++) {
      String value = record.get(i).strip();
      if (value.length() > CELL_LIMIT) {
        problems.add(
            ImportProblem.of(
                number,
                header.get(i).header(),
                value,
                "the value is longer than " + CELL_LIMIT + " characters"));
        tooLong = true;
      } else if (!value.isEmpty()) {
        cells.put(header.get(i), value);
      }
    }
    if (!tooLong) {
      rows.add(new Row(number, cells));
    }
  }
}
