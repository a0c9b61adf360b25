package org.presstrace.casework.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where imported subjects and links came from, one row per version of an entity of a source; rows
 * are only ever added. Read by the importing agency's own import only, never shown to another.
 */
@Repository
public class ImportOriginStore {

  /** The record standing for an entity of a source, and what it was imported from. */
  public record Origin(
      String agency,
      String source,
      String sourceId,
      int version,
      String recordKind,
      String recordId,
      String fingerprint,
      String fileName,
      int line,
      String importedBy,
      Instant importedAt) {}

  private final JdbcClient jdbc;

  ImportOriginStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest version imported by {@code agency} of entity {@code sourceId} of {@code source}. */
  public Optional<Origin> latest(String agency, String source, String sourceId) {
    return jdbc
        .sql(
            """
            SELECT * FROM casework_import_origin
            WHERE agency = :agency AND source_name = :source AND source_id = :sourceId
            ORDER BY version DESC
            """)
        .param("agency", agency)
        .param("source", source)
        .param("sourceId", sourceId)
        .query(ImportOriginStore::origin)
        .list()
        .stream()
        .findFirst();
  }

  /** The origin of an imported record, if it was imported. */
  public Optional<Origin> ofRecord(String recordId) {
    return jdbc
        .sql("SELECT * FROM casework_import_origin WHERE record_id = :id ORDER BY version DESC")
        .param("id", recordId)
        .query(ImportOriginStore::origin)
        .list()
        .stream()
        .findFirst();
  }

  public void insert(Origin origin) {
    jdbc.sql(
            """
            INSERT INTO casework_import_origin (agency, source_name, source_id, version,
                                                record_kind, record_id, fingerprint, file_name,
                                                line_number, imported_by, imported_at)
            VALUES (:agency, :source, :sourceId, :version, :kind, :recordId, :fingerprint,
                    :fileName, :line, :by, :at)
            """)
        .param("agency", origin.agency())
        .param("source", origin.source())
        .param("sourceId", origin.sourceId())
        .param("version", origin.version())
        .param("kind", origin.recordKind())
        .param("recordId", origin.recordId())
        .param("fingerprint", origin.fingerprint())
        .param("fileName", origin.fileName())
        .param("line", origin.line())
        .param("by", origin.importedBy())
        .param("at", OffsetDateTime.ofInstant(origin.importedAt(), ZoneOffset.UTC))
        .update();
  }

  private static Origin origin(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Origin(
        rs.getString("agency"),
        rs.getString("source_name"),
        rs.getString("source_id"),
        rs.getInt("version"),
        rs.getString("record_kind"),
        rs.getString("record_id"),
        rs.getString("fingerprint"),
        rs.getString("file_name"),
        rs.getInt("line_number"),
        rs.getString("imported_by"),
        rs.getObject("imported_at", OffsetDateTime.class).toInstant());
  }
}
