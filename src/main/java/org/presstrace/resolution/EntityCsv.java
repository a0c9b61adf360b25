package org.presstrace.resolution;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
 * street ...) are joined in map order.
 */
public final class EntityCsv {

  private final Schema schema;
  private final Map<String, String> columns;

  private EntityCsv(Schema schema, Map<String, String> columns) {
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
    if (!Files.isReadable(file)) {
      throw new InvalidRequest(field, "cannot read '" + file + "'");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(reader)) {
      for (String column : columns.keySet()) {
        if (!csv.getHeaderMap().keySet().stream()
            .anyMatch(name -> name.trim().equalsIgnoreCase(column))) {
          throw new InvalidRequest(field, "'" + file + "' has no column '" + column + "'");
        }
      }
      var entities = new ArrayList<Entity>();
      var seen = new HashSet<String>();
      for (CSVRecord row : csv) {
        Entity entity = entity(row, file.getFileName().toString());
        if (!seen.add(entity.id())) {
          throw new InvalidRequest(
              field,
              "'" + file + "' row " + row.getRecordNumber() + ": id '" + entity.id() + "' repeats");
        }
        entities.add(entity);
      }
      return entities;
    } catch (CSVException
        | java.io.UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException bad) {
      if (bad instanceof InvalidRequest invalid) {
        throw invalid;
      }
      throw new InvalidRequest(field, "'" + file + "' is not valid CSV: " + bad.getMessage());
    }
  }

  private Entity entity(CSVRecord row, String fileName) {
    String source = fileName + "#" + row.getRecordNumber();
    String id = "";
    var parts = new LinkedHashMap<String, List<String>>();
    for (var mapping : columns.entrySet()) {
      String value =
          row.isMapped(mapping.getKey()) && row.isSet(mapping.getKey())
              ? row.get(mapping.getKey())
              : "";
      if (mapping.getValue().equals("id")) {
        id = value;
      } else if (!value.isBlank()) {
        parts.computeIfAbsent(mapping.getValue(), p -> new ArrayList<>()).add(value);
      }
    }
    if (id.isBlank()) {
      throw new InvalidRequest("id", fileName + " row " + row.getRecordNumber() + " has no id");
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
}
