package org.presstrace.seizures;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.shared.InvalidRequest;

/**
 * Reads seizure reports from CSV (RFC 4180, UTF-8, a header row): one row per seizure with one
 * item; equipment and parties as {@code ;}-separated lists in one cell each. The columns are
 * documented in docs/seizures.md. Problems name the row and the column.
 */
public final class SeizureCsv {

  /** Every column, in the order of the sample file. */
  public static final List<String> COLUMNS =
      List.of(
          "reference",
          "occurred_at",
          "zone",
          "context",
          "port_of_entry",
          "region",
          "place",
          "latitude",
          "longitude",
          "substance",
          "cas",
          "form",
          "net_weight",
          "net_unit",
          "gross_weight",
          "gross_unit",
          "pill_count",
          "imprint",
          "colour",
          "purity_pct",
          "mg_per_pill",
          "share_2mg_pct",
          "equipment",
          "parties",
          "tlp",
          "cui_category",
          "rel_to",
          "narrative");

  static final Set<String> REQUIRED =
      Set.of("occurred_at", "zone", "context", "region", "substance", "form", "tlp");

  /** At most this many data rows per import. */
  public static final int MAX_ROWS = 20_000;

  private static final Map<String, String> FIELD_TO_COLUMN =
      Map.ofEntries(
          Map.entry("occurredAt", "occurred_at"),
          Map.entry("portOfEntry", "port_of_entry"),
          Map.entry("items", "substance"),
          Map.entry("items[0].substance", "substance"),
          Map.entry("items[0].cas", "cas"),
          Map.entry("items[0].form", "form"),
          Map.entry("items[0].netWeight", "net_weight"),
          Map.entry("items[0].netUnit", "net_unit"),
          Map.entry("items[0].grossWeight", "gross_weight"),
          Map.entry("items[0].grossUnit", "gross_unit"),
          Map.entry("items[0].pillCount", "pill_count"),
          Map.entry("items[0].imprint", "imprint"),
          Map.entry("items[0].colour", "colour"),
          Map.entry("items[0].purityPct", "purity_pct"),
          Map.entry("items[0].mgPerPill", "mg_per_pill"),
          Map.entry("items[0].shareAtLeast2mgPct", "share_2mg_pct"),
          Map.entry("marking.tlp", "tlp"),
          Map.entry("marking.cuiCategory", "cui_category"),
          Map.entry("marking.relTo", "rel_to"),
          Map.entry("marking", "tlp"));

  private static final Pattern LIST_ENTRY = Pattern.compile("\\[(\\d+)]\\..*");

  /** What the reader found: drafts in row order, or problems. */
  public record Parsed(List<SeizureDraft> drafts, List<FieldProblem> problems) {}

  private SeizureCsv() {}

  /** The CSV column a problem of {@link SeizureRules} is about. */
  public static FieldProblem inColumns(FieldProblem problem) {
    String field = problem.field() == null ? "" : problem.field();
    String column = FIELD_TO_COLUMN.get(field);
    if (column == null && field.startsWith("equipment")) {
      column = "equipment";
    } else if (column == null && field.startsWith("parties")) {
      column = "parties";
    } else if (column == null) {
      column = field;
    }
    String entry =
        LIST_ENTRY.matcher(field.replaceFirst("^(equipment|parties)", "")).matches()
            ? " (entry " + (Integer.parseInt(field.replaceAll("^\\w+\\[(\\d+)].*", "$1")) + 1) + ")"
            : "";
    return new FieldProblem(problem.row(), column, problem.message() + entry);
  }

  /** Reads every row; a malformed file or header is one problem at row 0. */
  public static Parsed read(Reader reader, String agency) throws IOException {
    var problems = new ArrayList<FieldProblem>();
    var drafts = new ArrayList<SeizureDraft>();
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      var header = new LinkedHashSet<>(parser.getHeaderNames());
      for (String name : header) {
        if (!COLUMNS.contains(name)) {
          problems.add(
              new FieldProblem(0, name, "unknown column '" + name + "'; see docs/seizures.md"));
        }
      }
      for (String name : REQUIRED) {
        if (!header.contains(name)) {
          problems.add(
              new FieldProblem(0, name, "the header lacks required column '" + name + "'"));
        }
      }
      if (!problems.isEmpty()) {
        return new Parsed(List.of(), problems);
      }
      int row = 0;
      for (CSVRecord record : parser) {
        row++;
        if (row > MAX_ROWS) {
          problems.add(
              new FieldProblem(row, "", "more than " + MAX_ROWS + " rows; split the file"));
          break;
        }
        if (!record.isConsistent()) {
          problems.add(
              new FieldProblem(
                  row,
                  "",
                  "the row has " + record.size() + " fields, the header " + header.size()));
          drafts.add(null);
          continue;
        }
        try {
          drafts.add(draft(record, agency));
        } catch (InvalidRequest e) {
          problems.add(inColumns(new FieldProblem(row, e.field(), e.getMessage())));
          drafts.add(null);
        }
      }
    } catch (CSVException
        | IllegalArgumentException
        | IllegalStateException
        | java.io.UncheckedIOException e) {
      problems.add(new FieldProblem(0, "", "the file is not valid CSV: " + e.getMessage()));
    }
    return new Parsed(drafts, problems);
  }

  private static SeizureDraft draft(CSVRecord record, String agency) {
    var item =
        new SeizureDraft.SeizureItemDraft(
            cell(record, "substance"),
            cell(record, "cas"),
            cell(record, "form"),
            cell(record, "net_weight"),
            cell(record, "net_unit"),
            cell(record, "gross_weight"),
            cell(record, "gross_unit"),
            cell(record, "pill_count"),
            cell(record, "imprint"),
            cell(record, "colour"),
            cell(record, "purity_pct"),
            cell(record, "mg_per_pill"),
            cell(record, "share_2mg_pct"));
    String relTo = cell(record, "rel_to");
    var marking =
        new Marking(
            agency,
            Tlp.parse(cell(record, "tlp")),
            cell(record, "cui_category"),
            false,
            Marking.relTo(
                relTo == null
                    ? List.of()
                    : Arrays.stream(relTo.split("[;,\\s]+")).filter(s -> !s.isBlank()).toList()),
            null);
    return new SeizureDraft(
        cell(record, "reference"),
        cell(record, "occurred_at"),
        cell(record, "zone"),
        cell(record, "context"),
        cell(record, "port_of_entry"),
        cell(record, "region"),
        cell(record, "place"),
        cell(record, "latitude"),
        cell(record, "longitude"),
        cell(record, "narrative"),
        marking,
        List.of(item),
        equipment(cell(record, "equipment")),
        parties(cell(record, "parties")));
  }

  /** {@code PRESS:AT-1234; MOULD:M30-77} (kind optional, press by default). */
  static List<SeizureDraft.EquipmentDraft> equipment(String cell) {
    var list = new ArrayList<SeizureDraft.EquipmentDraft>();
    for (String entry : entries(cell)) {
      int colon = entry.indexOf(':');
      String kind = colon > 0 ? entry.substring(0, colon).strip() : "PRESS";
      String serial = colon > 0 ? entry.substring(colon + 1).strip() : entry;
      list.add(new SeizureDraft.EquipmentDraft(serial, kind, null));
    }
    return list;
  }

  /** {@code person:Jane Roe; vehicle:AZ ABC1234; company:Acme Logistics}. */
  static List<SeizureDraft.PartyDraft> parties(String cell) {
    var list = new ArrayList<SeizureDraft.PartyDraft>();
    for (String entry : entries(cell)) {
      int colon = entry.indexOf(':');
      String kind = colon > 0 ? entry.substring(0, colon).strip() : "";
      String name = colon > 0 ? entry.substring(colon + 1).strip() : entry;
      list.add(new SeizureDraft.PartyDraft(kind.toUpperCase(Locale.ROOT), name, null, null, null));
    }
    return list;
  }

  private static List<String> entries(String cell) {
    if (cell == null) {
      return List.of();
    }
    return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String cell(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value == null || value.isBlank() ? null : value;
  }
}
