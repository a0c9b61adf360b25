package org.presstrace.exchange.internal;

import static org.presstrace.exchange.internal.Rows.instant;
import static org.presstrace.exchange.internal.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.presstrace.access.Marking;
import org.presstrace.exchange.QuarantinedMessage;
import org.presstrace.exchange.ReceivedMessage;
import org.presstrace.shared.CountryCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code exchange_inbox} table (messages received, unique per partner and message id) and the
 * {@code exchange_nonce} table (the nonces of signed requests until they could no longer be fresh).
 */
@Repository
public class InboxStore {

  private final JdbcClient jdbc;

  InboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Remembers a nonce; false when the partner used it already. */
  public boolean rememberNonce(String partnerId, String nonce, Instant expires) {
    boolean seen =
        jdbc.sql(
                    "SELECT COUNT(*) FROM exchange_nonce WHERE partner_id = :partner"
                        + " AND nonce = :nonce")
                .param("partner", partnerId)
                .param("nonce", nonce)
                .query(Long.class)
                .single()
            > 0;
    if (seen) {
      return false;
    }
    try {
      jdbc.sql(
              "INSERT INTO exchange_nonce (partner_id, nonce, expires_at)"
                  + " VALUES (:partner, :nonce, :expires)")
          .param("partner", partnerId)
          .param("nonce", nonce)
          .param("expires", utc(expires))
          .update();
      return true;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  /** Forgets the nonces that expired before {@code now}; returns how many. */
  public int forgetNonces(Instant now) {
    return jdbc.sql("DELETE FROM exchange_nonce WHERE expires_at < :now")
        .param("now", utc(now))
        .update();
  }

  public Optional<ReceivedMessage> find(String partnerId, String messageId) {
    return jdbc.sql("SELECT * FROM exchange_inbox WHERE partner_id = :partner AND message_id = :id")
        .param("partner", partnerId)
        .param("id", messageId)
        .query(InboxStore::message)
        .optional();
  }

  public Optional<ReceivedMessage> atSequence(String partnerId, long sequence) {
    return jdbc.sql(
            "SELECT * FROM exchange_inbox WHERE partner_id = :partner AND sequence = :sequence")
        .param("partner", partnerId)
        .param("sequence", sequence)
        .query(InboxStore::message)
        .optional();
  }

  public void insert(ReceivedMessage message) {
    insert(message, null);
  }

  /** Stores a received message with the headers of the signed request that carried it. */
  public void insert(ReceivedMessage message, String headers) {
    Marking m = message.marking();
    jdbc.sql(
            """
            INSERT INTO exchange_inbox (partner_id, message_id, sequence, message_type, body,
                origin_country, owner_agency, tlp, cui_category, noforn, rel_to, compartment,
                sent_at, received_at, headers)
            VALUES (:partner, :id, :sequence, :type, :body, :country, :owner, :tlp, :cui,
                :noforn, :relTo, :compartment, :sentAt, :receivedAt, :headers)
            """)
        .param("partner", message.partnerId())
        .param("id", message.messageId())
        .param("sequence", message.sequence())
        .param("type", message.type())
        .param("body", message.body())
        .param("country", message.originCountry().alpha3())
        .param("owner", m.ownerAgency())
        .param("tlp", m.tlp().name())
        .param("cui", m.cuiCategory())
        .param("noforn", m.noforn())
        .param("relTo", m.relToColumn())
        .param("compartment", m.compartment())
        .param("sentAt", utc(message.sentAt()))
        .param("receivedAt", utc(message.receivedAt()))
        .param("headers", headers)
        .update();
  }

  /** Sets a message aside as quarantined with the handler's error (again, on a failed replay). */
  public void quarantine(String partnerId, String messageId, String error, Instant at) {
    jdbc.sql(
            "UPDATE exchange_inbox SET quarantined_at = :at, quarantine_error = :error"
                + " WHERE partner_id = :partner AND message_id = :id")
        .param("at", utc(at))
        .param("error", error)
        .param("partner", partnerId)
        .param("id", messageId)
        .update();
  }

  /** Whether the message is quarantined and not yet replayed. */
  public boolean quarantined(String partnerId, String messageId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM exchange_inbox WHERE partner_id = :partner"
                    + " AND message_id = :id AND quarantined_at IS NOT NULL AND replayed_at IS NULL")
            .param("partner", partnerId)
            .param("id", messageId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Marks a quarantined message applied by a replay. */
  public void replayed(String partnerId, String messageId, Instant at) {
    jdbc.sql(
            "UPDATE exchange_inbox SET replayed_at = :at, applied_at = :at"
                + " WHERE partner_id = :partner AND message_id = :id")
        .param("at", utc(at))
        .param("partner", partnerId)
        .param("id", messageId)
        .update();
  }

  /** Every message ever quarantined, the open ones first, newest first. */
  public List<QuarantinedMessage> quarantine() {
    return jdbc.sql(
            """
            SELECT partner_id, message_id, sequence, message_type, owner_agency, tlp, cui_category,
                noforn, rel_to, compartment, body, headers,
                quarantine_error, received_at, quarantined_at, replayed_at
            FROM exchange_inbox WHERE quarantined_at IS NOT NULL
            ORDER BY CASE WHEN replayed_at IS NULL THEN 0 ELSE 1 END, quarantined_at DESC
            """)
        .query(
            (rs, row) ->
                new QuarantinedMessage(
                    rs.getString("partner_id"),
                    rs.getString("message_id"),
                    rs.getLong("sequence"),
                    rs.getString("message_type"),
                    Rows.marking(rs).banner(),
                    rs.getString("body").getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    rs.getString("headers"),
                    rs.getString("quarantine_error"),
                    instant(rs, "received_at"),
                    instant(rs, "quarantined_at"),
                    instant(rs, "replayed_at")))
        .list();
  }

  public void applied(String partnerId, String messageId, Instant at) {
    jdbc.sql(
            "UPDATE exchange_inbox SET applied_at = :at WHERE partner_id = :partner"
                + " AND message_id = :id")
        .param("at", utc(at))
        .param("partner", partnerId)
        .param("id", messageId)
        .update();
  }

  /** Every message received from the partner, in its sequence order. */
  public List<ReceivedMessage> received(String partnerId) {
    return jdbc.sql("SELECT * FROM exchange_inbox WHERE partner_id = :partner ORDER BY sequence")
        .param("partner", partnerId)
        .query(InboxStore::message)
        .list();
  }

  /** How many messages from the partner wait for an earlier one. */
  public long waiting(String partnerId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM exchange_inbox WHERE partner_id = :partner"
                + " AND applied_at IS NULL AND quarantined_at IS NULL")
        .param("partner", partnerId)
        .query(Long.class)
        .single();
  }

  private static ReceivedMessage message(ResultSet rs, int row) throws SQLException {
    return new ReceivedMessage(
        rs.getString("partner_id"),
        new CountryCode(rs.getString("origin_country")),
        rs.getString("message_id"),
        rs.getLong("sequence"),
        rs.getString("message_type"),
        rs.getString("body"),
        Rows.marking(rs),
        instant(rs, "sent_at"),
        instant(rs, "received_at"));
  }
}
