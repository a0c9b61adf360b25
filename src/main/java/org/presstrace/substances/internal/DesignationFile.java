package org.presstrace.substances.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.presstrace.substances.DesignationPreview.Problem;
import tools.jackson.core.JacksonException;

/**
 * Reads a designation announcement from JSON or CSV into a draft: the announcement's fields, one
 * row per substance, and the problems of form (the meaning is checked by {@code Designations}).
 *
 * <p>JSON: {@code {"jurisdiction", "instrument", "category", "effective", "source", "substances":
 * [{"name", "synonyms": [...], "chinese": [...], "cas", "smiles", "family"}]}}. CSV: a header row
 * with {@code jurisdiction, instrument, category, effective, source, name, synonyms, chinese, cas,
 * smiles, family}; the announcement's fields repeat on every row (they must agree), several
 * synonyms are separated by {@code |}.
 */
public final class DesignationFile {

  /** The columns a CSV designation may have. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "jurisdiction",
          "instrument",
          "category",
          "effective",
          "source",
          "name",
          "synonyms",
          "chinese",
          "cas",
          "smiles",
          "family");

  private static final List<String> ANNOUNCEMENT =
      List.of("jurisdiction", "instrument", "category", "effective", "source");

  /** One substance row as written. */
  public record DraftRow(
      int row,
      String name,
      List<String> synonyms,
      List<String> chinese,
      String cas,
      String smiles,
      String family) {}

  /** The announcement as written, with the problems of form. */
  public record Draft(
      String format,
      Map<String, String> announcement,
      List<DraftRow> rows,
      List<Problem> problems) {

    public String field(String name) {
      String value = announcement.get(name);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  private DesignationFile() {}

  /**
   * Reads {@code content}; {@code format} is {@code csv}, {@code json}, or null to tell by the
   * first character ({@code {} for JSON).
   */
  public static Draft read(String content, String format) {
    String text = content == null ? "" : content.strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String kind =
        format == null || format.isBlank()
            ? (text.startsWith("{") ? "json" : "csv")
            : format.strip().toLowerCase(Locale.ROOT);
    var problems = new ArrayList<Problem>();
    if (text.isEmpty()) {
      problems.add(new Problem(0, "file", null, "the file is empty"));
      return new Draft(kind, Map.of(), List.of(), problems);
    }
    return switch (kind) {
      case "json" -> json(text);
      case "csv" -> csv(text);
      default -> {
        problems.add(
            new Problem(0, "format", format, "format '" + format + "' is not csv or json"));
        yield new Draft(kind, Map.of(), List.of(), problems);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Draft json(String text) {
    var problems = new ArrayList<Problem>();
    Object parsed;
    try {
      parsed = PlainJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (JacksonException | IllegalStateException e) {
      problems.add(
          new Problem(0, "file", null, "the file is not valid JSON: " + firstLine(e.getMessage())));
      return new Draft("json", Map.of(), List.of(), problems);
    }
    if (!(parsed instanceof Map<?, ?> root)) {
      problems.add(new Problem(0, "file", null, "the JSON file must hold one object"));
      return new Draft("json", Map.of(), List.of(), problems);
    }
    var announcement = new java.util.LinkedHashMap<String, String>();
    for (String field : ANNOUNCEMENT) {
      Object value = root.get(field);
      announcement.put(field, value == null ? null : value.toString());
    }
    var rows = new ArrayList<DraftRow>();
    Object substances = root.get("substances");
    if (substances != null && !(substances instanceof List<?>)) {
      problems.add(new Problem(0, "substances", null, "substances must be an array of objects"));
    } else if (substances != null) {
      int row = 0;
      for (Object item : (List<Object>) substances) {
        row++;
        if (!(item instanceof Map<?, ?> object)) {
          problems.add(new Problem(row, "substances", null, "each substance must be an object"));
          continue;
        }
        rows.add(
            new DraftRow(
                row,
                text(object, "name"),
                strings(object.get("synonyms")),
                strings(object.get("chinese")),
                text(object, "cas"),
                text(object, "smiles"),
                text(object, "family")));
      }
    }
    return new Draft("json", announcement, rows, problems);
  }

  private static Draft csv(String text) {
    var problems = new ArrayList<Problem>();
    var announcement = new java.util.LinkedHashMap<String, String>();
    var rows = new ArrayList<DraftRow>();
    try (CSVParser csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get()
            .parse(new StringReader(text))) {
      var header = csv.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      for (String column : header) {
        if (!CSV_COLUMNS.contains(column)) {
          problems.add(
              new Problem(
                  0, "header", column, "column '" + column + "' is not one of " + CSV_COLUMNS));
        }
      }
      if (!header.contains("name")) {
        problems.add(new Problem(0, "header", null, "the header has no 'name' column"));
      }
      var written = new ArrayList<Map<String, String>>();
      for (CSVRecord record : csv) {
        int row = (int) record.getRecordNumber();
        var announced = new java.util.HashMap<String, String>();
        for (String field : ANNOUNCEMENT) {
          announced.put(field, cell(record, field));
        }
        written.add(announced);
        rows.add(
            new DraftRow(
                row,
                cell(record, "name"),
                split(cell(record, "synonyms")),
                split(cell(record, "chinese")),
                cell(record, "cas"),
                cell(record, "smiles"),
                cell(record, "family")));
      }
      for (String field : ANNOUNCEMENT) {
        announcement.put(field, agreed(field, rows, written, problems));
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      problems.add(
          new Problem(0, "file", null, "the file is not valid CSV: " + firstLine(e.getMessage())));
    }
    return new Draft("csv", announcement, rows, problems);
  }

  /**
   * The value most rows give for an announcement column; each row that gives another is the one
   * blamed, with the rows that agree named, so a single bad row is never shown as the good one.
   */
  private static String agreed(
      String field,
      List<DraftRow> rows,
      List<Map<String, String>> written,
      List<Problem> problems) {
    var rowsByValue = new java.util.LinkedHashMap<String, List<Integer>>();
    for (int i = 0; i < rows.size(); i++) {
      String value = written.get(i).get(field);
      rowsByValue
          .computeIfAbsent(value == null ? "" : value, v -> new ArrayList<>())
          .add(rows.get(i).row());
    }
    if (rowsByValue.isEmpty()) {
      return null;
    }
    String agreed =
        rowsByValue.entrySet().stream()
            .max(java.util.Comparator.comparingInt(entry -> entry.getValue().size()))
            .orElseThrow()
            .getKey();
    for (var value : rowsByValue.entrySet()) {
      if (value.getKey().equals(agreed)) {
        continue;
      }
      for (int row : value.getValue()) {
        problems.add(
            new Problem(
                row,
                field,
                value.getKey().isEmpty() ? null : value.getKey(),
                field
                    + " "
                    + shown(value.getKey())
                    + " differs from "
                    + shown(agreed)
                    + " given in "
                    + rowNames(rowsByValue.get(agreed))
                    + "; every row of one file announces the same "
                    + field));
      }
    }
    return agreed.isEmpty() ? null : agreed;
  }

  private static String shown(String value) {
    return value.isEmpty() ? "(empty)" : "'" + value + "'";
  }

  private static String rowNames(List<Integer> rows) {
    if (rows.size() == 1) {
      return "row " + rows.get(0);
    }
    if (rows.size() <= 4) {
      return "rows "
          + String.join(
              ", ", rows.subList(0, rows.size() - 1).stream().map(String::valueOf).toList())
          + " and "
          + rows.get(rows.size() - 1);
    }
    return rows.size() + " other rows (" + rows.get(0) + ", " + rows.get(1) + ", ...)";
  }

  private static String cell(CSVRecord record, String name) {
    return record.isMapped(name) && record.isSet(name) && !record.get(name).isBlank()
        ? record.get(name)
        : null;
  }

  private static List<String> split(String cell) {
    return cell == null
        ? List.of()
        : Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String text(Map<?, ?> object, String field) {
    Object value = object.get(field);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream()
          .filter(java.util.Objects::nonNull)
          .map(Object::toString)
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    }
    return value == null || value.toString().isBlank() ? List.of() : split(value.toString());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
