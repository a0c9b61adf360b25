package org.presstrace.intel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.intel.IntelReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The intel report tables, for writes: the report and its history of revisions. Reads that show a
 * report go through {@code GuardedReads} with {@link #KIND}; {@link #stored} only reads back what
 * was just written.
 */
@Repository
public class IntelReportStore {

  /** The protected kind of these rows: table, columns read, and how markings apply. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "intel-report",
          "intel_report",
          "r.id, r.title, r.summary, r.created_by, r.created_at, r.updated_at, r.version, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  private final JdbcClient jdbc;

  IntelReportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Files a new report at version 1, with its first row of history. */
  public void insert(
      String id, String title, String summary, Marking marking, String by, Instant at) {
    OffsetDateTime when = utc(at);
    jdbc.sql(
            """
            INSERT INTO intel_report (id, title, summary, owner_agency, tlp, cui_category, noforn,
                                      rel_to, compartment, created_by, created_at, updated_at, version)
            VALUES (:id, :title, :summary, :owner, :tlp, :cui, :noforn, :relTo, :compartment,
                    :by, :at, :at, 1)
            """)
        .params(columns(id, title, summary, marking))
        .param("owner", marking.ownerAgency())
        .param("by", by)
        .param("at", when)
        .update();
    revision(id, 1, title, summary, marking, by, when);
  }

  /**
   * Writes the report's text, marking and version over the version it was loaded at.
   *
   * @return 1, or 0 when another change reached the report first
   */
  public int update(FiledReport report) {
    return jdbc.sql(
            """
            UPDATE intel_report SET title = :title, summary = :summary, tlp = :tlp,
                   cui_category = :cui, noforn = :noforn, rel_to = :relTo,
                   compartment = :compartment, updated_at = :at, version = :next
            WHERE id = :id AND version = :expected
            """)
        .params(columns(report.id(), report.title(), report.summary(), report.marking()))
        .param("at", utc(report.revisedAt()))
        .param("next", report.version())
        .param("expected", report.loadedVersion())
        .update();
  }

  /** Appends the revisions {@code report} recorded to its history. */
  public void append(FiledReport report) {
    for (IntelReportRevised revised : report.recordedEvents()) {
      revision(
          revised.reportId(),
          revised.version(),
          revised.title(),
          revised.summary(),
          revised.marking(),
          revised.changedBy(),
          utc(revised.changedAt()));
    }
  }

  /** The report just written, read back without a second audit entry (the write was audited). */
  public IntelReport stored(String id) {
    return jdbc.sql("SELECT " + KIND.columns() + " FROM intel_report r WHERE r.id = :id")
        .param("id", id)
        .query(IntelReportStore::report)
        .single();
  }

  /** A report row selected with {@link #KIND}'s columns. */
  public static IntelReport report(ResultSet rs, int row) throws SQLException {
    return new IntelReport(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("summary"),
        GuardedReads.markingOf(rs),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        rs.getInt("version"));
  }

  private void revision(
      String id,
      int version,
      String title,
      String summary,
      Marking marking,
      String by,
      OffsetDateTime at) {
    jdbc.sql(
            """
            INSERT INTO intel_report_revision (report_id, version, title, summary, tlp, cui_category,
                                               noforn, rel_to, compartment, changed_by, changed_at)
            VALUES (:id, :version, :title, :summary, :tlp, :cui, :noforn, :relTo, :compartment,
                    :by, :at)
            """)
        .params(columns(id, title, summary, marking))
        .param("version", version)
        .param("by", by)
        .param("at", at)
        .update();
  }

  private static Map<String, Object> columns(
      String id, String title, String summary, Marking marking) {
    var columns = new HashMap<String, Object>();
    columns.put("id", id);
    columns.put("title", title.strip());
    columns.put("summary", summary.strip());
    columns.put("tlp", marking.tlp().label());
    columns.put("cui", marking.cuiCategory());
    columns.put("noforn", marking.noforn());
    columns.put("relTo", marking.relToColumn());
    columns.put("compartment", marking.compartment());
    return columns;
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
