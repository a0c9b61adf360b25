package org.presstrace.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.presstrace.access.internal.GuardedQueries;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.jdbc.core.RowMapper;
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

  private final GuardedQueries queries;
  private final AccessPolicy policy;
  private final AuditTrail audit;

  GuardedReads(GuardedQueries queries, AccessPolicy policy, AuditTrail audit) {
    this.queries = queries;
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
    var rows = queries.select(kind, kind.columns(), filter, predicate, parameters, mapper);
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
    return queries.readable(kind, column, filters(context));
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
    if (!queries.visible(kind, filter, id)) {
      audit.record(context, "HISTORY", kind.name(), id, "NOT_FOUND", null);
      throw new NotFound(kind.name(), id);
    }
    List<T> rows = queries.rows(historySql, parameters, mapper);
    audit.record(context, "HISTORY", kind.name(), id, "SHOWN", rows.size() + " entries");
    return rows;
  }

  /**
   * The rows hanging off each of several records, as {@link #history} reads them for one: for each
   * record the caller may read, its rows (in the order of {@code historySql}); the others are left
   * out and audited as not found. One statement checks every record, one reads every history, and
   * one audit entry per record (as {@link #history} leaves) is written in one insert with the
   * others.
   *
   * @param historySql a statement fixed by the calling module, selecting the rows of the records in
   *     the list parameter {@code :acc_ids}
   * @param recordColumn the column of {@code historySql}'s rows that names their record
   * @return the histories of the readable records, keyed by record id, in the order of {@code ids}
   */
  @Transactional
  public <T> Map<String, List<T>> histories(
      AccessContext context,
      ProtectedKind kind,
      List<String> ids,
      String historySql,
      String recordColumn,
      RowMapper<T> mapper) {
    if (!IDENTIFIER.matcher(recordColumn).matches()) {
      throw new IllegalArgumentException("'" + recordColumn + "' is not a plain identifier");
    }
    requirePurpose(context, kind);
    var wanted = List.copyOf(new LinkedHashSet<>(ids));
    var result = new LinkedHashMap<String, List<T>>();
    if (wanted.isEmpty()) {
      return result;
    }
    // Records a page of this scope has just shown to this caller (read under the same filter in
    // the same transaction) are not checked again; any other id is.
    Shown shown = shown(context);
    java.util.Set<String> visible;
    if (shown != null
        && shown.ids().getOrDefault(kind.name(), java.util.Set.of()).containsAll(wanted)) {
      visible = new java.util.HashSet<>(wanted);
    } else {
      visible = queries.visibleAmong(kind, policy.readFilter(context.caller(), kind), wanted);
    }
    for (String id : wanted) {
      if (visible.contains(id)) {
        result.put(id, new ArrayList<>());
      }
    }
    if (!result.isEmpty()) {
      queries.rows(
          historySql,
          Map.of("acc_ids", List.copyOf(result.keySet())),
          (rs, row) -> {
            List<T> rows = result.get(rs.getString(recordColumn));
            if (rows == null) {
              throw new IllegalStateException("a history row of a record not asked for");
            }
            rows.add(mapper.mapRow(rs, rows.size()));
            return null;
          });
    }
    audit.together(
        () -> {
          for (String id : wanted) {
            List<T> rows = result.get(id);
            if (rows == null) {
              audit.record(context, "HISTORY", kind.name(), id, "NOT_FOUND", null);
            } else {
              audit.record(context, "HISTORY", kind.name(), id, "SHOWN", rows.size() + " entries");
            }
          }
          return null;
        });
    return result;
  }

  /**
   * Runs {@code reads} of {@code context} with the audit entries they leave written together in one
   * insert as they return (see {@link AuditTrail#together}): the same entries, one statement.
   * Within it, {@link #histories} does not check again the records a {@link #page} of the same
   * caller has just shown.
   */
  @Transactional
  public <T> T together(AccessContext context, java.util.function.Supplier<T> reads) {
    if (org.springframework.transaction.support.TransactionSynchronizationManager.hasResource(
        SHOWN)) {
      return audit.together(reads);
    }
    org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(
        SHOWN, new Shown(context.caller(), new java.util.HashMap<>()));
    try {
      return audit.together(reads);
    } finally {
      org.springframework.transaction.support.TransactionSynchronizationManager.unbindResource(
          SHOWN);
    }
  }

  /** The resource under which {@link #together} keeps what its pages showed, by kind. */
  private static final String SHOWN = GuardedReads.class.getName() + ".shown";

  /** The ids the pages of a {@link #together} scope have shown to {@code caller}, by kind. */
  private record Shown(Caller caller, Map<String, java.util.Set<String>> ids) {}

  /** What the pages of the current scope showed, if it is this caller's. */
  private static Shown shown(AccessContext context) {
    var shown =
        (Shown)
            org.springframework.transaction.support.TransactionSynchronizationManager.getResource(
                SHOWN);
    return shown != null && shown.caller().equals(context.caller()) ? shown : null;
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
    if (!queries.visible(kind, current, id)) {
      audit.record(context, "HISTORY", kind.name(), id, "NOT_FOUND", null);
      throw new NotFound(kind.name(), id);
    }
    var versions =
        queries.versions(kind, id, versionTable, recordKey, versionOrder, filters(context), mapper);
    audit.record(
        context,
        "HISTORY",
        kind.name(),
        id,
        "SHOWN",
        versions.shown().size() + " of " + versions.stored() + " versions");
    return versions.shown();
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
    var rows = queries.page(kind, filter, criteria, page.size(), page.offset(), mapper);
    List<T> items = rows.items();
    long total = rows.total();
    var ids = rows.ids();
    Shown shown = shown(context);
    if (shown != null) {
      shown.ids().computeIfAbsent(kind.name(), k -> new java.util.HashSet<>()).addAll(ids);
    }
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
    long total = queries.count(kind, filter, criteria);
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
    var counts = queries.countBy(kind, filter, criteria, column);
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
    var rows = queries.aggregate(kind, filter, criteria, aggregation);
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
    var kinds = new LinkedHashSet<String>();
    for (ProtectedKind kind : relation.ends().values()) {
      requirePurpose(context, kind);
      kinds.add(kind.name());
    }
    List<T> rows = queries.related(relation, filters(context), mapper);
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
    var children =
        queries.children(kind, filter, criteria, childTable, childKey, childOrder, mapper);
    List<T> rows = children.rows();
    List<String> records = children.records();
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
            + listed(records));
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
    return queries.stream(kind, filter, criteria, mapper, sink);
  }

  /** Reads the marking columns of the current row. */
  public static Marking markingOf(ResultSet rs) throws SQLException {
    return GuardedQueries.markingOf(rs);
  }

  /** Marking of any record, for the release workflow; not a read of its content, not audited. */
  Optional<Marking> markingForRelease(ProtectedKind kind, String id) {
    return queries.marking(kind, id);
  }

  private <T> Optional<T> find(
      AccessContext context, ProtectedKind kind, String id, RowMapper<T> mapper, String action) {
    requirePurpose(context, kind);
    var filter = policy.readFilter(context.caller(), kind);
    var rows =
        queries.select(
            kind, kind.columns(), filter, "r.id = :acc_id", Map.of("acc_id", id), mapper);
    audit.record(context, action, kind.name(), id, rows.isEmpty() ? "NOT_FOUND" : "SHOWN", null);
    return rows.stream().findFirst();
  }

  /** The policy's filters for the caller, over whichever alias a query gives a kind. */
  private GuardedQueries.Filters filters(AccessContext context) {
    return (kind, alias) -> policy.readFilter(context.caller(), kind, alias);
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

  private static String listed(List<String> ids) {
    if (ids.size() <= LISTED_IDS_LIMIT) {
      return String.join(",", ids);
    }
    return String.join(",", ids.subList(0, LISTED_IDS_LIMIT)) + ",… (" + ids.size() + ")";
  }
}
