package org.presstrace.access.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.presstrace.access.Aggregation;
import org.presstrace.access.Criteria;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Relation;
import org.presstrace.access.SqlFilter;
import org.presstrace.access.Tlp;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SingleColumnRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@code GuardedReads}: each query over a protected table (alias {@code r}) ANDs in
 * the policy's filter for the caller. Tables, columns and predicates come from the calling module's
 * {@link ProtectedKind}, {@link Criteria}, {@link Relation} and {@link Aggregation}, never from a
 * request. Purposes and the audit trail are {@code GuardedReads}' business, not this class's.
 */
@Repository
public class GuardedQueries {

  /** The alias of a referenced record in {@link #readable} and {@link #related} filters. */
  private static final String REFERENCED = "acc_ref";

  /** The alias of a stored version in {@link #versions}. */
  private static final String VERSION = "acc_ver";

  private final JdbcClient jdbc;

  GuardedQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The policy's filter for one caller over rows of {@code kind} aliased {@code alias}. */
  @FunctionalInterface
  public interface Filters {
    SqlFilter over(ProtectedKind kind, String alias);
  }

  /** A page of rows, the ids of the records on it, and how many records match in all. */
  public record PageOfRows<T>(List<T> items, List<String> ids, long total) {}

  /** The versions of a record the caller may read, and how many are stored. */
  public record Versions<T>(List<T> shown, long stored) {}

  /** Child rows, and the ids of the records they hang off, in order. */
  public record Children<T>(List<T> rows, List<String> records) {}

  /** Rows of {@code kind} matching {@code predicate} and {@code filter}. */
  public <T> List<T> select(
      ProtectedKind kind,
      String columns,
      SqlFilter filter,
      String predicate,
      Map<String, Object> parameters,
      RowMapper<T> mapper) {
    return jdbc.sql(
            "SELECT "
                + columns
                + " FROM "
                + kind.table()
                + " r WHERE "
                + predicate
                + " AND ("
                + filter.sql()
                + ")")
        .params(filter.parameters())
        .params(parameters)
        .query(mapper)
        .list();
  }

  /** Whether record {@code id} of {@code kind} passes {@code filter}. */
  public boolean visible(ProtectedKind kind, SqlFilter filter, String id) {
    return !select(
            kind,
            "r.id",
            filter,
            "r.id = :acc_id",
            Map.of("acc_id", id),
            new SingleColumnRowMapper<>(String.class))
        .isEmpty();
  }

  /** Which of {@code ids} (of {@code kind}) pass {@code filter}, in one statement. */
  public java.util.Set<String> visibleAmong(
      ProtectedKind kind, SqlFilter filter, java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        select(
            kind,
            "r.id",
            filter,
            "r.id IN (:acc_ids)",
            Map.of("acc_ids", List.copyOf(ids)),
            new SingleColumnRowMapper<>(String.class)));
  }

  /**
   * A predicate over alias {@code r}: {@code column} holds the id of a {@code kind} record passing
   * the caller's filter, with the filter's parameters renamed after the table and column.
   */
  public Criteria readable(ProtectedKind kind, String column, Filters filters) {
    var filter = filters.over(kind, REFERENCED);
    String prefix = "ref_" + kind.table() + "_" + column.substring(2) + "_";
    String sql = filter.sql();
    var parameters = new LinkedHashMap<String, Object>();
    var longestFirst = new ArrayList<>(filter.parameters().entrySet());
    longestFirst.sort((a, b) -> b.getKey().length() - a.getKey().length());
    for (var parameter : longestFirst) {
      String renamed = prefix + parameter.getKey().substring("acc_".length());
      sql = sql.replace(":" + parameter.getKey(), ":" + renamed);
      parameters.put(renamed, parameter.getValue());
    }
    return Criteria.where(referenced(kind, REFERENCED, column, sql), parameters);
  }

  /** Rows of a statement fixed by the calling module. */
  public <T> List<T> rows(String sql, Map<String, Object> parameters, RowMapper<T> mapper) {
    return jdbc.sql(sql).params(parameters).query(mapper).list();
  }

  /**
   * The stored versions of record {@code id} in {@code versionTable}, each judged as if it were the
   * record: its own marking columns, the record's id (for releases) and the record's owner.
   */
  public <T> Versions<T> versions(
      ProtectedKind kind,
      String id,
      String versionTable,
      String recordKey,
      String versionOrder,
      Filters filters,
      RowMapper<T> mapper) {
    var filter = filters.over(kind, VERSION);
    String stored =
        "SELECT c.*, r.id AS id, r.owner_agency AS owner_agency FROM "
            + versionTable
            + " c JOIN "
            + kind.table()
            + " r ON r.id = c."
            + recordKey
            + " WHERE r.id = :acc_id";
    long total =
        jdbc.sql("SELECT COUNT(*) FROM (" + stored + ") " + VERSION)
            .param("acc_id", id)
            .query(Long.class)
            .single();
    List<T> rows =
        jdbc.sql(
                "SELECT "
                    + VERSION
                    + ".* FROM ("
                    + stored
                    + ") "
                    + VERSION
                    + " WHERE "
                    + filter.sql()
                    + " ORDER BY "
                    + VERSION
                    + "."
                    + versionOrder)
            .params(filter.parameters())
            .param("acc_id", id)
            .query(mapper)
            .list();
    return new Versions<>(rows, total);
  }

  /** One page of the rows matching {@code criteria} and {@code filter}. */
  public <T> PageOfRows<T> page(
      ProtectedKind kind,
      SqlFilter filter,
      Criteria criteria,
      int limit,
      long offset,
      RowMapper<T> mapper) {
    String where = where(filter, criteria);
    var params = withPolicy(criteria, filter);
    var ids = new ArrayList<String>();
    List<T> items =
        jdbc.sql(
                "SELECT "
                    + kind.columns()
                    + " FROM "
                    + kind.table()
                    + " r WHERE "
                    + where
                    + " ORDER BY "
                    + order(criteria)
                    + " LIMIT :acc_limit OFFSET :acc_offset")
            .params(params)
            .param("acc_limit", limit)
            .param("acc_offset", offset)
            .query(
                (rs, row) -> {
                  ids.add(rs.getString("id"));
                  return mapper.mapRow(rs, row);
                })
            .list();
    // A page that is not full and not past the end is the last: it gives the total itself, so the
    // count (a second pass over every match) is run only when more rows may follow.
    long total =
        items.size() < limit && (!items.isEmpty() || offset == 0)
            ? offset + items.size()
            : jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " r WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    return new PageOfRows<>(items, ids, total);
  }

  /** How many rows match {@code criteria} and {@code filter}. */
  public long count(ProtectedKind kind, SqlFilter filter, Criteria criteria) {
    return jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " r WHERE " + where(filter, criteria))
        .params(withPolicy(criteria, filter))
        .query(Long.class)
        .single();
  }

  /** The rows matching {@code criteria} and {@code filter} counted by {@code column}. */
  public Map<String, Long> countBy(
      ProtectedKind kind, SqlFilter filter, Criteria criteria, String column) {
    var counts = new LinkedHashMap<String, Long>();
    jdbc.sql(
            "SELECT "
                + column
                + " AS grp, COUNT(*) AS n FROM "
                + kind.table()
                + " r WHERE "
                + where(filter, criteria)
                + " GROUP BY "
                + column
                + " ORDER BY "
                + column)
        .params(withPolicy(criteria, filter))
        .query(
            (ResultSet rs) -> {
              counts.put(rs.getString("grp"), rs.getLong("n"));
            });
    return counts;
  }

  /**
   * The groups of {@code aggregation} over the rows matching {@code criteria} and {@code filter}.
   */
  public List<Aggregation.Row> aggregate(
      ProtectedKind kind, SqlFilter filter, Criteria criteria, Aggregation aggregation) {
    var groups = aggregation.groupBy();
    var select = new ArrayList<String>();
    for (int i = 0; i < groups.size(); i++) {
      select.add(groups.get(i) + " AS grp_" + i);
    }
    aggregation.measures().forEach((name, measure) -> select.add(measure + " AS " + name));
    String grouping =
        groups.isEmpty()
            ? ""
            : " GROUP BY " + String.join(", ", groups) + " ORDER BY " + String.join(", ", groups);
    var rows = new ArrayList<Aggregation.Row>();
    jdbc.sql(
            "SELECT "
                + String.join(", ", select)
                + " FROM "
                + from(aggregation, kind.table())
                + " WHERE "
                + where(filter, criteria)
                + grouping)
        .params(withPolicy(criteria, filter))
        .query(
            (ResultSet rs) -> {
              var keys = new ArrayList<String>();
              for (int i = 0; i < groups.size(); i++) {
                keys.add(rs.getString("grp_" + i));
              }
              var values = new LinkedHashMap<String, BigDecimal>();
              for (String name : aggregation.measures().keySet()) {
                values.put(name, rs.getBigDecimal(name));
              }
              rows.add(new Aggregation.Row(keys, values));
            });
    return rows;
  }

  /** The rows of {@code relation} whose every referenced record passes the caller's filter. */
  public <T> List<T> related(Relation relation, Filters filters, RowMapper<T> mapper) {
    var sql = new StringBuilder("SELECT ").append(relation.columns());
    sql.append(" FROM ").append(relation.table()).append(" c WHERE ");
    sql.append(relation.where() == null ? "1 = 1" : "(" + relation.where() + ")");
    var params = new HashMap<String, Object>(relation.parameters());
    int end = 0;
    for (var entry : relation.ends().entrySet()) {
      ProtectedKind kind = entry.getValue();
      // Each end gets its own copy of the policy's parameters: acc_kind differs between kinds.
      String prefix = "acc" + end + "_";
      String alias = REFERENCED + end++;
      var filter = filters.over(kind, alias);
      String readable = filter.sql().replace(":acc_", ":" + prefix);
      sql.append(" AND ").append(referenced(kind, alias, "c." + entry.getKey(), readable));
      filter.parameters().forEach((name, value) -> params.put(prefix + name.substring(4), value));
    }
    if (relation.orderBy() != null) {
      sql.append(" ORDER BY ").append(relation.orderBy());
    }
    sql.append(" LIMIT ").append(relation.limit());
    return jdbc.sql(sql.toString()).params(params).query(mapper).list();
  }

  /**
   * The rows of {@code childTable} (alias {@code c}) hanging off every record matching {@code
   * criteria} and {@code filter}, ordered by record id, then {@code childOrder}.
   */
  public <T> Children<T> children(
      ProtectedKind kind,
      SqlFilter filter,
      Criteria criteria,
      String childTable,
      String childKey,
      String childOrder,
      RowMapper<T> mapper) {
    var records = new LinkedHashSet<String>();
    List<T> rows =
        jdbc.sql(
                "SELECT c.*, r.id AS acc_record_id FROM "
                    + kind.table()
                    + " r JOIN "
                    + childTable
                    + " c ON c."
                    + childKey
                    + " = r.id WHERE "
                    + where(filter, criteria)
                    + " ORDER BY r.id, c."
                    + childOrder)
            .params(withPolicy(criteria, filter))
            .query(
                (rs, row) -> {
                  records.add(rs.getString("acc_record_id"));
                  return mapper.mapRow(rs, row);
                })
            .list();
    return new Children<>(rows, new ArrayList<>(records));
  }

  /**
   * Streams every row matching {@code criteria} and {@code filter} to {@code sink}, in one
   * statement; returns the ids streamed.
   */
  public <T> List<String> stream(
      ProtectedKind kind,
      SqlFilter filter,
      Criteria criteria,
      RowMapper<T> mapper,
      Consumer<T> sink) {
    var ids = new ArrayList<String>();
    int[] row = {0};
    jdbc.sql(
            "SELECT "
                + kind.columns()
                + " FROM "
                + kind.table()
                + " r WHERE "
                + where(filter, criteria)
                + " ORDER BY "
                + order(criteria))
        .params(withPolicy(criteria, filter))
        .query(
            (ResultSet rs) -> {
              ids.add(rs.getString("id"));
              sink.accept(mapper.mapRow(rs, row[0]++));
            });
    return ids;
  }

  /** The marking of any record of {@code kind}, whoever may read it. */
  public Optional<Marking> marking(ProtectedKind kind, String id) {
    return jdbc.sql(
            "SELECT "
                + ProtectedKind.MARKING_COLUMNS
                + " FROM "
                + kind.table()
                + " r WHERE r.id = :id")
        .param("id", id)
        .query((rs, row) -> markingOf(rs))
        .optional();
  }

  /**
   * The row's {@code column} holds the id of a {@code kind} record (aliased {@code alias}) passing
   * {@code filter}. A correlated EXISTS probes the referenced table by primary key for each
   * candidate row, so its cost follows the rows the query selects, never the size of the table.
   */
  private static String referenced(ProtectedKind kind, String alias, String column, String filter) {
    return "EXISTS (SELECT 1 FROM "
        + kind.table()
        + " "
        + alias
        + " WHERE "
        + alias
        + ".id = "
        + column
        + " AND ("
        + filter
        + "))";
  }

  private static String where(SqlFilter filter, Criteria criteria) {
    return criteria.where() == null
        ? "(" + filter.sql() + ")"
        : "(" + criteria.where() + ") AND (" + filter.sql() + ")";
  }

  private static String order(Criteria criteria) {
    return criteria.orderBy() == null ? "r.id" : criteria.orderBy() + ", r.id";
  }

  private static Map<String, Object> withPolicy(Criteria criteria, SqlFilter filter) {
    var all = new HashMap<String, Object>(criteria.parameters());
    all.putAll(filter.parameters());
    return all;
  }

  private static String from(Aggregation aggregation, String table) {
    String records = table + " r";
    return aggregation.childTable() == null
        ? records
        : records
            + " JOIN "
            + aggregation.childTable()
            + " c ON c."
            + aggregation.childKey()
            + " = r.id";
  }

  /** The marking columns of a protected row. */
  public static Marking markingOf(ResultSet rs) throws SQLException {
    return new Marking(
        rs.getString("owner_agency"),
        Tlp.parse(rs.getString("tlp")),
        rs.getString("cui_category"),
        rs.getBoolean("noforn"),
        Marking.relToFromColumn(rs.getString("rel_to")),
        rs.getString("compartment"));
  }
}
