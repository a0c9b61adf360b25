package org.presstrace.registry.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.presstrace.registry.ReportKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records a compliance sweep judges: recent custody events with the report they moved under,
 * late transaction reports not queued yet, registrations about to expire and recent acquisitions of
 * whole machines. Read-only; the sweep decides what to raise.
 */
@Repository
public class ComplianceCandidates {

  /**
   * A custody event and, for an import or export, the filing day of its transaction report unless
   * that was withdrawn.
   *
   * @param registrant the registrant it moved from, else the one it moved to
   * @param reportedAt when the event was reported
   * @param zone the time zone the registrant files in, null for the default
   * @param discoveredOn for a loss or theft found later, the day it was discovered; else null
   */
  public record ReportedEvent(
      String id,
      String machineId,
      String type,
      LocalDate occurredOn,
      java.time.Instant reportedAt,
      String zone,
      String registrant,
      String agency,
      String transactionId,
      LocalDate reportFiledOn,
      LocalDate discoveredOn) {}

  /** A transaction report filed late. */
  public record LateReport(
      String id, String registrant, ReportKind direction, LocalDate proposedOn) {}

  /**
   * An active registration and its expiry day.
   *
   * @param label legal name and registration number
   */
  public record ExpiringRegistration(String registrantId, String label, LocalDate expiresOn) {}

  /**
   * A held mould or punch with an imprint, and its holder when that is not a manufacturer.
   *
   * @param holderLabel legal name and registration number
   */
  public record ImprintedTooling(
      String machineId, String imprint, String holder, String holderLabel, String category) {}

  /** Held moulds and punches with an imprint whose holder is not a MANUFACTURER. */
  public List<ImprintedTooling> imprintedToolingOfNonManufacturers() {
    return jdbc.sql(
            """
            SELECT m.id, m.imprint, m.current_holder, r.legal_name, r.registration_number,
                   r.category
            FROM machine m JOIN registrant r ON r.id = m.current_holder
            WHERE m.imprint IS NOT NULL AND m.state = 'HELD' AND r.category <> 'MANUFACTURER'
            ORDER BY m.id
            """)
        .query(
            (rs, n) ->
                new ImprintedTooling(
                    rs.getString("id"),
                    rs.getString("imprint"),
                    rs.getString("current_holder"),
                    rs.getString("legal_name") + " (" + rs.getString("registration_number") + ")",
                    rs.getString("category")))
        .list();
  }

  /** A custody event by which {@code registrant} came to hold a machine. */
  public record Acquisition(String eventId, String registrant) {}

  private final JdbcClient jdbc;

  ComplianceCandidates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Custody events reported or happening on or after {@code since}, in reporting order. */
  public List<ReportedEvent> custodyEventsSince(LocalDate since) {
    return jdbc.sql(
            """
            SELECT ce.id, ce.machine_id, ce.type, ce.occurred_on, ce.reported_at, ce.discovered_on,
                   ce.from_registrant, ce.to_registrant, ce.agency, ce.transaction_id,
                   tr.filed_on AS report_filed_on, rg.time_zone AS filer_zone
            FROM custody_event ce
            LEFT JOIN transaction_report tr
              ON tr.id = ce.transaction_id AND tr.status <> 'WITHDRAWN'
            LEFT JOIN registrant rg ON rg.id = COALESCE(ce.from_registrant, ce.to_registrant)
            WHERE ce.reported_at >= :since OR ce.occurred_on >= :sinceDay
            ORDER BY ce.reported_at, ce.id
            """)
        .param("since", OffsetDateTime.of(since.atStartOfDay(), ZoneOffset.UTC))
        .param("sinceDay", since)
        .query(
            (rs, n) ->
                new ReportedEvent(
                    rs.getString("id"),
                    rs.getString("machine_id"),
                    rs.getString("type"),
                    rs.getObject("occurred_on", LocalDate.class),
                    rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
                    rs.getString("filer_zone"),
                    rs.getString("from_registrant") != null
                        ? rs.getString("from_registrant")
                        : rs.getString("to_registrant"),
                    rs.getString("agency"),
                    rs.getString("transaction_id"),
                    rs.getObject("report_filed_on", LocalDate.class),
                    rs.getObject("discovered_on", LocalDate.class)))
        .list();
  }

  /** Transaction reports filed LATE that no LATE_REPORT item names yet. */
  public List<LateReport> lateReportsNotQueued() {
    return jdbc.sql(
            """
            SELECT r.id, r.registrant_id, r.direction, r.proposed_on FROM transaction_report r
            WHERE r.timing = 'LATE' AND NOT EXISTS (
              SELECT 1 FROM compliance_item c
              WHERE c.kind = 'LATE_REPORT' AND c.report_id = r.id)
            """)
        .query(
            (rs, n) ->
                new LateReport(
                    rs.getString("id"),
                    rs.getString("registrant_id"),
                    ReportKind.valueOf(rs.getString("direction")),
                    rs.getObject("proposed_on", LocalDate.class)))
        .list();
  }

  /** Registrations stored ACTIVE that expire from {@code from} to {@code until}, soonest first. */
  public List<ExpiringRegistration> registrationsExpiring(LocalDate from, LocalDate until) {
    return jdbc.sql(
            """
            SELECT id, legal_name, registration_number, expires_on FROM registrant
            WHERE status = 'ACTIVE' AND expires_on >= :today AND expires_on <= :until
            ORDER BY expires_on, id
            """)
        .param("today", from)
        .param("until", until)
        .query(
            (rs, n) ->
                new ExpiringRegistration(
                    rs.getString("id"),
                    rs.getString("legal_name") + " (" + rs.getString("registration_number") + ")",
                    rs.getObject("expires_on", LocalDate.class)))
        .list();
  }

  /**
   * Transfers, imports and declarations of equipment of {@code kinds} that happened after {@code
   * since}, by acquiring registrant, then in order.
   */
  public List<Acquisition> acquisitionsAfter(LocalDate since, List<String> kinds) {
    return jdbc.sql(
            "SELECT ce.id, ce.to_registrant FROM custody_event ce"
                + " JOIN machine m ON m.id = ce.machine_id"
                + " WHERE ce.type IN ('MachineTransferred', 'MachineImported',"
                + " 'MachineDeclared') AND ce.occurred_on > :since AND m.kind IN (:kinds)"
                + " ORDER BY ce.to_registrant, ce.occurred_on, ce.reported_at, ce.id")
        .param("since", since)
        .param("kinds", kinds)
        .query((rs, n) -> new Acquisition(rs.getString("id"), rs.getString("to_registrant")))
        .list();
  }
}
