package org.presstrace.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.presstrace.access.ConflictingState;
import org.presstrace.access.ProtectedKind;
import org.presstrace.registry.CustodyEntry;
import org.presstrace.registry.CustodyEvent;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.Deadlines;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentPower;
import org.presstrace.registry.MachineView;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportTiming;
import org.presstrace.registry.SerialNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The machine and custody event tables, for writes. Reads that show content go through {@code
 * GuardedReads} with {@link #KIND}; the loads here serve state changes only and return nothing to
 * the caller that the change does not already disclose.
 */
@Repository
public class Machines {

  /** Machines, critical parts and moulds; every read states a purpose. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "machine",
          "machine",
          "r.id, r.serial_as_entered, r.serial_normalised, r.make, r.model, r.kind, r.imprint,"
              + " r.manufacturer_registrant, r.current_holder, r.state, r.location, r.legacy,"
              + " r.tampering_reported, r.installed_in, r.power, r.rated_output_per_hour, r.created_at,"
              + " "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  /** The chain of custody of the machine {@code :id}, oldest first. */
  public static final String CUSTODY_SQL =
      "SELECT * FROM custody_event WHERE machine_id = :id ORDER BY seq";

  private final JdbcClient jdbc;

  Machines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The aggregate, for a state change. */
  public Optional<Machine> load(String id) {
    return jdbc.sql(
            "SELECT id, serial_as_entered, kind, current_holder, state, location,"
                + " tampering_reported FROM machine WHERE id = :id")
        .param("id", id)
        .query(
            (rs, row) ->
                new Machine(
                    rs.getString("id"),
                    new SerialNumber(rs.getString("serial_as_entered")),
                    EquipmentKind.valueOf(rs.getString("kind")),
                    rs.getString("current_holder"),
                    CustodyState.valueOf(rs.getString("state")),
                    rs.getString("location"),
                    rs.getBoolean("tampering_reported")))
        .optional();
  }

  /** The holder of a part's machine, to check a part is installed in the holder's own machine. */
  public Optional<String> holderOf(String id) {
    return jdbc.sql("SELECT current_holder FROM machine WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  /** The machine just written, read back without a second audit entry (the write was audited). */
  public MachineView written(String id) {
    return jdbc.sql("SELECT " + KIND.columns() + " FROM machine r WHERE r.id = :id")
        .param("id", id)
        .query(Machines::view)
        .single();
  }

  public static String makeKey(String make) {
    return make.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  public void insert(
      Machine machine,
      NewMachine spec,
      String manufacturer,
      String ownerAgency,
      boolean legacy,
      Instant at) {
    String make = spec.make().strip();
    long clashes =
        jdbc.sql(
                "SELECT COUNT(*) FROM machine WHERE make_key = :make AND serial_normalised = :serial")
            .param("make", makeKey(make))
            .param("serial", machine.serial().normalised())
            .query(Long.class)
            .single();
    if (clashes > 0) {
      throw new ConflictingState(
          "serial '"
              + machine.serial()
              + "' (read as "
              + machine.serial().normalised()
              + ") is already registered for make "
              + make
              + ": serials are unique per manufacturer");
    }
    jdbc.sql(
            """
            INSERT INTO machine (id, serial_as_entered, serial_normalised, make, make_key, model,
                                 kind, imprint, manufacturer_registrant, current_holder, state,
                                 location, legacy, tampering_reported, installed_in, owner_agency,
                                 tlp, cui_category, noforn, rel_to, compartment, created_at,
                                 updated_at, version, power, rated_output_per_hour)
            VALUES (:id, :serial, :normalised, :make, :makeKey, :model, :kind, :imprint,
                    :manufacturer, :holder, :state, :location, :legacy, FALSE, :installedIn,
                    :owner, 'GREEN', 'PROPIN', FALSE, NULL, NULL, :at, :at, 1, :power,
                    :ratedOutput)
            """)
        .param("id", machine.id())
        .param("serial", machine.serial().asEntered())
        .param("normalised", machine.serial().normalised())
        .param("make", make)
        .param("makeKey", makeKey(make))
        .param("model", spec.model().strip())
        .param("kind", machine.kind().name())
        .param("imprint", blankToNull(spec.imprint()))
        .param("manufacturer", manufacturer)
        .param("holder", machine.holder())
        .param("state", machine.state().name())
        .param("location", machine.location())
        .param("legacy", legacy)
        .param("installedIn", blankToNull(spec.installedIn()))
        .param("owner", ownerAgency)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("power", spec.power() == null ? null : spec.power().name())
        .param("ratedOutput", spec.ratedOutputPerHour())
        .update();
  }

  /** Writes the machine's new state; the owning agency follows the holder. */
  public void update(Machine machine, String ownerAgency, Instant at) {
    jdbc.sql(
            """
            UPDATE machine SET current_holder = :holder, state = :state, location = :location,
                   tampering_reported = :tampering, owner_agency = :owner, updated_at = :at,
                   version = version + 1
            WHERE id = :id
            """)
        .param("holder", machine.holder())
        .param("state", machine.state().name())
        .param("location", machine.location())
        .param("tampering", machine.tamperingReported())
        .param("owner", ownerAgency)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("id", machine.id())
        .update();
  }

  /** Appends the machine's recorded events to its chain of custody. */
  public void append(Machine machine, String recordedBy, Instant reportedAt) {
    int seq =
        jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM custody_event WHERE machine_id = :id")
            .param("id", machine.id())
            .query(Integer.class)
            .single();
    for (CustodyEvent event : machine.recordedEvents()) {
      append(event, ++seq, recordedBy, reportedAt);
    }
  }

  private void append(CustodyEvent event, int seq, String recordedBy, Instant reportedAt) {
    jdbc.sql(
            """
            INSERT INTO custody_event (id, machine_id, seq, type, occurred_on, reported_at,
                                       from_registrant, to_registrant, agency, buyer_registration,
                                       buyer_checked_at, transaction_id, details, recorded_by)
            VALUES (:id, :machine, :seq, :type, :occurred, :reported, :from, :to, :agency,
                    :buyerRegistration, :buyerChecked, :transaction, :details, :by)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("machine", event.machineId())
        .param("seq", seq)
        .param("type", event.type())
        .param("occurred", event.occurredOn())
        .param("reported", OffsetDateTime.ofInstant(reportedAt, ZoneOffset.UTC))
        .param("from", event.fromRegistrant())
        .param("to", event.toRegistrant())
        .param("agency", event.agency())
        .param("buyerRegistration", event.buyerRegistration())
        .param(
            "buyerChecked",
            event.buyerCheckedAt() == null
                ? null
                : OffsetDateTime.ofInstant(event.buyerCheckedAt(), ZoneOffset.UTC))
        .param("transaction", event.transactionId())
        .param("details", blankToNull(event.details()))
        .param("by", recordedBy)
        .update();
  }

  public static MachineView view(ResultSet rs, int row) throws SQLException {
    return new MachineView(
        rs.getString("id"),
        rs.getString("serial_as_entered"),
        rs.getString("serial_normalised"),
        rs.getString("make"),
        rs.getString("model"),
        EquipmentKind.valueOf(rs.getString("kind")),
        rs.getString("imprint"),
        rs.getString("manufacturer_registrant"),
        rs.getString("current_holder"),
        CustodyState.valueOf(rs.getString("state")),
        rs.getString("location"),
        rs.getBoolean("legacy"),
        rs.getBoolean("tampering_reported"),
        rs.getString("installed_in"),
        rs.getString("power") == null ? null : EquipmentPower.valueOf(rs.getString("power")),
        rs.getObject("rated_output_per_hour", Integer.class));
  }

  /** Maps a custody_event row, judging its report against {@code deadlines} as of {@code today}. */
  public static CustodyEntry entry(ResultSet rs, Deadlines deadlines, LocalDate today)
      throws SQLException {
    String type = rs.getString("type");
    LocalDate occurred = rs.getObject("occurred_on", LocalDate.class);
    Instant reported = rs.getObject("reported_at", OffsetDateTime.class).toInstant();
    OffsetDateTime checked = rs.getObject("buyer_checked_at", OffsetDateTime.class);
    ReportKind duty = duty(type, rs.getString("agency"));
    ReportTiming timing =
        duty == null
            ? null
            : deadlines.timing(
                duty, occurred, LocalDate.ofInstant(reported, ZoneOffset.UTC), today);
    return new CustodyEntry(
        rs.getInt("seq"),
        type,
        occurred,
        reported,
        rs.getString("from_registrant"),
        rs.getString("to_registrant"),
        rs.getString("agency"),
        rs.getString("buyer_registration"),
        checked == null ? null : checked.toInstant(),
        rs.getString("transaction_id"),
        rs.getString("details"),
        rs.getString("recorded_by"),
        timing);
  }

  /**
   * The reporting duty whose timing a custody entry shows. An import's or export's reported_at is
   * the day its transaction report was filed.
   */
  public static ReportKind duty(String type, String agency) {
    return switch (type) {
      case "MachineTransferred" -> ReportKind.TRANSFER;
      case "MachineDeclared" -> ReportKind.ACQUISITION;
      case "MachineRelocated" -> ReportKind.RELOCATION;
      case "MachineReportedLost" -> ReportKind.LOSS;
      case "MachineReportedStolen" -> ReportKind.THEFT;
      case "MachineDestroyed" -> agency == null ? ReportKind.DESTRUCTION : null;
      case "MachineImported" -> ReportKind.IMPORT;
      case "MachineExported" -> ReportKind.EXPORT;
      default -> null;
    };
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
