package org.presstrace.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SingleColumnRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way to read protected records. Every method ANDs the policy's filter into the query,
 * refuses sensitive kinds without a purpose, and leaves exactly one audit entry per call. Modules
 * never select from a protected table themselves; {@code ReadPathCoverageIntegrationTests} checks
 * that every API read path goes through here.
 */
@Service
public class GuardedReads {

  private static final int LISTED_IDS_LIMIT = 100;
  private static final Pattern COLUMN = Pattern.compile("r\\.[a-z_]+");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

  /** The alias of a referenced record in {@link #readable} and {@link #related} filters. */
  private static final String REFERENCED = "acc_ref";

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final AuditTrail audit;

  GuardedReads(JdbcClient jdbc, AccessPolicy policy, AuditTrail audit) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.audit = audit;
  }

  /**
   * The record, if the caller may read it; hidden and absent records both raise {@link NotFound}.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public <T> T one(AccessContext context, ProtectedKind kind, String id, RowMapper<T> mapper) {
    return find(context, kind, id, mapper, "READ").orElseThrow(() -> new NotFound(kind.name(), id));
  }

  /**
   * The record, if the caller may read it and it matches {@code criteria} (e.g. the records it
   * refers to must be readable too, see {@link #readable}); otherwise {@link NotFound}.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public <T> T one(
      AccessContext context,
      ProtectedKind kind,
      String id,
      Criteria criteria,
      RowMapper<T> mapper) {
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
    var parameters = new LinkedHashMap<String, Object>(criteria.parameters());
    parameters.put("acc_id", id);
    String predicate =
        criteria.where() == null
            ? "r.id = :acc_id"
            : "r.id = :acc_id AND (" + criteria.where() + ")";
    var rows = select(kind, kind.columns(), filter, predicate, parameters, mapper);
    audit.record(context, "READ", kind.name(), id, rows.isEmpty() ? "NOT_FOUND" : "SHOWN", null);
    return rows.stream().findFirst().orElseThrow(() -> new NotFound(kind.name(), id));
  }

  /**
   * A predicate for a read of another kind: rows whose {@code column} (of alias {@code r}) holds
   * the id of a {@code kind} record the caller may read. A record that refers to others (a link and
   * its two ends) is then shown, listed and counted only when everything it refers to is readable.
   * The filter is the same one every read of {@code kind} applies; its parameters are renamed so
   * that several such predicates can be combined with {@link Criteria#and} and {@link Criteria#or}.
   */
  public Criteria readable(AccessContext context, ProtectedKind kind, String column) {
    if (!COLUMN.matcher(column).matches()) {
      throw new IllegalArgumentException("'" + column + "' is not a column of alias r");
    }
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind, REFERENCED);
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

  /**
   * The rows hanging off a record (its items, statements, custody entries), if the record itself
   * may be read. Rows that carry a marking of their own, such as stored versions of the record, go
   * through {@link #versions} instead, so that each is judged by its own marking.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public <T> List<T> history(
      AccessContext context,
      ProtectedKind kind,
      String id,
      String historySql,
      Map<String, Object> parameters,
      RowMapper<T> mapper) {
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
    var visible =
        select(kind, "r.id", filter, "r.id = :acc_id", Map.of("acc_id", id), String.class);
    if (visible.isEmpty()) {
      audit.record(context, "HISTORY", kind.name(), id, "NOT_FOUND", null);
      throw new NotFound(kind.name(), id);
    }
    List<T> rows = jdbc.sql(historySql).params(parameters).query(mapper).list();
    audit.record(context, "HISTORY", kind.name(), id, "SHOWN", rows.size() + " entries");
    return rows;
  }

  /**
   * The stored versions of a record, each shown only when the caller may read the record under that
   * version's own marking as well as under the current one: a version filed under a tighter marking
   * than today's is left out, exactly as a hidden record is left out of a list.
   *
   * <p>{@code versionTable} (fixed by the calling module) holds one row per version with the column
   * {@code recordKey} naming the record and the marking columns {@code tlp, cui_category, noforn,
   * rel_to, compartment}; the owner is the record's. It must have no columns named {@code id} or
   * {@code owner_agency}. Rows come ordered by {@code versionOrder}; the mapper's row number counts
   * only the versions shown, so a caller can number them without revealing hidden ones. One audit
   * entry names how many versions were shown out of how many stored.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public <T> List<T> versions(
      AccessContext context,
      ProtectedKind kind,
      String id,
      String versionTable,
      String recordKey,
      String versionOrder,
      RowMapper<T> mapper) {
    for (String name : List.of(versionTable, recordKey, versionOrder)) {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException("'" + name + "' is not a plain identifier");
      }
    }
    requirePurpose(context, kind);
    var current = policy.readFilter(context.caller(), kind);
    var visible =
        select(kind, "r.id", current, "r.id = :acc_id", Map.of("acc_id", id), String.class);
    if (visible.isEmpty()) {
      audit.record(context, "HISTORY", kind.name(), id, "NOT_FOUND", null);
      throw new NotFound(kind.name(), id);
    }
    // Each version is judged as if it were the record: its own marking columns, the record's id
    // (for releases) and the record's owner.
    String version = "acc_ver";
    var filter = policy.readFilter(context.caller(), kind, version);
    String stored =
        "SELECT c.*, r.id AS id, r.owner_agency AS owner_agency FROM "
            + versionTable
            + " c JOIN "
            + kind.table()
            + " r ON r.id = c."
            + recordKey
            + " WHERE r.id = :acc_id";
    long total =
        jdbc.sql("SELECT COUNT(*) FROM (" + stored + ") " + version)
            .param("acc_id", id)
            .query(Long.class)
            .single();
    List<T> rows =
        jdbc.sql(
                "SELECT "
                    + version
                    + ".* FROM ("
                    + stored
                    + ") "
                    + version
                    + " WHERE "
                    + filter.sql()
                    + " ORDER BY "
                    + version
                    + "."
                    + versionOrder)
            .params(filter.parameters())
            .param("acc_id", id)
            .query(mapper)
            .list();
    audit.record(
        context, "HISTORY", kind.name(), id, "SHOWN", rows.size() + " of " + total + " versions");
    return rows;
  }

  /** The marking of a record the caller may read. */
  @Transactional(noRollbackFor = NotFound.class)
  public Marking marking(AccessContext context, ProtectedKind kind, String id) {
    return one(context, kind, id, (rs, row) -> markingOf(rs));
  }

  /** One page of readable rows matching {@code criteria}. */
  @Transactional
  public <T> Page<T> page(
      AccessContext context,
      ProtectedKind kind,
      Criteria criteria,
      PageQuery page,
      RowMapper<T> mapper) {
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
    String where = where(filter, criteria);
    var params = criteria.withPolicy(filter);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " r WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
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
            .param("acc_limit", page.size())
            .param("acc_offset", page.offset())
            .query(
                (rs, row) -> {
                  ids.add(rs.getString("id"));
                  return mapper.mapRow(rs, row);
                })
            .list();
    audit.record(
        context,
        criteria.search() ? "SEARCH" : "LIST",
        kind.name(),
        null,
        "SHOWN",
        "page " + page.page() + ", " + items.size() + " of " + total + ": " + listed(ids));
    return new Page<>(items, page.page(), page.size(), total);
  }

  /** How many rows matching {@code criteria} the caller may read; hidden rows are never counted. */
  @Transactional
  public long count(AccessContext context, ProtectedKind kind, Criteria criteria) {
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " r WHERE " + where(filter, criteria))
            .params(criteria.withPolicy(filter))
            .query(Long.class)
            .single();
    audit.record(context, "COUNT", kind.name(), null, "SHOWN", total + " records");
    return total;
  }

  /** Readable rows matching {@code criteria} counted by one column, e.g. {@code r.tlp}. */
  @Transactional
  public Map<String, Long> countBy(
      AccessContext context, ProtectedKind kind, Criteria criteria, String column) {
    if (!COLUMN.matcher(column).matches()) {
      throw new IllegalArgumentException("'" + column + "' is not a column of alias r");
    }
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
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
        .params(criteria.withPolicy(filter))
        .query(
            (ResultSet rs) -> {
              counts.put(rs.getString("grp"), rs.getLong("n"));
            });
    audit.record(context, "AGGREGATE", kind.name(), null, "SHOWN", "by " + column + ": " + counts);
    return counts;
  }

  /**
   * Grouped sums and counts over the readable records matching {@code criteria}, or over the child
   * rows of those records (see {@link Aggregation}). A child row counts only when its record may be
   * read, so an aggregate never reveals more than a list of the same records would.
   */
  @Transactional
  public List<Aggregation.Row> aggregate(
      AccessContext context, ProtectedKind kind, Criteria criteria, Aggregation aggregation) {
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
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
                + aggregation.from(kind.table())
                + " WHERE "
                + where(filter, criteria)
                + grouping)
        .params(criteria.withPolicy(filter))
        .query(
            (ResultSet rs) -> {
              var keys = new ArrayList<String>();
              for (int i = 0; i < groups.size(); i++) {
                keys.add(rs.getString("grp_" + i));
              }
              var values = new LinkedHashMap<String, java.math.BigDecimal>();
              for (String name : aggregation.measures().keySet()) {
                values.put(name, rs.getBigDecimal(name));
              }
              rows.add(new Aggregation.Row(keys, values));
            });
    audit.record(
        context,
        "AGGREGATE",
        kind.name(),
        null,
        "SHOWN",
        aggregation.measures().keySet() + " by " + groups + ": " + rows.size() + " groups");
    return rows;
  }

  /**
   * Rows of a table referring to protected records (see {@link Relation}), limited to the rows
   * whose every referenced record the caller may read: the graph of what a caller may see is built
   * from these. One audit entry per call, naming the table and how many rows were shown.
   */
  @Transactional
  public <T> List<T> related(AccessContext context, Relation relation, RowMapper<T> mapper) {
    var kinds = new java.util.LinkedHashSet<String>();
    var sql = new StringBuilder("SELECT ").append(relation.columns());
    sql.append(" FROM ").append(relation.table()).append(" c WHERE ");
    sql.append(relation.where() == null ? "1 = 1" : "(" + relation.where() + ")");
    var params = new java.util.HashMap<String, Object>(relation.parameters());
    int end = 0;
    for (var entry : relation.ends().entrySet()) {
      ProtectedKind kind = entry.getValue();
      requirePurpose(context, kind);
      kinds.add(kind.name());
      // Each end gets its own copy of the policy's parameters: acc_kind differs between kinds.
      String prefix = "acc" + end + "_";
      String alias = REFERENCED + end++;
      var filter = policy.readFilter(context.caller(), kind, alias);
      String readable = filter.sql().replace(":acc_", ":" + prefix);
      sql.append(" AND ").append(referenced(kind, alias, "c." + entry.getKey(), readable));
      filter.parameters().forEach((name, value) -> params.put(prefix + name.substring(4), value));
    }
    if (relation.orderBy() != null) {
      sql.append(" ORDER BY ").append(relation.orderBy());
    }
    sql.append(" LIMIT ").append(relation.limit());
    List<T> rows = jdbc.sql(sql.toString()).params(params).query(mapper).list();
    audit.record(
        context,
        "RELATED",
        String.join("+", kinds),
        null,
        "SHOWN",
        rows.size() + " rows of " + relation.table());
    return rows;
  }

  /**
   * The rows of {@code childTable} (alias {@code c}) hanging off every readable record matching
   * {@code criteria}, joined on {@code c.<childKey> = r.id} and ordered by record id, then {@code
   * childOrder} (a column of {@code c}). A child row is returned only when its record may be read;
   * one audit entry names the records. Tables and columns are fixed by the calling module.
   */
  @Transactional
  public <T> List<T> children(
      AccessContext context,
      ProtectedKind kind,
      Criteria criteria,
      String childTable,
      String childKey,
      String childOrder,
      RowMapper<T> mapper) {
    for (String name : List.of(childTable, childKey, childOrder)) {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException("'" + name + "' is not a plain identifier");
      }
    }
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
    var records = new java.util.LinkedHashSet<String>();
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
            .params(criteria.withPolicy(filter))
            .query(
                (rs, row) -> {
                  records.add(rs.getString("acc_record_id"));
                  return mapper.mapRow(rs, row);
                })
            .list();
    audit.record(
        context,
        criteria.search() ? "SEARCH" : "LIST",
        kind.name(),
        null,
        "SHOWN",
        rows.size()
            + " "
            + childTable
            + " rows of "
            + records.size()
            + " records: "
            + listed(new ArrayList<>(records)));
    return rows;
  }

  /** Streams every readable row matching {@code criteria} to {@code sink}; one audit entry. */
  @Transactional
  public <T> long export(
      AccessContext context,
      ProtectedKind kind,
      Criteria criteria,
      RowMapper<T> mapper,
      Consumer<T> sink) {
    AccessContext exporting = context.via(Channel.EXPORT);
    List<String> ids = stream(exporting, kind, criteria, mapper, sink);
    audit.record(
        exporting, "EXPORT", kind.name(), null, "SHOWN", ids.size() + " records: " + listed(ids));
    return ids.size();
  }

  /**
   * Every readable row matching {@code criteria}, in one statement and one audit entry, for a
   * reader that needs all of them (an evaluation over everything an agency may read) rather than a
   * page: it costs one pass over the rows instead of a count and a query per page.
   */
  @Transactional
  public <T> List<T> all(
      AccessContext context, ProtectedKind kind, Criteria criteria, RowMapper<T> mapper) {
    var rows = new ArrayList<T>();
    List<String> ids = stream(context, kind, criteria, mapper, rows::add);
    audit.record(
        context,
        criteria.search() ? "SEARCH" : "LIST",
        kind.name(),
        null,
        "SHOWN",
        "all " + ids.size() + ": " + listed(ids));
    return rows;
  }

  private <T> List<String> stream(
      AccessContext context,
      ProtectedKind kind,
      Criteria criteria,
      RowMapper<T> mapper,
      Consumer<T> sink) {
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
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
        .params(criteria.withPolicy(filter))
        .query(
            (ResultSet rs) -> {
              ids.add(rs.getString("id"));
              sink.accept(mapper.mapRow(rs, row[0]++));
            });
    return ids;
  }

  /** Reads the marking columns of the current row. */
  public static Marking markingOf(ResultSet rs) throws SQLException {
    return new Marking(
        rs.getString("owner_agency"),
        Tlp.parse(rs.getString("tlp")),
        rs.getString("cui_category"),
        rs.getBoolean("noforn"),
        Marking.relToFromColumn(rs.getString("rel_to")),
        rs.getString("compartment"));
  }

  /** Marking of any record, for the release workflow; not a read of its content, not audited. */
  Optional<Marking> markingForRelease(ProtectedKind kind, String id) {
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

  private <T> Optional<T> find(
      AccessContext context, ProtectedKind kind, String id, RowMapper<T> mapper, String action) {
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
    var rows = select(kind, kind.columns(), filter, "r.id = :acc_id", Map.of("acc_id", id), mapper);
    audit.record(context, action, kind.name(), id, rows.isEmpty() ? "NOT_FOUND" : "SHOWN", null);
    return rows.stream().findFirst();
  }

  private <T> List<T> select(
      ProtectedKind kind,
      String columns,
      SqlFilter filter,
      String predicate,
      Map<String, Object> parameters,
      Class<T> type) {
    return select(kind, columns, filter, predicate, parameters, new SingleColumnRowMapper<>(type));
  }

  private <T> List<T> select(
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

  private static void requirePurpose(AccessContext context, ProtectedKind kind) {
    if (kind.purposeRequired() && context.purpose() == null) {
      throw new InvalidRequest(
          "purpose",
          "reading "
              + kind.name()
              + " records needs a stated purpose (a case number or a sentence); send the"
              + " PressTrace-Purpose header");
    }
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

  private static String listed(List<String> ids) {
    if (ids.size() <= LISTED_IDS_LIMIT) {
      return String.join(",", ids);
    }
    return String.join(",", ids.subList(0, LISTED_IDS_LIMIT)) + ",… (" + ids.size() + ")";
  }
}
