package org.presstrace.registry.internal;

import java.time.LocalDate;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rewrites report and expiry days of stored records so that the demo world reads as a history
 * reported as it happened. Only the registry's demo history uses it, and only for the demo world.
 */
@Repository
public class DemoHistoryStore {

  private final JdbcClient jdbc;

  DemoHistoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Dates each custody report (imports and exports aside) to the day after its event, and the
   * transfers of {@code lateMachines} more than 30 days before {@code today} to 26 days after.
   */
  public void dateCustodyReports(LocalDate today, Collection<String> lateMachines) {
    jdbc.sql(
            "UPDATE custody_event SET reported_at = CAST(occurred_on AS TIMESTAMP) + INTERVAL '1' DAY"
                + " WHERE type NOT IN ('MachineImported', 'MachineExported')"
                + " AND occurred_on < :yesterday")
        .param("yesterday", today.minusDays(1))
        .update();
    for (String machine : lateMachines) {
      jdbc.sql(
              "UPDATE custody_event SET reported_at = CAST(occurred_on AS TIMESTAMP) + INTERVAL '26' DAY"
                  + " WHERE machine_id = :m AND type = 'MachineTransferred'"
                  + " AND occurred_on < :cutoff")
          .param("m", machine)
          .param("cutoff", today.minusDays(30))
          .update();
    }
  }

  /**
   * Sets the registrant's expiry day, in the registrant, in its activations in the status history,
   * and in its certificates (valid for the year before).
   */
  public void expireOn(String registrantId, LocalDate day) {
    jdbc.sql("UPDATE registrant SET expires_on = :d WHERE id = :id")
        .param("d", day)
        .param("id", registrantId)
        .update();
    jdbc.sql(
            "UPDATE registrant_status_change SET expires_on = :d WHERE registrant_id = :id AND status = 'ACTIVE'")
        .param("d", day)
        .param("id", registrantId)
        .update();
    jdbc.sql(
            "UPDATE registration_certificate SET valid_from = :f, valid_until = :d WHERE registrant_id = :id")
        .param("f", day.minusYears(1))
        .param("d", day)
        .param("id", registrantId)
        .update();
  }

  /** How many registrants are stored. */
  public long registrants() {
    return count("registrant");
  }

  /** How many machines, parts and moulds are stored. */
  public long items() {
    return count("machine");
  }

  /** How many custody events are stored. */
  public long custodyEvents() {
    return count("custody_event");
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
