package org.presstrace.registry.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry_import table: one row per stored bulk import. */
@Repository
public class ImportLog {

  private final JdbcClient jdbc;

  ImportLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One stored import. */
  public record Entry(
      String id,
      String fileName,
      String sha256,
      long rows,
      long inventoryRows,
      long transferRows,
      String importedBy,
      String agency,
      String channel,
      Instant at) {}

  public void insert(Entry entry) {
    jdbc.sql(
            """
            INSERT INTO registry_import (id, file_name, sha256, rows_total, inventory_rows,
                                         transfer_rows, imported_by, agency_code, channel,
                                         imported_at)
            VALUES (:id, :file, :sha, :rows, :inventory, :transfers, :by, :agency, :channel, :at)
            """)
        .param("id", entry.id())
        .param("file", entry.fileName())
        .param("sha", entry.sha256())
        .param("rows", entry.rows())
        .param("inventory", entry.inventoryRows())
        .param("transfers", entry.transferRows())
        .param("by", entry.importedBy())
        .param("agency", entry.agency())
        .param("channel", entry.channel())
        .param("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC))
        .update();
  }
}
