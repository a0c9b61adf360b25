package org.presstrace.resolution;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.presstrace.shared.InvalidRequest;

/**
 * Reads entities from a CSV file with a header row. Each row is one entity; its id comes from the
 * {@code id} column (or the column mapped to {@code id}); mapped columns become statements whose
 * source is the file name and row. Several columns mapped to one text property (name, address,
 * street ...) are joined in map order. A byte order mark before the header is skipped.
 *
 * <p>An engine that reads a file in parts on several machines uses the same steps as {@link #read}:
 * {@link #columns} on the header, {@link #records} on each part, {@link #entity} on each record
 * with its number in the file (the first record after the header is 1).
 */
public final class EntityCsv implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The byte order mark, as the first character a UTF-8 reader gives. */
  public static final char BOM = '\uFEFF';

  private static final CSVFormat RECORDS =
      CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();

  private static final CSVFormat WITH_HEADER =
      RECORDS.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).get();

  private final Schema schema;
  private final LinkedHashMap<String, String> columns;

  private EntityCsv(Schema schema, LinkedHashMap<String, String> columns) {
    this.schema = schema;
    this.columns = columns;
  }

  /**
   * A reader for {@code schema} with the mapping {@code COLUMN=property,...}; column names are
   * matched without regard to case.
   */
  public static EntityCsv mapping(Schema schema, String map) {
    if (map == null || map.isBlank()) {
      throw new InvalidRequest("map", "give --map COLUMN=property,... (at least one property)");
    }
    var columns = new LinkedHashMap<String, String>();
    for (String pair : map.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new InvalidRequest("map", "'" + pair.trim() + "' is not COLUMN=property");
      }
      String column = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String property = pair.substring(eq + 1).trim();
      property = property.equalsIgnoreCase("id") ? "id" : schema.property("map", property);
      if (columns.put(column, property) != null) {
        throw new InvalidRequest("map", "column '" + column + "' is mapped twice");
      }
    }
    if (!columns.containsValue("id")) {
      columns.putIfAbsent("id", "id");
    }
    return new EntityCsv(schema, columns);
  }

  /** The entities of {@code file}; a row without an id or a repeated id is refused. */
  public List<Entity> read(Path file, String field) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidRequest(field, "cannot read '" + file + "'");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = WITH_HEADER.parse(withoutBom(reader))) {
      Columns places = columns(csv, file.toString(), field);
      String fileName = file.getFileName().toString();
      var entities = new ArrayList<Entity>();
      var seen = new HashSet<String>();
      for (CSVRecord row : csv) {
        Entity entity = entity(places, row.values(), fileName, row.getRecordNumber());
        if (!seen.add(entity.id())) {
          throw new InvalidRequest(
              field, repeats(file.toString(), row.getRecordNumber(), entity.id()));
        }
        entities.add(entity);
      }
      return entities;
    } catch (CSVException | UncheckedIOException | IllegalStateException bad) {
      throw notCsv(file.toString(), field, bad);
    } catch (IllegalArgumentException bad) {
      if (bad instanceof InvalidRequest invalid) {
        throw invalid;
      }
      throw notCsv(file.toString(), field, bad);
    }
  }

  /**
   * Reads the header row of {@code file} from {@code reader} (a byte order mark skipped) and finds
   * the mapped columns in it; a missing column is refused as {@link #read} refuses it.
   */
  public Columns columns(Reader reader, String file, String field) throws IOException {
    try (CSVParser csv = WITH_HEADER.parse(withoutBom(reader))) {
      return columns(csv, file, field);
    } catch (CSVException | UncheckedIOException | IllegalStateException bad) {
      throw notCsv(file, field, bad);
    } catch (IllegalArgumentException bad) {
      if (bad instanceof InvalidRequest invalid) {
        throw invalid;
      }
      throw notCsv(file, field, bad);
    }
  }

  private Columns columns(CSVParser csv, String file, String field) {
    Map<String, Integer> header = csv.getHeaderMap();
    for (String column : columns.keySet()) {
      if (!header.keySet().stream().anyMatch(name -> name.trim().equalsIgnoreCase(column))) {
        throw new InvalidRequest(field, "'" + file + "' has no column '" + column + "'");
      }
    }
    int[] places = new int[columns.size()];
    int i = 0;
    for (String column : columns.keySet()) {
      Integer place = header.get(column);
      places[i++] = place == null ? -1 : place;
    }
    return new Columns(places);
  }

  /**
   * The values of each record read from {@code part}, a piece of a file that starts and ends at a
   * record boundary and holds no header row, parsed as {@link #read} parses records. The iterator
   * throws {@link InvalidRequest} ("is not valid CSV") where the text is not CSV.
   */
  public static Iterator<String[]> records(Reader part, String file, String field)
      throws IOException {
    CSVParser csv = RECORDS.parse(part);
    Iterator<CSVRecord> rows = csv.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return rows.hasNext();
        } catch (UncheckedIOException | IllegalStateException bad) {
          throw notCsv(file, field, bad);
        }
      }

      @Override
      public String[] next() {
        try {
          return rows.next().values();
        } catch (UncheckedIOException | IllegalStateException bad) {
          throw notCsv(file, field, bad);
        }
      }
    };
  }

  /**
   * The entity of one record, {@code number} in {@code fileName} (1 for the first record after the
   * header), its columns found by {@link #columns}; a record without an id is refused.
   */
  public Entity entity(Columns places, String[] values, String fileName, long number) {
    String source = fileName + "#" + number;
    String id = "";
    var parts = new LinkedHashMap<String, List<String>>();
    int i = 0;
    for (var mapping : columns.entrySet()) {
      int place = places.places[i++];
      String value = place >= 0 && place < values.length ? values[place] : "";
      if (mapping.getValue().equals("id")) {
        id = value;
      } else if (!value.isBlank()) {
        parts.computeIfAbsent(mapping.getValue(), p -> new ArrayList<>()).add(value);
      }
    }
    if (id.isBlank()) {
      throw new InvalidRequest("id", fileName + " row " + number + " has no id");
    }
    Entity entity = Entity.of(id, schema);
    for (var part : parts.entrySet()) {
      if (Schema.joinsParts(part.getKey())) {
        entity = entity.with(part.getKey(), String.join(" ", part.getValue()), source);
      } else {
        for (String value : part.getValue()) {
          entity = entity.with(part.getKey(), value, source);
        }
      }
    }
    return entity;
  }

  /** The refusal of {@code id} seen again in record {@code number} of {@code file}. */
  public static String repeats(String file, long number, String id) {
    return "'" + file + "' row " + number + ": id '" + id + "' repeats";
  }

  private static InvalidRequest notCsv(String file, String field, Exception bad) {
    return new InvalidRequest(field, "'" + file + "' is not valid CSV: " + bad.getMessage());
  }

  private static Reader withoutBom(Reader reader) throws IOException {
    var marked = reader.markSupported() ? reader : new java.io.BufferedReader(reader);
    marked.mark(1);
    if (marked.read() != BOM) {
      marked.reset();
    }
    return marked;
  }

  /** Where each mapped column lies in a file's records, found in its header. */
  public static final class Columns implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int[] places;

    private Columns(int[] places) {
      this.places = places;
    }
  }
}
