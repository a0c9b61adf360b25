package org.presstrace.substances.internal;

import org.presstrace.access.Marking;
import org.presstrace.substances.ManifestHit;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.ScreenedLine;
import org.presstrace.substances.ScreeningSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The manifest screening tables, for writes: a screening, its lines and their hits. Reads go
 * through {@code GuardedReads} with the screening's protected kind.
 */
@Repository
public class ScreeningStore {

  private final JdbcClient jdbc;

  ScreeningStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a screening under {@code marking} (its owner and TLP; never NOFORN). */
  public void insert(ScreeningSummary screening, Marking marking) {
    jdbc.sql(
            """
            INSERT INTO manifest_screening (id, title, lines, flagged, list_version, screened_by,
                screened_at, owner_agency, tlp, noforn)
            VALUES (:id, :title, :lines, :flagged, :version, :by, :at, :owner, :tlp, FALSE)
            """)
        .param("id", screening.id())
        .param("title", screening.title())
        .param("lines", screening.lines())
        .param("flagged", screening.flagged())
        .param("version", screening.listVersion())
        .param("by", screening.screenedBy())
        .param("at", screening.screenedAt())
        .param("owner", marking.ownerAgency())
        .param("tlp", marking.tlp().name())
        .update();
  }

  /** Stores one screened line of screening {@code id} with its hits, numbered from 1. */
  public void insertLine(String id, ScreenedLine screened) {
    ManifestLine line = screened.line();
    jdbc.sql(
            """
            INSERT INTO manifest_screening_line (screening_id, line_no, description, cas, hs_code,
                quantity, shipper, consignee, flagged, score)
            VALUES (:id, :no, :description, :cas, :hs, :quantity, :shipper, :consignee, :flagged,
                :score)
            """)
        .param("id", id)
        .param("no", line.number())
        .param("description", line.description() == null ? "" : line.description())
        .param("cas", blankToNull(line.cas()))
        .param("hs", blankToNull(line.hsCode()))
        .param("quantity", blankToNull(line.quantity()))
        .param("shipper", blankToNull(line.shipper()))
        .param("consignee", blankToNull(line.consignee()))
        .param("flagged", screened.flagged())
        .param("score", screened.score())
        .update();
    int n = 0;
    for (ManifestHit hit : screened.hits()) {
      jdbc.sql(
              """
              INSERT INTO manifest_screening_hit (screening_id, line_no, hit_no, substance_id, name,
                  reason, matched, score)
              VALUES (:id, :no, :hit, :substance, :name, :reason, :matched, :score)
              """)
          .param("id", id)
          .param("no", line.number())
          .param("hit", ++n)
          .param("substance", hit.substanceId())
          .param("name", hit.name())
          .param("reason", truncate(hit.reason(), 500))
          .param("matched", truncate(hit.matched(), 1000))
          .param("score", hit.score())
          .update();
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
