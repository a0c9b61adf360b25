package org.presstrace.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.presstrace.registry.ReceiptStatus;
import org.presstrace.registry.SaleRecord;
import org.presstrace.registry.TransferReceipt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The transfer_record table: the buyer's answer to each recorded sale. */
@Repository
public class Receipts {

  private final JdbcClient jdbc;

  Receipts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps the record of the sale that is the machine's last custody event, its receipt PENDING;
   * {@code sale}'s receipt is ignored.
   */
  public void openForLastEvent(
      String machineId, String seller, String buyer, SaleRecord sale, Instant at) {
    jdbc.sql(
            """
            INSERT INTO transfer_record (machine_id, seq, seller, buyer, status, opened_at,
                   method_of_transfer, purchaser_id_type, purchaser_id_number, ordered_on,
                   oral_notice_at)
            SELECT :machine, MAX(seq), :seller, :buyer, 'PENDING', :at, :method, :idType,
                   :idNumber, :orderedOn, :notice
            FROM custody_event WHERE machine_id = :machine
            """)
        .param("machine", machineId)
        .param("seller", seller)
        .param("buyer", buyer)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("method", sale.methodOfTransfer())
        .param("idType", sale.purchaserIdType())
        .param("idNumber", sale.purchaserIdNumber())
        .param("orderedOn", sale.orderedOn())
        .param(
            "notice",
            sale.oralNoticeAt() == null
                ? null
                : OffsetDateTime.ofInstant(sale.oralNoticeAt(), ZoneOffset.UTC))
        .update();
  }

  /** The latest receipt of a transfer of this machine to {@code buyer}, if any. */
  public Optional<TransferReceipt> latestTo(String machineId, String buyer) {
    return jdbc
        .sql(
            "SELECT * FROM transfer_record WHERE machine_id = :machine AND buyer = :buyer"
                + " ORDER BY seq DESC")
        .param("machine", machineId)
        .param("buyer", buyer)
        .query(Receipts::receipt)
        .list()
        .stream()
        .findFirst();
  }

  /** Records the buyer's answer, if the receipt is still PENDING; whether it was. */
  public boolean answer(
      String machineId,
      int seq,
      ReceiptStatus status,
      String by,
      String serialRead,
      String note,
      Instant at) {
    return jdbc.sql(
                """
                UPDATE transfer_record SET status = :status, answered_at = :at,
                       answered_by = :by, serial_read = :serial, note = :note
                WHERE machine_id = :machine AND seq = :seq AND status = 'PENDING'
                """)
            .param("status", status.name())
            .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .param("by", by)
            .param("serial", serialRead)
            .param("note", note)
            .param("machine", machineId)
            .param("seq", seq)
            .update()
        == 1;
  }

  /** Receipts still PENDING that were opened before {@code before}, oldest first. */
  public List<TransferReceipt> pendingSince(Instant before) {
    return jdbc.sql(
            "SELECT * FROM transfer_record WHERE status = 'PENDING' AND opened_at < :before"
                + " ORDER BY opened_at, machine_id, seq")
        .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
        .query(Receipts::receipt)
        .list();
  }

  /**
   * A sale's order and oral notice, for judging the notice.
   *
   * @param sellerZone the seller's filing zone, null for the default
   */
  public record OralNotice(
      String machineId,
      int seq,
      String seller,
      java.time.LocalDate orderedOn,
      java.time.LocalDate shippedOn,
      Instant noticeAt,
      String sellerZone) {}

  /** The sales recorded since {@code since}, with their order and oral notice. */
  public List<OralNotice> salesSince(Instant since) {
    return jdbc.sql(
            """
            SELECT t.machine_id, t.seq, t.seller, t.ordered_on, t.oral_notice_at,
                   ce.occurred_on, rg.time_zone
            FROM transfer_record t
            JOIN custody_event ce ON ce.machine_id = t.machine_id AND ce.seq = t.seq
            JOIN registrant rg ON rg.id = t.seller
            WHERE t.opened_at >= :since
            ORDER BY t.opened_at, t.machine_id, t.seq
            """)
        .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
        .query(
            (rs, row) -> {
              OffsetDateTime notice = rs.getObject("oral_notice_at", OffsetDateTime.class);
              return new OralNotice(
                  rs.getString("machine_id"),
                  rs.getInt("seq"),
                  rs.getString("seller"),
                  rs.getObject("ordered_on", java.time.LocalDate.class),
                  rs.getObject("occurred_on", java.time.LocalDate.class),
                  notice == null ? null : notice.toInstant(),
                  rs.getString("time_zone"));
            })
        .list();
  }

  private static TransferReceipt receipt(ResultSet rs, int row) throws SQLException {
    OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
    return new TransferReceipt(
        rs.getString("machine_id"),
        rs.getInt("seq"),
        rs.getString("seller"),
        rs.getString("buyer"),
        ReceiptStatus.valueOf(rs.getString("status")),
        rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
        answered == null ? null : answered.toInstant(),
        rs.getString("answered_by"),
        rs.getString("serial_read"),
        rs.getString("note"));
  }
}
