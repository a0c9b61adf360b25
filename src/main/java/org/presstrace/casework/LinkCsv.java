package org.presstrace.casework;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;

/**
 * Links in a CSV file, one a row: {@code schema,subject,object} (the first end is a subject id, the
 * second a subject id or {@code registrant:ID}, {@code machine:ID}, {@code seizure:ID}), then
 * {@code amount,currency,date,purpose,relationship,role,source,stated_on,tlp,cui_category,noforn,
 * rel_to}. Cells that cannot be read are reported with their row and column.
 */
public final class LinkCsv {

  public static final List<String> REQUIRED =
      List.of("schema", "subject", "object", "source", "tlp");
  public static final int MAX_ROWS = 20_000;

  private LinkCsv() {}

  /** The drafts read, and the rows (numbered from 1, header 0) that could not be read. */
  public record Parsed(List<LinkDraft> drafts, List<LinkBatch.Problem> problems) {}

  /**
   * Reads every row; a file that is not CSV (an unclosed quote, a missing or repeated header name)
   * is one problem, at row 0 for the header.
   */
  public static Parsed read(Reader reader, String agency) throws IOException {
    var drafts = new ArrayList<LinkDraft>();
    var problems = new ArrayList<LinkBatch.Problem>();
    int row = 0;
    boolean headerRead = false;
    try {
      CSVParser parser =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setTrim(true)
              .get()
              .parse(reader);
      for (String column : REQUIRED) {
        if (!parser.getHeaderMap().containsKey(column)) {
          problems.add(
              new LinkBatch.Problem(0, column, "the header has no column '" + column + "'"));
        }
      }
      if (!problems.isEmpty()) {
        return new Parsed(List.of(), problems);
      }
      headerRead = true;
      for (CSVRecord record : parser) {
        row++;
        if (row > MAX_ROWS) {
          problems.add(
              new LinkBatch.Problem(row, "", "a file holds at most " + MAX_ROWS + " links"));
          break;
        }
        try {
          drafts.add(draft(record, agency));
        } catch (InvalidRequest refused) {
          problems.add(new LinkBatch.Problem(row, refused.field(), refused.getMessage()));
          drafts.add(null);
        }
      }
    } catch (CSVException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException notCsv) {
      problems.add(
          new LinkBatch.Problem(
              headerRead ? row + 1 : 0, "", "the file is not valid CSV: " + notCsv.getMessage()));
    }
    return new Parsed(drafts, problems);
  }

  private static LinkDraft draft(CSVRecord record, String agency) {
    return new LinkDraft(
        LinkSchema.parse("schema", cell(record, "schema")),
        cell(record, "subject"),
        cell(record, "object"),
        amount(cell(record, "amount")),
        cell(record, "currency"),
        date(cell(record, "date"), "date"),
        cell(record, "purpose"),
        cell(record, "relationship"),
        cell(record, "role"),
        cell(record, "source"),
        date(cell(record, "stated_on"), "stated_on"),
        new Marking(
            agency,
            Tlp.parse(cell(record, "tlp")),
            cell(record, "cui_category"),
            "true".equalsIgnoreCase(cell(record, "noforn")),
            Marking.relTo(
                cell(record, "rel_to") == null
                    ? List.of()
                    : List.of(cell(record, "rel_to").split("[ ;]+"))),
            null));
  }

  private static String cell(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column) || record.get(column).isBlank()) {
      return null;
    }
    return record.get(column);
  }

  private static BigDecimal amount(String text) {
    // the sign and the range are the link's own rules (Links), read with their messages there
    return Decimals.parseSigned(text, "amount", Decimals.MAX_LENGTH, Decimals.MAX_LENGTH);
  }

  private static LocalDate date(String text, String column) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException notADate) {
      throw new InvalidRequest(column, "'" + text + "' is not a date (YYYY-MM-DD)");
    }
  }
}
