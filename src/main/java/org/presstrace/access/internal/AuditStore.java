package org.presstrace.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.presstrace.access.AuditEntry;
import org.presstrace.access.AuditQuery;
import org.presstrace.access.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_event} table: appends and reads, never an update or a delete. The trail's rules
 * (who may search it, what each search records) are {@code AuditTrail}'s.
 */
@Repository
public class AuditStore {

  private final JdbcClient jdbc;

  AuditStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends one entry and returns its id; {@code entry.id()} is ignored. */
  public long append(AuditEntry entry) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO audit_event (occurred_at, username, agency_code, action, kind, record_id,
                                     channel, purpose, outcome, detail, request_id)
            VALUES (:at, :username, :agency, :action, :kind, :recordId,
                    :channel, :purpose, :outcome, :detail, :requestId)
            """)
        .param("at", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
        .param("username", entry.username())
        .param("agency", entry.agency())
        .param("action", entry.action())
        .param("kind", entry.kind())
        .param("recordId", entry.recordId())
        .param("channel", entry.channel().name())
        .param("purpose", entry.purpose())
        .param("outcome", entry.outcome())
        .param("detail", entry.detail())
        .param("requestId", entry.requestId())
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  /** At most this many entries go in one statement (eleven parameters each). */
  static final int ROWS_PER_INSERT = 500;

  /**
   * Appends {@code entries} in one multi-row insert (per {@value #ROWS_PER_INSERT}) and returns
   * their ids in the order given; {@code entry.id()} is ignored. Each returned row names its action
   * and record, and the ids are taken only when every row matches the entry in its place, so that
   * no entry can be given another's id.
   */
  public List<Long> appendAll(List<AuditEntry> entries) {
    var ids = new ArrayList<Long>(entries.size());
    for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
      ids.addAll(
          appendRows(entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT))));
    }
    return ids;
  }

  private List<Long> appendRows(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    var sql =
        new StringBuilder(
            "INSERT INTO audit_event (occurred_at, username, agency_code, action, kind, record_id,"
                + " channel, purpose, outcome, detail, request_id) VALUES ");
    var params = new HashMap<String, Object>();
    for (int i = 0; i < entries.size(); i++) {
      AuditEntry entry = entries.get(i);
      if (i > 0) {
        sql.append(", ");
      }
      sql.append("(:at")
          .append(i)
          .append(", :username")
          .append(i)
          .append(", :agency")
          .append(i)
          .append(", :action")
          .append(i)
          .append(", :kind")
          .append(i)
          .append(", :recordId")
          .append(i)
          .append(", :channel")
          .append(i)
          .append(", :purpose")
          .append(i)
          .append(", :outcome")
          .append(i)
          .append(", :detail")
          .append(i)
          .append(", :requestId")
          .append(i)
          .append(')');
      params.put("at" + i, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
      params.put("username" + i, entry.username());
      params.put("agency" + i, entry.agency());
      params.put("action" + i, entry.action());
      params.put("kind" + i, entry.kind());
      params.put("recordId" + i, entry.recordId());
      params.put("channel" + i, entry.channel().name());
      params.put("purpose" + i, entry.purpose());
      params.put("outcome" + i, entry.outcome());
      params.put("detail" + i, entry.detail());
      params.put("requestId" + i, entry.requestId());
    }
    var keys = new GeneratedKeyHolder();
    jdbc.sql(sql.toString()).params(params).update(keys, "id", "action", "record_id");
    List<Map<String, Object>> rows = keys.getKeyList();
    if (rows.size() != entries.size()) {
      throw new IllegalStateException(
          "audit insert returned " + rows.size() + " ids for " + entries.size() + " entries");
    }
    var ids = new ArrayList<Long>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = lowerCased(rows.get(i));
      AuditEntry entry = entries.get(i);
      if (!java.util.Objects.equals(row.get("action"), entry.action())
          || !java.util.Objects.equals(row.get("record_id"), entry.recordId())) {
        throw new IllegalStateException("audit insert returned its ids out of order");
      }
      ids.add(((Number) row.get("id")).longValue());
    }
    return ids;
  }

  private static Map<String, Object> lowerCased(Map<String, Object> row) {
    var lower = new HashMap<String, Object>();
    row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
    return lower;
  }

  /** How many entries match {@code query}. */
  public long count(AuditQuery query) {
    var where = where(query);
    return jdbc.sql("SELECT COUNT(*) FROM audit_event" + where.sql)
        .params(where.params)
        .query(Long.class)
        .single();
  }

  /** One page of the entries matching {@code query}, newest first. */
  public List<AuditEntry> page(AuditQuery query, int limit, long offset) {
    var where = where(query);
    return jdbc.sql(
            "SELECT * FROM audit_event"
                + where.sql
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
        .params(where.params)
        .param("limit", limit)
        .param("offset", offset)
        .query(AuditStore::entry)
        .list();
  }

  /** Streams every entry matching {@code query}, oldest first, to {@code sink}. */
  public void each(AuditQuery query, Consumer<AuditEntry> sink) {
    var where = where(query);
    jdbc.sql("SELECT * FROM audit_event" + where.sql + " ORDER BY id")
        .params(where.params)
        .query(
            (ResultSet rs) -> {
              sink.accept(entry(rs, 0));
            });
  }

  /** One entry as stored now. */
  public Optional<AuditEntry> find(long id) {
    return jdbc.sql("SELECT * FROM audit_event WHERE id = :id")
        .param("id", id)
        .query(AuditStore::entry)
        .optional();
  }

  /** How many entries the trail holds. */
  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
  }

  /** The smallest entry id not in {@code ids}, reading ids in order and stopping at the first. */
  public OptionalLong firstIdNotIn(java.util.function.LongPredicate held) {
    long after = Long.MIN_VALUE;
    while (true) {
      List<Long> ids =
          jdbc.sql("SELECT id FROM audit_event WHERE id > :after ORDER BY id LIMIT :limit")
              .param("after", after)
              .param("limit", ID_PAGE)
              .query(Long.class)
              .list();
      for (long id : ids) {
        if (!held.test(id)) {
          return OptionalLong.of(id);
        }
      }
      if (ids.size() < ID_PAGE) {
        return OptionalLong.empty();
      }
      after = ids.get(ids.size() - 1);
    }
  }

  /** Ids read at a time by {@link #firstIdNotIn}. */
  private static final int ID_PAGE = 10_000;

  private record Where(String sql, Map<String, Object> params) {}

  private static Where where(AuditQuery query) {
    var clauses = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    add(clauses, params, "username", query.username());
    add(clauses, params, "agency_code", query.agency());
    add(clauses, params, "action", query.action());
    add(clauses, params, "kind", query.kind());
    add(clauses, params, "record_id", query.recordId());
    if (query.from() != null) {
      clauses.add("occurred_at >= :from");
      params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
    }
    if (query.to() != null) {
      clauses.add("occurred_at < :to");
      params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
    }
    return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
  }

  private static void add(
      List<String> clauses, Map<String, Object> params, String column, String value) {
    if (value != null && !value.isBlank()) {
      clauses.add(column + " = :" + column);
      params.put(column, value.strip());
    }
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
    Instant occurredAt = at == null ? null : at.toInstant();
    return new AuditEntry(
        rs.getLong("id"),
        occurredAt,
        rs.getString("username"),
        rs.getString("agency_code"),
        rs.getString("action"),
        rs.getString("kind"),
        rs.getString("record_id"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("purpose"),
        rs.getString("outcome"),
        rs.getString("detail"),
        rs.getString("request_id"));
  }
}
