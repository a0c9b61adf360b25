package org.presstrace.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.presstrace.registry.CustodyRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The custody_event table as stored, row by row, for checking it against the ledger. */
@Repository
public class CustodyRecords {

  private final JdbcClient jdbc;

  CustodyRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many custody events are stored, of all machines. */
  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM custody_event").query(Long.class).single();
  }

  /** Entry {@code seq} of the machine's chain of custody, if stored. */
  public Optional<CustodyRecord> find(String machineId, int seq) {
    return jdbc.sql("SELECT * FROM custody_event WHERE machine_id = :machine AND seq = :seq")
        .param("machine", machineId)
        .param("seq", seq)
        .query(CustodyRecords::record)
        .optional();
  }

  private static CustodyRecord record(ResultSet rs, int row) throws SQLException {
    OffsetDateTime checked = rs.getObject("buyer_checked_at", OffsetDateTime.class);
    return new CustodyRecord(
        rs.getString("id"),
        rs.getString("machine_id"),
        rs.getInt("seq"),
        rs.getString("type"),
        rs.getObject("occurred_on", LocalDate.class),
        rs.getString("from_registrant"),
        rs.getString("to_registrant"),
        rs.getString("agency"),
        rs.getString("buyer_registration"),
        checked == null ? null : checked.toInstant(),
        rs.getString("transaction_id"),
        rs.getString("details"),
        rs.getString("salt"),
        new CustodyRecord.OwnMarking(
            rs.getString("owner_agency"),
            rs.getString("tlp"),
            rs.getString("cui_category"),
            rs.getBoolean("noforn"),
            rs.getString("rel_to"),
            rs.getString("compartment")));
  }
}
