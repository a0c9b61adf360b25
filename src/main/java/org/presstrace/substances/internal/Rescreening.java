package org.presstrace.substances.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.presstrace.substances.ControlListChanged;
import org.presstrace.substances.ManifestHit;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.ManifestScreen;
import org.presstrace.substances.ManifestVerdict;
import org.presstrace.substances.Substances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Screens stored manifests again when a designation changes a list. Runs after the designation
 * commits, in its own transaction, from Spring Modulith's event publication registry: a failure
 * here never undoes the designation, and an unfinished run is republished at restart. Only
 * manifests screened against an earlier list version are read, page by page; a line matching a
 * substance the designation controls (at the flagging score or above) becomes an alert carrying the
 * manifest's marking. An alert is raised once per line, substance and designation.
 */
@Component
class Rescreening {

  private static final Logger log = LoggerFactory.getLogger(Rescreening.class);
  private static final int PAGE = 500;

  private final JdbcClient jdbc;
  private final Substances substances;
  private final Clock clock;

  Rescreening(JdbcClient jdbc, Substances substances, Clock clock) {
    this.jdbc = jdbc;
    this.substances = substances;
    this.clock = clock;
  }

  /** One stored line and the marking of its screening. */
  private record StoredLine(
      String screeningId,
      ManifestLine line,
      String owner,
      String tlp,
      String cui,
      boolean noforn,
      String relTo,
      String compartment) {}

  @ApplicationModuleListener
  void on(ControlListChanged event) {
    Set<String> controlled = new HashSet<>(event.substanceIds());
    if (controlled.isEmpty()) {
      return;
    }
    ManifestScreen screen = substances.manifestScreen();
    String afterScreening = "";
    int afterLine = 0;
    int lines = 0;
    int raised = 0;
    while (true) {
      List<StoredLine> batch = batch(event.listVersion(), afterScreening, afterLine);
      if (batch.isEmpty()) {
        break;
      }
      List<ManifestVerdict> verdicts =
          screen.screenAll(batch.stream().map(StoredLine::line).toList());
      for (int i = 0; i < batch.size(); i++) {
        StoredLine stored = batch.get(i);
        lines++;
        for (ManifestHit hit : verdicts.get(i).hits()) {
          if (hit.substanceId() != null
              && controlled.contains(hit.substanceId())
              && hit.score() >= ManifestScreen.FLAG_AT
              && raise(event, stored, hit)) {
            raised++;
          }
        }
      }
      StoredLine last = batch.get(batch.size() - 1);
      afterScreening = last.screeningId();
      afterLine = (int) last.line().number();
    }
    log.info(
        "list version {} ({} {}): screened {} stored manifest lines again, {} alerts",
        event.listVersion(),
        event.jurisdiction(),
        event.category(),
        lines,
        raised);
  }

  private List<StoredLine> batch(int listVersion, String afterScreening, int afterLine) {
    return jdbc.sql(
            """
            SELECT l.*, s.owner_agency, s.tlp, s.cui_category, s.noforn, s.rel_to, s.compartment
            FROM manifest_screening_line l JOIN manifest_screening s ON s.id = l.screening_id
            WHERE s.list_version < :version
              AND (l.screening_id > :s OR (l.screening_id = :s AND l.line_no > :n))
            ORDER BY l.screening_id, l.line_no
            LIMIT :page
            """)
        .param("version", listVersion)
        .param("s", afterScreening)
        .param("n", afterLine)
        .param("page", PAGE)
        .query(
            (rs, n) ->
                new StoredLine(
                    rs.getString("screening_id"),
                    new ManifestLine(
                        rs.getInt("line_no"),
                        rs.getString("description"),
                        rs.getString("cas"),
                        rs.getString("hs_code"),
                        rs.getString("quantity"),
                        rs.getString("shipper"),
                        rs.getString("consignee")),
                    rs.getString("owner_agency"),
                    rs.getString("tlp"),
                    rs.getString("cui_category"),
                    rs.getBoolean("noforn"),
                    rs.getString("rel_to"),
                    rs.getString("compartment")))
        .list();
  }

  private boolean raise(ControlListChanged event, StoredLine stored, ManifestHit hit) {
    long present =
        jdbc.sql(
                """
                SELECT COUNT(*) FROM screening_alert WHERE screening_id = :s AND line_no = :n
                  AND substance_id = :substance AND designation_id = :d
                """)
            .param("s", stored.screeningId())
            .param("n", stored.line().number())
            .param("substance", hit.substanceId())
            .param("d", event.designationId())
            .query(Long.class)
            .single();
    if (present > 0) {
      return false;
    }
    var description = stored.line().description();
    jdbc.sql(
            """
            INSERT INTO screening_alert (id, screening_id, line_no, description, substance_id,
                substance_name, reason, score, designation_id, jurisdiction, instrument, category,
                effective_from, raised_at, owner_agency, tlp, cui_category, noforn, rel_to,
                compartment)
            VALUES (:id, :s, :n, :description, :substance, :name, :reason, :score, :d, :j,
                :instrument, :category, :from, :at, :owner, :tlp, :cui, :noforn, :relTo,
                :compartment)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("s", stored.screeningId())
        .param("n", stored.line().number())
        .param("description", description == null ? "" : description)
        .param("substance", hit.substanceId())
        .param("name", hit.name())
        .param(
            "reason", hit.reason().length() > 500 ? hit.reason().substring(0, 500) : hit.reason())
        .param("score", hit.score())
        .param("d", event.designationId())
        .param("j", event.jurisdiction())
        .param("instrument", event.instrument())
        .param("category", event.category())
        .param("from", event.effectiveFrom())
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("owner", stored.owner())
        .param("tlp", stored.tlp())
        .param("cui", stored.cui())
        .param("noforn", stored.noforn())
        .param("relTo", stored.relTo())
        .param("compartment", stored.compartment())
        .update();
    return true;
  }
}
