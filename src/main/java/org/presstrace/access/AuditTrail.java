package org.presstrace.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail of every read of a protected record and every write. Nothing in
 * PressTrace updates or deletes it; auditors search and export it.
 */
@Service
public class AuditTrail {

  /** The MDC key under which the web layer keeps the request id. */
  public static final String REQUEST_ID = "requestId";

  private static final int DETAIL_LIMIT = 4000;

  /** Ids read at a time by {@link #firstIdNotIn}. */
  private static final int ID_PAGE = 10_000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AuditTrail(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** Records a read or a write by {@code context}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      AccessContext context,
      String action,
      String kind,
      String recordId,
      String outcome,
      String detail) {
    insert(
        context.caller().username(),
        context.caller().agency(),
        action,
        kind,
        truncate(recordId, 64),
        context.channel(),
        context.purposeText(),
        outcome,
        detail);
  }

  /** Records an event with no signed-in caller, such as a failed login. */
  @Transactional
  public void recordAnonymous(String username, String action, String outcome, String detail) {
    insert(truncate(username, 64), null, action, null, null, Channel.API, null, outcome, detail);
  }

  /**
   * Writes one entry and announces it, inside the caller's transaction, so that the ledger appends
   * it in the same commit: an entry is either in both the trail and the ledger, or in neither.
   */
  private void insert(
      String username,
      String agency,
      String action,
      String kind,
      String recordId,
      Channel channel,
      String purpose,
      String outcome,
      String detail) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String requestId = MDC.get(REQUEST_ID);
    String storedDetail = truncate(detail, DETAIL_LIMIT);
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO audit_event (occurred_at, username, agency_code, action, kind, record_id,
                                     channel, purpose, outcome, detail, request_id)
            VALUES (:at, :username, :agency, :action, :kind, :recordId,
                    :channel, :purpose, :outcome, :detail, :requestId)
            """)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("username", username)
        .param("agency", agency)
        .param("action", action)
        .param("kind", kind)
        .param("recordId", recordId)
        .param("channel", channel.name())
        .param("purpose", purpose)
        .param("outcome", outcome)
        .param("detail", storedDetail)
        .param("requestId", requestId)
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    events.publishEvent(
        new AuditRecorded(
            new AuditEntry(
                id,
                at,
                username,
                agency,
                action,
                kind,
                recordId,
                channel,
                purpose,
                outcome,
                storedDetail,
                requestId)));
  }

  /** One page of the trail, newest first; only auditors search it, and the search is recorded. */
  @Transactional
  public Page<AuditEntry> search(AccessContext context, AuditQuery query, PageQuery page) {
    requireAuditor(context);
    var where = where(query);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM audit_event" + where.sql)
            .params(where.params)
            .query(Long.class)
            .single();
    List<AuditEntry> entries =
        jdbc.sql(
                "SELECT * FROM audit_event"
                    + where.sql
                    + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
            .params(where.params)
            .param("limit", page.size())
            .param("offset", page.offset())
            .query(AuditTrail::entry)
            .list();
    record(context, "AUDIT_SEARCH", "audit-event", null, "SHOWN", describe(query, total));
    return new Page<>(entries, page.page(), page.size(), total);
  }

  /** Streams every matching entry, oldest first, to {@code sink}; recorded as an export. */
  @Transactional
  public long export(AccessContext context, AuditQuery query, Consumer<AuditEntry> sink) {
    requireAuditor(context);
    var where = where(query);
    long[] count = {0};
    jdbc.sql("SELECT * FROM audit_event" + where.sql + " ORDER BY id")
        .params(where.params)
        .query(
            (ResultSet rs) -> {
              sink.accept(entry(rs, 0));
              count[0]++;
            });
    record(
        context.via(Channel.EXPORT),
        "AUDIT_EXPORT",
        "audit-event",
        null,
        "SHOWN",
        describe(query, count[0]));
    return count[0];
  }

  /** One entry as stored now, for checking it against the ledger; empty when it is gone. */
  @Transactional(readOnly = true)
  public java.util.Optional<AuditEntry> entry(long id) {
    return jdbc.sql("SELECT * FROM audit_event WHERE id = :id")
        .param("id", id)
        .query(AuditTrail::entry)
        .optional();
  }

  /**
   * The lowest entry id for which {@code held} is false, for checking the trail against a log that
   * must hold every entry; empty when it holds them all. Reads the ids in pages, oldest first.
   */
  @Transactional(readOnly = true)
  public OptionalLong firstIdNotIn(LongPredicate held) {
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

  private static void requireAuditor(AccessContext context) {
    if (!context.caller().has(Role.AUDITOR)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "only auditors read the audit trail");
    }
  }

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

  private static String describe(AuditQuery query, long results) {
    return "query " + query + "; " + results + " entries";
  }

  static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
    return new AuditEntry(
        rs.getLong("id"),
        at == null ? null : at.toInstant(),
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

  private static String truncate(String text, int limit) {
    return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
