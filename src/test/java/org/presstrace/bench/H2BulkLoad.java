package org.presstrace.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads H2 tables in bulk the way a restore does: the secondary indexes, unique constraints and
 * foreign keys of the tables are dropped before the rows go in and built again afterwards. H2 then
 * sorts each index once over the filled table instead of inserting ten million keys one by one into
 * six B-trees, and its background writer no longer rewrites the index pages of every chunk.
 *
 * <p>The definitions come from H2's own {@code SCRIPT NODATA}, so what is rebuilt is exactly what
 * the Flyway migrations created. Unique constraints are checked when they are rebuilt; foreign keys
 * are restored as H2 scripts them ({@code NOCHECK}), the generated rows being checked by {@code
 * RegistryWorldIntegrationTests}, which loads them with every key in place.
 */
final class H2BulkLoad {

  private static final Pattern STATEMENT_TABLE =
      Pattern.compile(
          "^(?:CREATE INDEX \"[^\"]+\"\\.\"([^\"]+)\" ON|ALTER TABLE) \"[^\"]+\"\\.\"([^\"]+)\"");
  private static final Pattern CONSTRAINT_NAME =
      Pattern.compile("ADD CONSTRAINT (\"[^\"]+\"\\.\"[^\"]+\")");

  private final List<String> indexes = new ArrayList<>();
  private final List<String> uniques = new ArrayList<>();
  private final List<String> foreignKeys = new ArrayList<>();
  private final List<String> drops = new ArrayList<>();

  private H2BulkLoad() {}

  /** Drops the secondary structures of {@code tables} and returns what rebuilds them. */
  static H2BulkLoad dropSecondaryStructures(Connection connection, List<String> tables)
      throws SQLException {
    var load = new H2BulkLoad();
    List<String> wanted = tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    try (Statement statement = connection.createStatement();
        ResultSet script =
            statement.executeQuery("SCRIPT NODATA TABLE " + String.join(", ", tables))) {
      while (script.next()) {
        load.consider(script.getString(1).strip(), wanted);
      }
    }
    var dropOrder = new ArrayList<String>();
    dropOrder.addAll(load.foreignKeys);
    dropOrder.addAll(load.uniques);
    dropOrder.addAll(load.indexes);
    try (Statement statement = connection.createStatement()) {
      for (String definition : dropOrder) {
        statement.execute(load.dropFor(definition));
      }
    }
    connection.commit();
    return load;
  }

  private void consider(String sql, List<String> tables) {
    Matcher matcher = STATEMENT_TABLE.matcher(sql);
    if (!matcher.find() || !tables.contains(matcher.group(2).toLowerCase(Locale.ROOT))) {
      return;
    }
    if (sql.startsWith("CREATE INDEX")) {
      indexes.add(sql);
    } else if (sql.contains(" UNIQUE ")) {
      uniques.add(sql);
    } else if (sql.contains(" FOREIGN KEY")) {
      foreignKeys.add(sql);
    }
  }

  private String dropFor(String definition) {
    Matcher table = STATEMENT_TABLE.matcher(definition);
    table.find();
    if (definition.startsWith("CREATE INDEX")) {
      return "DROP INDEX \"public\".\"" + table.group(1) + "\"";
    }
    Matcher constraint = CONSTRAINT_NAME.matcher(definition);
    if (!constraint.find()) {
      throw new IllegalStateException("no constraint name in: " + definition);
    }
    return "ALTER TABLE \"public\".\""
        + table.group(2)
        + "\" DROP CONSTRAINT "
        + constraint.group(1);
  }

  /** How many indexes, unique constraints and foreign keys were dropped. */
  String describe() {
    return indexes.size()
        + " indexes, "
        + uniques.size()
        + " unique constraints and "
        + foreignKeys.size()
        + " foreign keys";
  }

  /** Builds everything that was dropped again, unique constraints checked. */
  void rebuild(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (List<String> group : List.of(indexes, uniques, foreignKeys)) {
        for (String definition : group) {
          statement.execute(definition);
        }
      }
    }
    connection.commit();
  }
}
