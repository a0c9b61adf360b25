package org.presstrace.substances;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.presstrace.shared.InvalidRequest;

/**
 * Reads manifest lines from one of two forms. CSV with a header row naming its columns: {@code
 * description} (needed), {@code cas, hs_code, quantity, shipper, consignee}. Or plain lines, one
 * substance a line, optionally followed by its quantity: after a comma, semicolon or tab ({@code
 * fentanyl citrate, 5 kg}), or as a number and a unit at the end ({@code 4-ANPP 25 kg}). In both,
 * lines starting with {@code #} are comments and blank lines are skipped.
 */
public final class ManifestCsv {

  /** The longest line read, in characters; a longer one is refused, not cut. */
  public static final int MAX_LINE = 2000;

  private static final Set<String> COLUMNS =
      Set.of("description", "cas", "hs_code", "quantity", "shipper", "consignee");

  /** A quantity after the last comma, semicolon or tab: it starts with a digit. */
  private static final Pattern AFTER_SEPARATOR =
      Pattern.compile("^(.*?)\\s*[,;\\t]\\s*(\\d[^,;\\t]*)$", Pattern.DOTALL);

  private static final Pattern CAS = Pattern.compile("\\d{2,7}-\\d{2}-\\d");

  /** A quantity written at the end: a number and a unit. */
  private static final Pattern AT_END =
      Pattern.compile(
          "^(.*\\S)\\s+(\\d+(?:[.,]\\d+)*\\s*(?:mg|g|kg|t|lb|lbs|oz|ml|l|pcs|units?|drums?|bags?"
              + "|bottles?|tablets?|pills?|cartons?|boxes))\\.?$",
          Pattern.CASE_INSENSITIVE);

  private ManifestCsv() {}

  /** Every line of {@code text}. */
  public static List<ManifestLine> parse(String text) {
    var lines = new ArrayList<ManifestLine>();
    forEach(new StringReader(text == null ? "" : text), lines::add);
    return lines;
  }

  /**
   * Streams the lines of {@code reader} to {@code sink}: as CSV when its first line is a header
   * naming columns, else as plain lines.
   *
   * @throws InvalidRequest naming {@code file} when a header lacks the description column, a line
   *     is longer than {@link #MAX_LINE} characters or the text holds characters that are not text
   */
  public static void forEach(Reader reader, Consumer<ManifestLine> sink) {
    var buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    try {
      buffered.mark(MAX_LINE * 64);
      boolean header = false;
      boolean empty = true;
      String line;
      while ((line = buffered.readLine()) != null) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          header = isHeader(line);
          empty = false;
          break;
        }
      }
      if (empty) {
        throw new InvalidRequest(
            "file",
            "the manifest is empty: give one substance a line, or CSV with a header row naming"
                + " description, cas, hs_code, quantity, shipper, consignee");
      }
      buffered.reset();
      if (header) {
        csv(buffered, sink);
      } else {
        plain(buffered, sink);
      }
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("mark")) {
        throw new InvalidRequest(
            "file", "the manifest's first line is longer than " + MAX_LINE + " characters");
      }
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether {@code line} is a header row: the description column alone, or several columns one of
   * which PressTrace knows (a header lacking the description is refused as such, not screened).
   */
  static boolean isHeader(String line) {
    var cells =
        Arrays.stream(line.split(",", -1))
            .map(cell -> cell.strip().replace("\"", "").toLowerCase(Locale.ROOT))
            .toList();
    return cells.equals(List.of("description"))
        || cells.size() > 1 && cells.stream().anyMatch(COLUMNS::contains);
  }

  private static void plain(BufferedReader reader, Consumer<ManifestLine> sink) throws IOException {
    String line;
    long number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      requireText(line, number);
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String description = text;
      String quantity = "";
      Matcher separated = AFTER_SEPARATOR.matcher(text);
      Matcher atEnd = AT_END.matcher(text);
      if (separated.matches()
          && !separated.group(1).isBlank()
          && !CAS.matcher(separated.group(2).strip()).matches()) {
        description = separated.group(1).strip();
        quantity = separated.group(2).strip();
      } else if (atEnd.matches()) {
        description = atEnd.group(1).strip();
        quantity = atEnd.group(2).strip();
      }
      sink.accept(new ManifestLine(number, description, "", "", quantity, "", ""));
    }
  }

  private static void csv(Reader reader, Consumer<ManifestLine> sink) {
    try (CSVParser csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setCommentMarker('#')
            .get()
            .parse(reader)) {
      if (!csv.getHeaderNames().stream()
          .map(name -> name.toLowerCase(Locale.ROOT))
          .toList()
          .contains("description")) {
        throw new InvalidRequest(
            "file",
            "the manifest has no 'description' column; the header row names description, cas,"
                + " hs_code, quantity, shipper, consignee");
      }
      for (CSVRecord record : csv) {
        for (String value : record.values()) {
          requireText(value, record.getRecordNumber());
        }
        sink.accept(
            new ManifestLine(
                record.getRecordNumber(),
                field(record, "description"),
                field(record, "cas"),
                field(record, "hs_code"),
                field(record, "quantity"),
                field(record, "shipper"),
                field(record, "consignee")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      if (e instanceof InvalidRequest invalid) {
        throw invalid;
      }
      throw new InvalidRequest("file", "the manifest is not valid CSV: " + e.getMessage());
    }
  }

  /** Refuses a line too long to be a manifest line, or one holding control characters. */
  private static void requireText(String line, long number) {
    if (line.length() > MAX_LINE) {
      throw new InvalidRequest(
          "file", "line " + number + " is longer than " + MAX_LINE + " characters");
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
        throw new InvalidRequest(
            "file",
            "line "
                + number
                + " holds characters that are not text (is it a binary file?); paste text or"
                + " upload a CSV file");
      }
    }
  }

  private static String field(CSVRecord record, String name) {
    return record.isMapped(name) && record.isSet(name) ? record.get(name) : "";
  }
}
