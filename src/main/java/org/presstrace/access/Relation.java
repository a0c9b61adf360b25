package org.presstrace.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@link GuardedReads#related} reads: rows of a table that refers to protected records (alias
 * {@code c}), such as the statements of a subject or a scored pair of two subjects. A row is
 * returned only when the caller may read every record it refers to, so a row never reveals a record
 * the caller could not read on its own. Columns, predicate and order are fixed by the calling
 * module, never taken from a request.
 *
 * @param table the table, e.g. {@code resolution_match}
 * @param ends each column of {@code c} holding a record id, with the kind of record it refers to
 * @param columns the columns to select, qualified by {@code c}
 * @param where an extra predicate over {@code c}, or {@code null}
 * @param parameters the predicate's named parameters; names must not start with {@code acc}
 * @param orderBy the order, a list of {@code c} columns, or {@code null}
 * @param limit the most rows returned
 */
public record Relation(
    String table,
    Map<String, ProtectedKind> ends,
    String columns,
    String where,
    Map<String, Object> parameters,
    String orderBy,
    int limit) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern COLUMNS =
      Pattern.compile("c\\.[a-z][a-z0-9_]*(, c\\.[a-z][a-z0-9_]*)*");
  private static final Pattern ORDER =
      Pattern.compile("c\\.[a-z_]+( (ASC|DESC))?(, c\\.[a-z_]+( (ASC|DESC))?)*");

  public Relation {
    ends = Collections.unmodifiableMap(new LinkedHashMap<>(ends));
    parameters = Map.copyOf(parameters);
    if (!IDENTIFIER.matcher(table).matches()) {
      throw new IllegalArgumentException("table '" + table + "' is not a plain identifier");
    }
    if (ends.isEmpty() || !ends.keySet().stream().allMatch(c -> IDENTIFIER.matcher(c).matches())) {
      throw new IllegalArgumentException("a relation needs its id columns as plain identifiers");
    }
    if (!COLUMNS.matcher(columns).matches()) {
      throw new IllegalArgumentException("'" + columns + "' is not a list of c columns");
    }
    if (orderBy != null && !ORDER.matcher(orderBy).matches()) {
      throw new IllegalArgumentException("order '" + orderBy + "' is not a list of c columns");
    }
    if (parameters.keySet().stream().anyMatch(name -> name.startsWith("acc"))) {
      throw new IllegalArgumentException("parameter names starting with acc are the policy's");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("a relation reads at least one row, not " + limit);
    }
  }

  /**
   * The rows of {@code table} whose id column {@code column} refers to a record of {@code kind}.
   */
  public static Relation of(String table, String column, ProtectedKind kind, String columns) {
    return new Relation(table, Map.of(column, kind), columns, null, Map.of(), null, 1000);
  }

  /** This relation with a second (or further) id column. */
  public Relation and(String column, ProtectedKind kind) {
    var more = new LinkedHashMap<>(ends);
    more.put(column, kind);
    return new Relation(table, more, columns, where, parameters, orderBy, limit);
  }

  /** This relation narrowed to the rows matching {@code predicate}. */
  public Relation where(String predicate, Map<String, Object> values) {
    return new Relation(table, ends, columns, predicate, values, orderBy, limit);
  }

  public Relation orderBy(String order) {
    return new Relation(table, ends, columns, where, parameters, order, limit);
  }

  public Relation limit(int rows) {
    return new Relation(table, ends, columns, where, parameters, orderBy, rows);
  }
}
