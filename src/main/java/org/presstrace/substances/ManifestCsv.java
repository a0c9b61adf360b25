package org.presstrace.substances;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.presstrace.shared.InvalidRequest;

/**
 * Reads manifest lines from CSV with a header row naming its columns: {@code description} (needed),
 * {@code cas, hs_code, quantity, shipper, consignee}; lines starting with {@code #} are comments.
 */
public final class ManifestCsv {

  private ManifestCsv() {}

  /** Every line of {@code text}. */
  public static List<ManifestLine> parse(String text) {
    var lines = new ArrayList<ManifestLine>();
    forEach(new StringReader(text == null ? "" : text), lines::add);
    return lines;
  }

  /**
   * Streams the lines of {@code reader} to {@code sink}.
   *
   * @throws InvalidRequest naming {@code file} when there is no header or no description column
   */
  public static void forEach(Reader reader, Consumer<ManifestLine> sink) {
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

  private static String field(CSVRecord record, String name) {
    return record.isMapped(name) && record.isSet(name) ? record.get(name) : "";
  }
}
