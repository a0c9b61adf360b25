package org.presstrace.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.presstrace.access.ProtectedKind;
import org.presstrace.registry.Deadlines;
import org.presstrace.registry.Party;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportTiming;
import org.presstrace.registry.ReportedItem;
import org.presstrace.registry.SerialNumber;
import org.presstrace.registry.TransactionReportForm;
import org.presstrace.registry.TransactionReportStatus;
import org.presstrace.registry.TransactionReportVersion;
import org.presstrace.registry.TransactionReportView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transaction report tables, for writes and for the checks of imports and exports. Reads that
 * show a report go through {@code GuardedReads} with {@link #KIND}.
 */
@Repository
public class TransactionReportStore {

  /** Import and export transaction reports; every read states a purpose. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "transaction-report",
          "transaction_report",
          "r.id, r.registrant_id, r.direction, r.status, r.version, r.proposed_on, r.filed_on,"
              + " r.timing, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  /** Every version of the report {@code :id} with its items, oldest first. */
  public static final String HISTORY_SQL =
      "SELECT v.*, i.position, i.machine_id, i.make, i.model, i.serial_as_entered"
          + " FROM transaction_report_version v LEFT JOIN transaction_report_item i"
          + " ON i.report_id = v.report_id AND i.version = v.version"
          + " WHERE v.report_id = :id ORDER BY v.version, i.position";

  private final JdbcClient jdbc;

  TransactionReportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a report just filed, as its aggregate stands. */
  public void insert(TransactionReport report, String ownerAgency, Instant at) {
    jdbc.sql(
            """
            INSERT INTO transaction_report (id, registrant_id, direction, status, version,
                                            proposed_on, filed_on, timing, owner_agency, tlp,
                                            cui_category, noforn, rel_to, compartment, filed_at,
                                            updated_at)
            VALUES (:id, :registrant, :direction, :status, :version, :proposed, :filed, :timing,
                    :owner, 'GREEN', 'PROPIN', FALSE, NULL, NULL, :at, :at)
            """)
        .param("id", report.id())
        .param("registrant", report.registrantId())
        .param("direction", report.direction().name())
        .param("status", report.status().name())
        .param("version", report.version())
        .param("proposed", report.proposedOn())
        .param("filed", report.filedOn())
        .param("timing", report.timing().name())
        .param("owner", ownerAgency)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
  }

  /** Writes the report's new status, version, proposed day and timing. */
  public void update(TransactionReport report, Instant at) {
    jdbc.sql(
            """
            UPDATE transaction_report SET status = :status, version = :version,
                   proposed_on = :proposed, timing = :timing, updated_at = :at
            WHERE id = :id
            """)
        .param("status", report.status().name())
        .param("version", report.version())
        .param("proposed", report.proposedOn())
        .param("timing", report.timing().name())
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("id", report.id())
        .update();
  }

  /** Stores one version and its items; {@code items} carry make, model and serial filled in. */
  public void insertVersion(
      String id,
      int version,
      String submission,
      TransactionReportForm form,
      List<ReportedItem> items,
      String reason,
      String filedBy,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO transaction_report_version (report_id, version, submission, purpose,
                   proposed_on, port, importer_name, importer_country, exporter_name,
                   exporter_country, consignee_name, consignee_country, broker, reason, filed_by,
                   filed_at, importer_address, importer_registration, exporter_address,
                   exporter_registration, consignee_address, consignee_registration,
                   method_of_transfer, purchaser_id_type, purchaser_id_number)
            VALUES (:id, :version, :submission, :purpose, :proposed, :port, :importer,
                    :importerCountry, :exporter, :exporterCountry, :consignee, :consigneeCountry,
                    :broker, :reason, :by, :at, :importerAddress, :importerRegistration,
                    :exporterAddress, :exporterRegistration, :consigneeAddress,
                    :consigneeRegistration, :method, :idType, :idNumber)
            """)
        .param("id", id)
        .param("version", version)
        .param("submission", submission)
        .param("purpose", form.purpose())
        .param("proposed", form.proposedOn())
        .param("port", form.port())
        .param("importer", form.importer().name())
        .param("importerCountry", form.importer().country())
        .param("exporter", form.exporter().name())
        .param("exporterCountry", form.exporter().country())
        .param("consignee", form.consignee() == null ? null : form.consignee().name())
        .param("consigneeCountry", form.consignee() == null ? null : form.consignee().country())
        .param("importerAddress", form.importer().address())
        .param("importerRegistration", form.importer().registration())
        .param("exporterAddress", form.exporter().address())
        .param("exporterRegistration", form.exporter().registration())
        .param("consigneeAddress", form.consignee() == null ? null : form.consignee().address())
        .param(
            "consigneeRegistration",
            form.consignee() == null ? null : form.consignee().registration())
        .param("method", form.methodOfTransfer())
        .param("idType", form.purchaserIdType())
        .param("idNumber", form.purchaserIdNumber())
        .param("broker", form.broker())
        .param("reason", reason)
        .param("by", filedBy)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
    int position = 0;
    for (ReportedItem item : items) {
      var serial = new SerialNumber(item.serial());
      jdbc.sql(
              """
              INSERT INTO transaction_report_item (report_id, version, position, machine_id, make,
                     make_key, model, serial_as_entered, serial_normalised)
              VALUES (:id, :version, :position, :machine, :make, :makeKey, :model, :serial,
                      :normalised)
              """)
          .param("id", id)
          .param("version", version)
          .param("position", ++position)
          .param("machine", item.machineId())
          .param("make", item.make())
          .param("makeKey", Machines.makeKey(item.make()))
          .param("model", item.model())
          .param("serial", serial.asEntered())
          .param("normalised", serial.normalised())
          .update();
    }
  }

  /** The aggregate, for a change or for the checks of an import or export. */
  public Optional<TransactionReport> load(String id) {
    return jdbc.sql(
            "SELECT id, registrant_id, direction, status, version, proposed_on, filed_on, timing"
                + " FROM transaction_report WHERE id = :id")
        .param("id", id == null ? "" : id.strip())
        .query(
            (rs, row) ->
                new TransactionReport(
                    rs.getString("id"),
                    rs.getString("registrant_id"),
                    ReportKind.valueOf(rs.getString("direction")),
                    TransactionReportStatus.valueOf(rs.getString("status")),
                    rs.getInt("version"),
                    rs.getObject("proposed_on", LocalDate.class),
                    rs.getObject("filed_on", LocalDate.class),
                    ReportTiming.valueOf(rs.getString("timing"))))
        .optional();
  }

  /** Whether an import or export custody event names the report. */
  public boolean usedByCustodyEvents(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM custody_event WHERE transaction_id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The last version of the report, to carry its content into a withdrawal. */
  public TransactionReportVersion lastVersion(String id) {
    var versions =
        grouped(
            jdbc.sql(HISTORY_SQL).param("id", id).query(TransactionReportStore::versionRow).list());
    return versions.get(versions.size() - 1);
  }

  /** Whether the current version of the report covers the registered machine {@code machineId}. */
  public boolean coversMachine(TransactionReport report, String machineId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM transaction_report_item WHERE report_id = :id"
                    + " AND version = :version AND machine_id = :machine")
            .param("id", report.id())
            .param("version", report.version())
            .param("machine", machineId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Whether the current version of the report covers equipment of this make and serial, the serial
   * compared by its identity: a report listing ZQ-B1234 does not cover ZQ-81234.
   */
  public boolean coversSerial(TransactionReport report, String make, SerialNumber serial) {
    return jdbc
        .sql(
            "SELECT serial_as_entered FROM transaction_report_item WHERE report_id = :id"
                + " AND version = :version AND make_key = :make AND serial_normalised = :serial")
        .param("id", report.id())
        .param("version", report.version())
        .param("make", Machines.makeKey(make))
        .param("serial", serial.normalised())
        .query(String.class)
        .list()
        .stream()
        .anyMatch(listed -> new SerialNumber(listed).identity().equals(serial.identity()));
  }

  /** The report written, read back without a second audit entry (the write was audited). */
  public TransactionReportView written(String id, Deadlines deadlines) {
    return jdbc.sql("SELECT " + KIND.columns() + " FROM transaction_report r WHERE r.id = :id")
        .param("id", id)
        .query((rs, row) -> view(rs, deadlines))
        .single();
  }

  public static TransactionReportView view(ResultSet rs, Deadlines deadlines) throws SQLException {
    var direction = ReportKind.valueOf(rs.getString("direction"));
    LocalDate proposed = rs.getObject("proposed_on", LocalDate.class);
    return new TransactionReportView(
        rs.getString("id"),
        rs.getString("registrant_id"),
        direction,
        TransactionReportStatus.valueOf(rs.getString("status")),
        rs.getInt("version"),
        proposed,
        rs.getObject("filed_on", LocalDate.class),
        deadlines.due(direction, proposed),
        ReportTiming.valueOf(rs.getString("timing")));
  }

  /** One row of {@link #HISTORY_SQL}: a version with the one item on that row, if any. */
  public static TransactionReportVersion versionRow(ResultSet rs, int row) throws SQLException {
    List<ReportedItem> items =
        rs.getObject("position") == null
            ? List.of()
            : List.of(
                new ReportedItem(
                    rs.getString("machine_id"),
                    rs.getString("make"),
                    rs.getString("model"),
                    rs.getString("serial_as_entered")));
    return new TransactionReportVersion(
        rs.getInt("version"),
        rs.getString("submission"),
        rs.getString("purpose"),
        rs.getObject("proposed_on", LocalDate.class),
        rs.getString("port"),
        party(rs, "importer"),
        party(rs, "exporter"),
        rs.getString("consignee_name") == null ? null : party(rs, "consignee"),
        rs.getString("broker"),
        rs.getString("reason"),
        rs.getString("filed_by"),
        rs.getObject("filed_at", OffsetDateTime.class).toInstant(),
        items,
        rs.getString("method_of_transfer"),
        rs.getString("purchaser_id_type"),
        rs.getString("purchaser_id_number"));
  }

  private static Party party(ResultSet rs, String role) throws SQLException {
    return new Party(
        rs.getString(role + "_name"),
        rs.getString(role + "_country"),
        rs.getString(role + "_address"),
        rs.getString(role + "_registration"));
  }

  /** Merges the rows of {@link #HISTORY_SQL} into one version each, with all its items. */
  public static List<TransactionReportVersion> grouped(List<TransactionReportVersion> rows) {
    Map<Integer, TransactionReportVersion> versions = new LinkedHashMap<>();
    for (TransactionReportVersion row : rows) {
      versions.merge(
          row.version(),
          row,
          (a, b) -> {
            var items = new ArrayList<>(a.machines());
            items.addAll(b.machines());
            return a.withMachines(List.copyOf(items));
          });
    }
    return List.copyOf(versions.values());
  }
}
