package org.presstrace.exchange.internal;

import static org.presstrace.exchange.internal.Rows.instant;
import static org.presstrace.exchange.internal.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.presstrace.access.Marking;
import org.presstrace.access.SqlFilter;
import org.presstrace.exchange.Notice;
import org.presstrace.exchange.NoticeAnswer;
import org.presstrace.shared.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code exchange_notice} and {@code exchange_notice_answer} tables. */
@Repository
public class NoticeStore {

  private final JdbcClient jdbc;

  NoticeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Notice n, Instant recordedAt) {
    Marking m = n.marking();
    jdbc.sql(
            """
            INSERT INTO exchange_notice (id, version, direction, partner_id, exporter, importer, consignee,
                substance_id, substance_name, cas, control_table, quantity, unit, packages,
                invoice, route, exit_point, entry_point, dispatch_date, transport,
                response_deadline, status, owner_agency, tlp, cui_category, noforn, rel_to,
                compartment, filed_by, filed_at, recorded_at)
            VALUES (:id, :version, :direction, :partner, :exporter, :importer, :consignee, :substanceId,
                :substanceName, :cas, :table, :quantity, :unit, :packages, :invoice, :route,
                :exitPoint, :entryPoint, :dispatch, :transport, :deadline, :status, :owner, :tlp,
                :cui, :noforn, :relTo, :compartment, :filedBy, :filedAt, :recordedAt)
            """)
        .param("id", n.id())
        .param("version", n.version())
        .param("direction", n.direction().name())
        .param("partner", n.partnerId())
        .param("exporter", n.exporter())
        .param("importer", n.importer())
        .param("consignee", n.consignee())
        .param("substanceId", n.substanceId())
        .param("substanceName", n.substanceName())
        .param("cas", n.cas())
        .param("table", n.controlTable())
        .param("quantity", n.quantity().toPlainString())
        .param("unit", n.unit())
        .param("packages", n.packages())
        .param("invoice", n.invoice())
        .param("route", n.route())
        .param("exitPoint", n.exitPoint())
        .param("entryPoint", n.entryPoint())
        .param("dispatch", n.dispatchDate())
        .param("transport", n.transport())
        .param("deadline", n.responseDeadline())
        .param("status", n.status().name())
        .param("owner", m.ownerAgency())
        .param("tlp", m.tlp().name())
        .param("cui", m.cuiCategory())
        .param("noforn", m.noforn())
        .param("relTo", m.relToColumn())
        .param("compartment", m.compartment())
        .param("filedBy", n.filedBy())
        .param("filedAt", utc(n.filedAt()))
        .param("recordedAt", utc(recordedAt))
        .update();
  }

  /** A notice, unfiltered: for the handlers, which apply what a partner sent. */
  public Optional<Notice> find(String id) {
    return jdbc.sql("SELECT * FROM exchange_notice WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> notice(rs))
        .optional()
        .map(this::withAnswers);
  }

  /** A notice if {@code filter} admits it. */
  public Optional<Notice> find(String id, SqlFilter filter) {
    return jdbc.sql("SELECT * FROM exchange_notice r WHERE r.id = :id AND " + filter.sql())
        .params(filter.parameters())
        .param("id", id)
        .query((rs, row) -> notice(rs))
        .optional()
        .map(this::withAnswers);
  }

  /** The newest notices of {@code direction} that {@code filter} admits, at most 200. */
  public List<Notice> list(Notice.Direction direction, SqlFilter filter) {
    return jdbc
        .sql(
            "SELECT * FROM exchange_notice r WHERE r.direction = :direction AND "
                + filter.sql()
                + " ORDER BY r.response_deadline, r.filed_at DESC LIMIT 200")
        .params(filter.parameters())
        .param("direction", direction.name())
        .query((rs, row) -> notice(rs))
        .list()
        .stream()
        .map(this::withAnswers)
        .toList();
  }

  public void answer(String noticeId, NoticeAnswer answer, Notice.Status status) {
    jdbc.sql(
            "INSERT INTO exchange_notice_answer (id, notice_id, notice_version, answer, reason,"
                + " answered_by, answered_at)"
                + " VALUES (:id, :notice, :version, :answer, :reason, :by, :at)")
        .param("id", answer.id())
        .param("notice", noticeId)
        .param("version", answer.noticeVersion())
        .param("answer", answer.kind().name())
        .param("reason", answer.reason())
        .param("by", answer.answeredBy())
        .param("at", utc(answer.answeredAt()))
        .update();
    jdbc.sql("UPDATE exchange_notice SET status = :status WHERE id = :id")
        .param("status", status.name())
        .param("id", noticeId)
        .update();
  }

  /** Marks the notices awaiting an answer whose deadline is before {@code today}; their ids. */
  public List<String> missedDeadlines(java.time.LocalDate today) {
    List<String> ids =
        jdbc.sql(
                "SELECT id FROM exchange_notice WHERE status = 'AWAITING_ANSWER'"
                    + " AND response_deadline < :today")
            .param("today", today)
            .query(String.class)
            .list();
    for (String id : ids) {
      jdbc.sql(
              "UPDATE exchange_notice SET status = 'NO_ANSWER_BY_DEADLINE' WHERE id = :id"
                  + " AND status = 'AWAITING_ANSWER'")
          .param("id", id)
          .update();
    }
    return ids;
  }

  /**
   * Replaces the shipment's details with those of {@code amended}, a later version; its answers so
   * far stay as history and it awaits an answer again.
   */
  public void amend(Notice amended) {
    jdbc.sql(
            """
            UPDATE exchange_notice SET version = :version, exporter = :exporter,
                importer = :importer, consignee = :consignee, substance_id = :substanceId,
                substance_name = :substanceName, cas = :cas, control_table = :table,
                quantity = :quantity, unit = :unit, packages = :packages, invoice = :invoice,
                route = :route, exit_point = :exitPoint, entry_point = :entryPoint,
                dispatch_date = :dispatch, transport = :transport, response_deadline = :deadline,
                status = 'AWAITING_ANSWER'
            WHERE id = :id AND version < :version
            """)
        .param("id", amended.id())
        .param("version", amended.version())
        .param("exporter", amended.exporter())
        .param("importer", amended.importer())
        .param("consignee", amended.consignee())
        .param("substanceId", amended.substanceId())
        .param("substanceName", amended.substanceName())
        .param("cas", amended.cas())
        .param("table", amended.controlTable())
        .param("quantity", amended.quantity().toPlainString())
        .param("unit", amended.unit())
        .param("packages", amended.packages())
        .param("invoice", amended.invoice())
        .param("route", amended.route())
        .param("exitPoint", amended.exitPoint())
        .param("entryPoint", amended.entryPoint())
        .param("dispatch", amended.dispatchDate())
        .param("transport", amended.transport())
        .param("deadline", amended.responseDeadline())
        .update();
  }

  public boolean answerExists(String answerId) {
    return jdbc.sql("SELECT COUNT(*) FROM exchange_notice_answer WHERE id = :id")
            .param("id", answerId)
            .query(Long.class)
            .single()
        > 0;
  }

  private Notice withAnswers(Notice notice) {
    List<NoticeAnswer> answers =
        jdbc.sql("SELECT * FROM exchange_notice_answer WHERE notice_id = :id ORDER BY answered_at")
            .param("id", notice.id())
            .query(
                (rs, row) ->
                    new NoticeAnswer(
                        rs.getString("id"),
                        rs.getInt("notice_version"),
                        NoticeAnswer.Kind.valueOf(rs.getString("answer")),
                        rs.getString("reason"),
                        rs.getString("answered_by"),
                        instant(rs, "answered_at")))
            .list();
    return new Notice(
        notice.id(),
        notice.version(),
        notice.direction(),
        notice.partnerId(),
        notice.partnerCountry(),
        notice.exporter(),
        notice.importer(),
        notice.consignee(),
        notice.substanceId(),
        notice.substanceName(),
        notice.cas(),
        notice.controlTable(),
        notice.quantity(),
        notice.unit(),
        notice.packages(),
        notice.invoice(),
        notice.route(),
        notice.exitPoint(),
        notice.entryPoint(),
        notice.dispatchDate(),
        notice.transport(),
        notice.responseDeadline(),
        notice.status(),
        notice.marking(),
        notice.filedBy(),
        notice.filedAt(),
        answers);
  }

  private Notice notice(ResultSet rs) throws SQLException {
    return new Notice(
        rs.getString("id"),
        rs.getInt("version"),
        Notice.Direction.valueOf(rs.getString("direction")),
        rs.getString("partner_id"),
        jdbc.sql("SELECT country FROM exchange_partner WHERE id = :id")
            .param("id", rs.getString("partner_id"))
            .query(String.class)
            .optional()
            .map(CountryCode::new)
            .orElse(null),
        rs.getString("exporter"),
        rs.getString("importer"),
        rs.getString("consignee"),
        rs.getString("substance_id"),
        rs.getString("substance_name"),
        rs.getString("cas"),
        rs.getString("control_table"),
        new java.math.BigDecimal(rs.getString("quantity")),
        rs.getString("unit"),
        rs.getInt("packages"),
        rs.getString("invoice"),
        rs.getString("route"),
        rs.getString("exit_point"),
        rs.getString("entry_point"),
        rs.getObject("dispatch_date", java.time.LocalDate.class),
        rs.getString("transport"),
        rs.getObject("response_deadline", java.time.LocalDate.class),
        Notice.Status.valueOf(rs.getString("status")),
        Rows.marking(rs),
        rs.getString("filed_by"),
        instant(rs, "filed_at"),
        List.of());
  }
}
