package org.presstrace.registry.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.presstrace.access.DerivedMarking;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.registry.CustodyEntry;
import org.presstrace.registry.CustodyEvent;
import org.presstrace.registry.CustodyRecord;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.CustodyStored;
import org.presstrace.registry.Deadlines;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentPower;
import org.presstrace.registry.MachineView;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.ReceiptStatus;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportTiming;
import org.presstrace.registry.SaleRecord;
import org.presstrace.registry.SerialNumber;
import org.presstrace.shared.ConflictingState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
              + " r.updated_at, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  /**
   * The chain of custody of the machine {@code :id}, oldest first, each event with the time zone
   * ({@code filer_zone}) of the registrant that reported it, which its filing day is taken in.
   *
   * <p>Whatever the planner expects of a machine's history, the statement reads only what the
   * events name: each filer's zone by its key, and the sale records of the machines asked for. As a
   * join, the registrant table was hashed whole when the planner expected a few hundred events: at
   * national size, 590 for the 45 events of a pattern trace's 5 machines (docs/registry.md,
   * "Histories of several machines").
   */
  public static final String CUSTODY_SQL =
      "SELECT ce.*, (SELECT rg.time_zone FROM registrant rg"
          + " WHERE rg.id = COALESCE(ce.from_registrant, ce.to_registrant)) AS filer_zone,"
          + " tr.status AS receipt,"
          + " tr.method_of_transfer AS sale_method, tr.purchaser_id_type AS sale_id_type,"
          + " tr.purchaser_id_number AS sale_id_number, tr.ordered_on AS sale_ordered_on,"
          + " tr.oral_notice_at AS sale_oral_notice_at FROM custody_event ce"
          + " LEFT JOIN transfer_record tr ON tr.machine_id = ce.machine_id AND tr.seq = ce.seq"
          + " AND tr.machine_id = :id"
          + " WHERE ce.machine_id = :id ORDER BY ce.seq";

  /**
   * The custody events of the machines in {@code :acc_ids}, as {@link #CUSTODY_SQL} reads them for
   * one, each machine's in order, for a guarded read of several histories at once.
   */
  public static final String CUSTODY_OF_MANY_SQL =
      CUSTODY_SQL
          .replace(" AND tr.machine_id = :id", " AND tr.machine_id IN (:acc_ids)")
          .replace(
              " WHERE ce.machine_id = :id ORDER BY ce.seq",
              " WHERE ce.machine_id IN (:acc_ids) ORDER BY ce.machine_id, ce.seq");

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  Machines(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  private static final String AGGREGATE =
      "SELECT id, serial_as_entered, kind, current_holder, state, location,"
          + " tampering_reported FROM machine WHERE id = :id";

  /**
   * The aggregate, for a state change, with its row held until the transaction ends: a second
   * change of the same machine waits for the first to commit and then reads the state it left, so
   * two sales of one machine cannot both pass the check that the seller holds it.
   */
  public Optional<Machine> load(String id) {
    return jdbc.sql(AGGREGATE + " FOR UPDATE")
        .param("id", id)
        .query((rs, row) -> aggregate(rs))
        .optional();
  }

  /**
   * The aggregate as {@link #load} reads it, with its row held, together with the view of the
   * machine as stored, read in the same statement: a change that answers with the machine (a sale)
   * derives its answer with {@link Held#afterChange()} instead of reading the row again.
   */
  public Optional<Held> loadHeld(String id) {
    return jdbc.sql(HELD + " FOR UPDATE")
        .param("id", id)
        .query((rs, row) -> new Held(aggregate(rs), view(rs, row)))
        .optional();
  }

  private static final String HELD =
      "SELECT id, serial_as_entered, serial_normalised, make, model, kind, imprint,"
          + " manufacturer_registrant, current_holder, state, location, legacy,"
          + " tampering_reported, installed_in, power, rated_output_per_hour FROM machine"
          + " WHERE id = :id";

  /**
   * A machine loaded for a change, with its row held, and its view as it was stored before the
   * change.
   */
  public record Held(Machine machine, MachineView before) {

    /**
     * The view as {@link #written} reads it after {@link #update} has stored the aggregate: the
     * update writes the holder, state, location and tampering flag and nothing else of the view,
     * and no other transaction changes the row while this one holds it.
     */
    public MachineView afterChange() {
      return new MachineView(
          before.id(),
          before.serial(),
          before.serialNormalised(),
          before.make(),
          before.model(),
          before.kind(),
          before.imprint(),
          before.manufacturer(),
          machine.holder(),
          machine.state(),
          machine.location(),
          before.legacy(),
          machine.tamperingReported(),
          before.installedIn(),
          before.power(),
          before.ratedOutputPerHour());
    }
  }

  /** The aggregate as committed, without holding its row: for a check that changes nothing. */
  public Optional<Machine> current(String id) {
    return jdbc.sql(AGGREGATE).param("id", id).query((rs, row) -> aggregate(rs)).optional();
  }

  private static Machine aggregate(ResultSet rs) throws SQLException {
    return new Machine(
        rs.getString("id"),
        new SerialNumber(rs.getString("serial_as_entered")),
        EquipmentKind.valueOf(rs.getString("kind")),
        rs.getString("current_holder"),
        CustodyState.valueOf(rs.getString("state")),
        rs.getString("location"),
        rs.getBoolean("tampering_reported"));
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

  /**
   * The model as a make-and-model trace compares it: stripped and lower-cased in the root locale.
   */
  public static String modelKey(String model) {
    return model.strip().toLowerCase(Locale.ROOT);
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
        jdbc.sql("SELECT COUNT(*) FROM machine WHERE make_key = :make AND serial_key = :serial")
            .param("make", makeKey(make))
            .param("serial", machine.serial().identity())
            .query(Long.class)
            .single();
    if (clashes > 0) {
      // Registry checks first and tells a registrant of its own duplicate; this is the backstop
      // for equipment registered meanwhile, and names nothing about it.
      throw new ConflictingState(
          "serial '"
              + machine.serial()
              + "' conflicts with an existing registration: serials are unique per manufacturer");
    }
    jdbc.sql(INSERT_MACHINE)
        .paramSource(
            machineParams(new NewRow(machine, spec, manufacturer, ownerAgency, legacy), at))
        .update();
  }

  /** Stored equipment whose make and serial a new item repeats, and who holds it. */
  public record Registered(String machineId, String holder) {}

  /**
   * The stored equipment of this make (compared by {@link #makeKey}) with this serial (compared by
   * {@link SerialNumber#identity()}), if any.
   */
  public Optional<Registered> registered(String make, SerialNumber serial) {
    return jdbc.sql(
            "SELECT id, current_holder FROM machine WHERE make_key = :make AND serial_key = :serial")
        .param("make", makeKey(make.strip()))
        .param("serial", serial.identity())
        .query((rs, row) -> new Registered(rs.getString("id"), rs.getString("current_holder")))
        .optional();
  }

  /** Stored equipment whose serial only looks like a new item's, and who holds it. */
  public record LookAlike(String machineId, String serial, String holder) {}

  /**
   * The stored equipment of this make whose serial reads the same once look-alikes are folded
   * ({@link SerialNumber#normalised()}) but is another serial; at most {@code limit}.
   */
  public List<LookAlike> lookAlikes(String make, SerialNumber serial, int limit) {
    return jdbc
        .sql(
            "SELECT id, serial_as_entered, current_holder FROM machine WHERE make_key = :make"
                + " AND serial_normalised = :folded AND serial_key <> :serial ORDER BY id")
        .param("make", makeKey(make.strip()))
        .param("folded", serial.normalised())
        .param("serial", serial.identity())
        .query(
            (rs, row) ->
                new LookAlike(
                    rs.getString("id"),
                    rs.getString("serial_as_entered"),
                    rs.getString("current_holder")))
        .list()
        .stream()
        .limit(limit)
        .toList();
  }

  /** New equipment to insert as it stands after the changes recorded on it. */
  public record NewRow(
      Machine machine, NewMachine spec, String manufacturer, String ownerAgency, boolean legacy) {}

  /** A custody event to append as number {@code seq} of its machine's chain. */
  public record NewEvent(
      CustodyEvent event, int seq, String recordedBy, Instant reportedAt, DerivedMarking marking) {

    /** An event read with its machine (a registrant's report, an imported history). */
    public NewEvent(CustodyEvent event, int seq, String recordedBy, Instant reportedAt) {
      this(event, seq, recordedBy, reportedAt, null);
    }
  }

  /** A stored item whose changes are written only if it is still at {@code version}. */
  public record Changed(Machine machine, String ownerAgency, int version) {}

  /** A stored item found by serial, with its version and the number of its last custody event. */
  public record Found(Machine machine, String makeKey, int version, int lastSeq) {}

  private static final String INSERT_MACHINE =
      """
      INSERT INTO machine (id, serial_as_entered, serial_normalised, serial_key, make, make_key,
                           model, model_key,
                           kind, imprint, manufacturer_registrant, current_holder, state,
                           location, legacy, tampering_reported, installed_in, owner_agency,
                           tlp, cui_category, noforn, rel_to, compartment, created_at,
                           updated_at, version, power, rated_output_per_hour)
      VALUES (:id, :serial, :normalised, :serialKey, :make, :makeKey, :model, :modelKey, :kind, :imprint,
              :manufacturer, :holder, :state, :location, :legacy, :tampering, :installedIn,
              :owner, 'GREEN', 'PROPIN', FALSE, NULL, NULL, :at, :at, 1, :power,
              :ratedOutput)
      """;

  private static MapSqlParameterSource machineParams(NewRow row, Instant at) {
    Machine machine = row.machine();
    NewMachine spec = row.spec();
    String make = spec.make().strip();
    return new MapSqlParameterSource()
        .addValue("id", machine.id())
        .addValue("serial", machine.serial().asEntered())
        .addValue("normalised", machine.serial().normalised())
        .addValue("serialKey", machine.serial().identity())
        .addValue("make", make)
        .addValue("makeKey", makeKey(make))
        .addValue("model", spec.model().strip())
        .addValue("modelKey", modelKey(spec.model()))
        .addValue("kind", machine.kind().name())
        .addValue("imprint", blankToNull(spec.imprint()))
        .addValue("manufacturer", row.manufacturer())
        .addValue("holder", machine.holder())
        .addValue("state", machine.state().name())
        .addValue("location", machine.location())
        .addValue("legacy", row.legacy())
        .addValue("tampering", machine.tamperingReported())
        .addValue("installedIn", blankToNull(spec.installedIn()))
        .addValue("owner", row.ownerAgency())
        .addValue("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .addValue("power", spec.power() == null ? null : spec.power().name())
        .addValue("ratedOutput", spec.ratedOutputPerHour());
  }

  /** Inserts new equipment in JDBC batches. */
  public void insertAll(List<NewRow> rows, Instant at) {
    batch(INSERT_MACHINE, rows, row -> machineParams(row, at));
  }

  /**
   * Writes the new state of stored equipment in JDBC batches; refuses, so that the caller's
   * transaction rolls back, if any item changed since it was read.
   */
  public void updateAll(List<Changed> changes, Instant at) {
    List<int[]> counts =
        batch(
            UPDATE_MACHINE + " AND version = :version",
            changes,
            change ->
                updateParams(change.machine(), change.ownerAgency(), at)
                    .addValue("version", change.version()));
    for (int[] chunk : counts) {
      for (int count : chunk) {
        if (count == 0) {
          throw new ConflictingState(
              "equipment changed while the file was imported; nothing was stored, try again");
        }
      }
    }
  }

  /** Appends custody events in JDBC batches; answers each as stored, in the order given. */
  public List<CustodyStored> appendAll(List<NewEvent> events) {
    var params = new java.util.ArrayList<MapSqlParameterSource>(events.size());
    var stored = new java.util.ArrayList<CustodyStored>(events.size());
    for (NewEvent entry : events) {
      MapSqlParameterSource row = eventParams(entry);
      params.add(row);
      stored.add(stored(entry.event(), entry.seq(), row));
    }
    batch(INSERT_EVENT, params, row -> row);
    return stored;
  }

  /** What the ledger needs of a custody event as its row was written from {@code params}. */
  private static CustodyStored stored(CustodyEvent event, int seq, MapSqlParameterSource params) {
    return new CustodyStored(
        event,
        seq,
        (String) params.getValue("salt"),
        new CustodyRecord.OwnMarking(
            (String) params.getValue("markOwner"),
            (String) params.getValue("markTlp"),
            (String) params.getValue("markCui"),
            (Boolean) params.getValue("markNoforn"),
            (String) params.getValue("markRelTo"),
            (String) params.getValue("markCompartment")));
  }

  /**
   * Stored items whose normalised serial is one of {@code serials}, looked up in chunks; several
   * makes may share a serial.
   */
  public List<Found> bySerials(java.util.Collection<String> serials) {
    var found = new java.util.ArrayList<Found>();
    var all = List.copyOf(serials);
    for (int from = 0; from < all.size(); from += CHUNK) {
      found.addAll(
          jdbc.sql(
                  "SELECT m.id, m.serial_as_entered, m.kind, m.current_holder, m.state,"
                      + " m.location, m.tampering_reported, m.make_key, m.version,"
                      + " (SELECT MAX(c.seq) FROM custody_event c WHERE c.machine_id = m.id)"
                      + " AS last_seq FROM machine m WHERE m.serial_normalised IN (:serials)")
              .param("serials", all.subList(from, Math.min(all.size(), from + CHUNK)))
              .query(
                  (rs, row) ->
                      new Found(
                          aggregate(rs),
                          rs.getString("make_key"),
                          rs.getInt("version"),
                          rs.getInt("last_seq")))
              .list());
    }
    return found;
  }

  private static final int CHUNK = 1000;

  private <T> List<int[]> batch(
      String sql, List<T> items, java.util.function.Function<T, SqlParameterSource> params) {
    var counts = new java.util.ArrayList<int[]>();
    for (int from = 0; from < items.size(); from += CHUNK) {
      SqlParameterSource[] chunk =
          items.subList(from, Math.min(items.size(), from + CHUNK)).stream()
              .map(params)
              .toArray(SqlParameterSource[]::new);
      counts.add(named.batchUpdate(sql, chunk));
    }
    return counts;
  }

  /** Writes the machine's new state; the owning agency follows the holder. */
  public void update(Machine machine, String ownerAgency, Instant at) {
    jdbc.sql(UPDATE_MACHINE).paramSource(updateParams(machine, ownerAgency, at)).update();
  }

  private static final String UPDATE_MACHINE =
      """
      UPDATE machine SET current_holder = :holder, state = :state, location = :location,
             tampering_reported = :tampering, owner_agency = :owner, updated_at = :at,
             version = version + 1
      WHERE id = :id
      """;

  private static MapSqlParameterSource updateParams(
      Machine machine, String ownerAgency, Instant at) {
    return new MapSqlParameterSource()
        .addValue("holder", machine.holder())
        .addValue("state", machine.state().name())
        .addValue("location", machine.location())
        .addValue("tampering", machine.tamperingReported())
        .addValue("owner", ownerAgency)
        .addValue("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .addValue("id", machine.id());
  }

  /**
   * Appends the machine's recorded events to its chain of custody; answers each as stored, in the
   * order of the events.
   */
  public List<CustodyStored> append(Machine machine, String recordedBy, Instant reportedAt) {
    return append(machine, recordedBy, reportedAt, null);
  }

  /**
   * Appends the machine's recorded events, each marked {@code marking} (null: read with the
   * machine); answers each as stored, in the order of the events.
   */
  public List<CustodyStored> append(
      Machine machine, String recordedBy, Instant reportedAt, DerivedMarking marking) {
    // Each event takes the next rank of the chain as it is inserted (no read of the rank first):
    // the machine's row is held by this transaction (load), so no other writer adds to its chain.
    // The insert hands the rank back, so the ledger need not read the row again.
    var stored = new java.util.ArrayList<CustodyStored>(machine.recordedEvents().size());
    for (CustodyEvent event : machine.recordedEvents()) {
      MapSqlParameterSource params =
          eventParams(new NewEvent(event, 0, recordedBy, reportedAt, marking));
      var rank = new GeneratedKeyHolder();
      jdbc.sql(APPEND_EVENT).paramSource(params).update(rank, "seq");
      Number seq = rank.getKey();
      if (seq == null) {
        throw new IllegalStateException("the database did not answer the custody event's rank");
      }
      stored.add(stored(event, seq.intValue(), params));
    }
    return stored;
  }

  private static final String APPEND_EVENT =
      """
      INSERT INTO custody_event (id, machine_id, seq, type, occurred_on, reported_at,
                                 from_registrant, to_registrant, agency, buyer_registration,
                                 buyer_checked_at, transaction_id, details, recorded_by,
                                 owner_agency, tlp, cui_category, noforn, rel_to, compartment,
                                 derived_from, salt, discovered_on)
      VALUES (:id, :machine,
              (SELECT COALESCE(MAX(seq), 0) + 1 FROM custody_event WHERE machine_id = :machine),
              :type, :occurred, :reported, :from, :to, :agency,
              :buyerRegistration, :buyerChecked, :transaction, :details, :by,
              :markOwner, :markTlp, :markCui, :markNoforn, :markRelTo, :markCompartment,
              :derivedFrom, :salt, :discovered)
      """;

  private static final String INSERT_EVENT =
      """
      INSERT INTO custody_event (id, machine_id, seq, type, occurred_on, reported_at,
                                 from_registrant, to_registrant, agency, buyer_registration,
                                 buyer_checked_at, transaction_id, details, recorded_by,
                                 owner_agency, tlp, cui_category, noforn, rel_to, compartment,
                                 derived_from, salt, discovered_on)
      VALUES (:id, :machine, :seq, :type, :occurred, :reported, :from, :to, :agency,
              :buyerRegistration, :buyerChecked, :transaction, :details, :by,
              :markOwner, :markTlp, :markCui, :markNoforn, :markRelTo, :markCompartment,
              :derivedFrom, :salt, :discovered)
      """;

  private static MapSqlParameterSource eventParams(NewEvent entry) {
    CustodyEvent event = entry.event();
    Marking marking = entry.marking() == null ? null : entry.marking().marking();
    return new MapSqlParameterSource()
        .addValue("id", UUID.randomUUID().toString())
        .addValue("machine", event.machineId())
        .addValue("seq", entry.seq())
        .addValue("type", event.type())
        .addValue("occurred", event.occurredOn())
        .addValue("reported", OffsetDateTime.ofInstant(entry.reportedAt(), ZoneOffset.UTC))
        .addValue("from", event.fromRegistrant())
        .addValue("to", event.toRegistrant())
        .addValue("agency", event.agency())
        .addValue("buyerRegistration", event.buyerRegistration())
        .addValue(
            "buyerChecked",
            event.buyerCheckedAt() == null
                ? null
                : OffsetDateTime.ofInstant(event.buyerCheckedAt(), ZoneOffset.UTC))
        .addValue("transaction", event.transactionId())
        .addValue("details", blankToNull(event.details()))
        .addValue("by", entry.recordedBy())
        .addValue("markOwner", marking == null ? null : marking.ownerAgency())
        .addValue("markTlp", marking == null ? null : marking.tlp().label())
        .addValue("markCui", marking == null ? null : marking.cuiCategory())
        .addValue("markNoforn", marking != null && marking.noforn())
        .addValue("markRelTo", marking == null ? null : marking.relToColumn())
        .addValue("markCompartment", marking == null ? null : marking.compartment())
        .addValue(
            "derivedFrom",
            entry.marking() == null || entry.marking().sources().isEmpty()
                ? null
                : entry.marking().sourcesColumn())
        .addValue("salt", salt())
        .addValue("discovered", event.discoveredOn());
  }

  /**
   * The marking a custody event carries of its own, or null when it is read with its machine (a
   * registrant's report).
   */
  public static Marking eventMarking(ResultSet rs) throws SQLException {
    return rs.getString("owner_agency") == null ? null : GuardedReads.markingOf(rs);
  }

  /**
   * A fresh salt for the ledger's commitments to one custody event: 128 random bits, hex. It stays
   * beside the row, never in the ledger, so a leaf's commitment to a short value (a place, a
   * reference) cannot be found by trying every likely value.
   */
  private static String salt() {
    byte[] salt = new byte[16];
    SALTS.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  private static final SecureRandom SALTS = new SecureRandom();

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

  /**
   * Maps a row of {@link #CUSTODY_SQL}, judging its report against {@code deadlines} as of {@code
   * now}, both days taken on the reporting registrant's clock.
   */
  public static CustodyEntry entry(ResultSet rs, Deadlines deadlines, Instant now)
      throws SQLException {
    String type = rs.getString("type");
    LocalDate occurred = rs.getObject("occurred_on", LocalDate.class);
    Instant reported = rs.getObject("reported_at", OffsetDateTime.class).toInstant();
    OffsetDateTime checked = rs.getObject("buyer_checked_at", OffsetDateTime.class);
    ReportKind duty = duty(type, rs.getString("agency"));
    String zone = rs.getString("filer_zone");
    ReportTiming timing =
        duty == null
            ? null
            : deadlines.timing(
                duty,
                dutyDay(type, occurred, rs),
                filedOn(duty, reported, zone, deadlines),
                deadlines.filingDay(now, zone));
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
        timing,
        false,
        rs.getObject("discovered_on", LocalDate.class),
        sale(rs));
  }

  private static SaleRecord sale(ResultSet rs) throws SQLException {
    String receipt = rs.getString("receipt");
    if (receipt == null) {
      return null;
    }
    OffsetDateTime notice = rs.getObject("sale_oral_notice_at", OffsetDateTime.class);
    return new SaleRecord(
        rs.getString("sale_method"),
        rs.getString("sale_id_type"),
        rs.getString("sale_id_number"),
        rs.getObject("sale_ordered_on", LocalDate.class),
        notice == null ? null : notice.toInstant(),
        ReceiptStatus.valueOf(receipt));
  }

  /**
   * The day a custody event's report was filed: an import's or export's reported_at is the UTC
   * start of the day its transaction report was filed; any other report's is the instant it was
   * made, read on the filer's clock.
   */
  public static LocalDate filedOn(
      ReportKind duty, Instant reported, String zone, Deadlines deadlines) {
    return duty.inAdvance()
        ? LocalDate.ofInstant(reported, ZoneOffset.UTC)
        : deadlines.filingDay(reported, zone);
  }

  /** The day a custody event's reporting duty runs from: a loss's or theft's, its discovery. */
  private static LocalDate dutyDay(String type, LocalDate occurred, ResultSet rs)
      throws SQLException {
    LocalDate discovered = rs.getObject("discovered_on", LocalDate.class);
    return discovered == null ? occurred : discovered;
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
