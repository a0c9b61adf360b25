package org.presstrace.exchange.internal;

import static org.presstrace.exchange.internal.Rows.instant;
import static org.presstrace.exchange.internal.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.presstrace.access.Marking;
import org.presstrace.exchange.OutboxState;
import org.presstrace.exchange.OutgoingMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code exchange_outbox} table: messages to partners, pending until acknowledged. */
@Repository
public class OutboxStore {

  /** A pending message with what delivery needs. */
  public record Pending(OutgoingMessage message, String body, int attempts, Instant nextAttempt) {}

  private final JdbcClient jdbc;

  OutboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      OutgoingMessage message, String body, String kind, String recordId, String by) {
    Marking m = message.marking();
    jdbc.sql(
            """
            INSERT INTO exchange_outbox (partner_id, sequence, message_id, message_type, body,
                owner_agency, tlp, cui_category, noforn, rel_to, compartment, record_kind,
                record_id, queued_by, queued_at, status, attempts, next_attempt_at)
            VALUES (:partner, :sequence, :id, :type, :body, :owner, :tlp, :cui, :noforn, :relTo,
                :compartment, :kind, :recordId, :by, :at, 'PENDING', 0, :at)
            """)
        .param("partner", message.partnerId())
        .param("sequence", message.sequence())
        .param("id", message.messageId())
        .param("type", message.type())
        .param("body", body)
        .param("owner", m.ownerAgency())
        .param("tlp", m.tlp().name())
        .param("cui", m.cuiCategory())
        .param("noforn", m.noforn())
        .param("relTo", m.relToColumn())
        .param("compartment", m.compartment())
        .param("kind", kind)
        .param("recordId", recordId)
        .param("by", by)
        .param("at", utc(message.queuedAt()))
        .update();
  }

  /** The partners with a pending message. */
  public List<String> partnersWithPending() {
    return jdbc.sql(
            "SELECT DISTINCT partner_id FROM exchange_outbox WHERE status = 'PENDING'"
                + " ORDER BY partner_id")
        .query(String.class)
        .list();
  }

  /** The partner's pending message with the lowest sequence: only it may be delivered next. */
  public Optional<Pending> head(String partnerId) {
    return jdbc.sql(
            "SELECT * FROM exchange_outbox WHERE partner_id = :partner AND status = 'PENDING'"
                + " ORDER BY sequence LIMIT 1")
        .param("partner", partnerId)
        .query(
            (rs, row) ->
                new Pending(
                    message(rs, row),
                    rs.getString("body"),
                    rs.getInt("attempts"),
                    instant(rs, "next_attempt_at")))
        .optional();
  }

  public void delivered(String messageId, Instant at) {
    jdbc.sql(
            "UPDATE exchange_outbox SET status = 'DELIVERED', delivered_at = :at,"
                + " attempts = attempts + 1, last_error = NULL WHERE message_id = :id")
        .param("at", utc(at))
        .param("id", messageId)
        .update();
  }

  public void failed(String messageId, String error, Instant next) {
    jdbc.sql(
            "UPDATE exchange_outbox SET attempts = attempts + 1, last_error = :error,"
                + " next_attempt_at = :next WHERE message_id = :id")
        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
        .param("next", utc(next))
        .param("id", messageId)
        .update();
  }

  public OutboxState state(String partnerId) {
    long pending = count(partnerId, "PENDING");
    long delivered = count(partnerId, "DELIVERED");
    var head = head(partnerId);
    String lastError =
        head.isEmpty()
            ? null
            : jdbc.sql("SELECT last_error FROM exchange_outbox WHERE message_id = :id")
                .param("id", head.get().message().messageId())
                .query(String.class)
                .optional()
                .orElse(null);
    Instant lastDelivered =
        jdbc.sql(
                "SELECT MAX(delivered_at) FROM exchange_outbox WHERE partner_id = :partner"
                    + " AND status = 'DELIVERED'")
            .param("partner", partnerId)
            .query((rs, row) -> Optional.ofNullable(instant(rs, 1)))
            .single()
            .orElse(null);
    return new OutboxState(
        partnerId,
        pending,
        delivered,
        lastError,
        head.map(Pending::nextAttempt).orElse(null),
        lastDelivered);
  }

  /** Every message queued for the partner, in sequence order. */
  public List<OutgoingMessage> messages(String partnerId) {
    return jdbc.sql("SELECT * FROM exchange_outbox WHERE partner_id = :partner ORDER BY sequence")
        .param("partner", partnerId)
        .query(OutboxStore::message)
        .list();
  }

  private long count(String partnerId, String status) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM exchange_outbox WHERE partner_id = :partner AND status = :status")
        .param("partner", partnerId)
        .param("status", status)
        .query(Long.class)
        .single();
  }

  private static OutgoingMessage message(ResultSet rs, int row) throws SQLException {
    return new OutgoingMessage(
        rs.getString("partner_id"),
        rs.getLong("sequence"),
        rs.getString("message_id"),
        rs.getString("message_type"),
        Rows.marking(rs),
        instant(rs, "queued_at"));
  }
}
