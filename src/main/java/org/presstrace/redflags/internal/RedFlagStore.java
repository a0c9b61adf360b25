package org.presstrace.redflags.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.presstrace.redflags.RedFlagCitation;
import org.presstrace.redflags.RedFlagRun;
import org.presstrace.redflags.RedFlagStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes red flags: one row per agency, rule and focus, kept across evaluations. A flag that fires
 * again keeps its review unless it now cites a record it did not cite before (then it opens again);
 * a flag that no longer fires is cleared and loses its explanation, but keeps its citations (never
 * shown once cleared) so that it can still be found when one of them is no longer readable. A flag
 * citing a record its agency may no longer read is withdrawn: it keeps only its rule, times and
 * review decision, and none of its focus, explanation, note or citations.
 */
@Component
public class RedFlagStore {

  /** What an evaluation changed. */
  public record Outcome(int raised, int cleared) {}

  private record Stored(
      String id, RedFlagStatus status, String explanation, List<RedFlagCitation> citations) {

    Set<String> cited() {
      var keys = new HashSet<String>();
      citations.forEach(citation -> keys.add(citationKey(citation)));
      return keys;
    }

    /** Whether storing {@code finding} with {@code next} would write what is stored already. */
    boolean holds(RedFlagFinding finding, RedFlagStatus next) {
      return status == next
          && explanation != null
          && explanation.equals(truncate(finding.explanation(), 4000))
          && citations.equals(stored(finding.citations()));
    }
  }

  /** The citations of the flag {@code :id}, in order, for a guarded history read. */
  public static final String CITATIONS_SQL =
      "SELECT * FROM red_flag_citation WHERE red_flag_id = :id ORDER BY ordinal";

  private static final int TOUCHED_PER_STATEMENT = 500;

  /** The focus of a withdrawn flag, before its id. */
  static final String WITHDRAWN = "withdrawn:";

  /** Why a flag was withdrawn, as its explanation says. */
  static final String WITHDRAWAL = "withdrawn: a source is no longer readable";

  private final JdbcClient jdbc;

  RedFlagStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Outcome store(String agency, List<RedFlagFinding> findings, Instant now) {
    Map<String, Stored> stored = stored(agency);
    int raised = 0;
    var seen = new HashSet<String>();
    var unchanged = new ArrayList<String>();
    for (RedFlagFinding finding : findings) {
      String key = finding.rule().name() + "|" + finding.focus();
      if (!seen.add(key)) {
        continue;
      }
      Stored before = stored.get(key);
      if (before == null) {
        insert(agency, finding, now);
        raised++;
        continue;
      }
      boolean reopen =
          before.status() == RedFlagStatus.CLEARED
              || finding.citations().stream()
                  .map(RedFlagStore::citationKey)
                  .anyMatch(cited -> !before.cited().contains(cited));
      RedFlagStatus next = reopen ? RedFlagStatus.OPEN : before.status();
      if (before.holds(finding, next)) {
        unchanged.add(before.id());
      } else {
        update(before.id(), finding, next, now);
      }
      if (reopen && before.status() != RedFlagStatus.OPEN) {
        raised++;
      }
    }
    touch(unchanged, now);
    int cleared = 0;
    for (var entry : stored.entrySet()) {
      if (!seen.contains(entry.getKey()) && entry.getValue().status() != RedFlagStatus.CLEARED) {
        clear(entry.getValue().id(), now, "the rule no longer fires over what the agency may read");
        cleared++;
      }
    }
    return new Outcome(raised, cleared);
  }

  /** The kinds and ids of the records cited by the agency's flags, cleared ones included. */
  public List<Map.Entry<String, String>> citedRecords(String agency) {
    return jdbc.sql(
            """
            SELECT DISTINCT c.record_kind, c.record_id FROM red_flag_citation c
            JOIN red_flag f ON f.id = c.red_flag_id
            WHERE f.owner_agency = :agency
            """)
        .param("agency", agency)
        .query((rs, row) -> Map.entry(rs.getString("record_kind"), rs.getString("record_id")))
        .list();
  }

  /** The agencies with a flag (of any status) citing record {@code recordId} of {@code kind}. */
  public List<String> agenciesCiting(String kind, String recordId) {
    return jdbc.sql(
            """
            SELECT DISTINCT f.owner_agency FROM red_flag f
            JOIN red_flag_citation c ON c.red_flag_id = f.id
            WHERE c.record_kind = :kind AND c.record_id = :id
            """)
        .param("kind", kind)
        .param("id", recordId)
        .query(String.class)
        .list();
  }

  /** Withdraws the agency's flags (of any status) citing {@code recordId}; returns how many. */
  public int withdrawCiting(String agency, String kind, String recordId, Instant now) {
    List<String> ids =
        jdbc.sql(
                """
                SELECT DISTINCT f.id FROM red_flag f JOIN red_flag_citation c ON c.red_flag_id = f.id
                WHERE f.owner_agency = :agency
                  AND c.record_kind = :kind AND c.record_id = :id
                """)
            .param("agency", agency)
            .param("kind", kind)
            .param("id", recordId)
            .query(String.class)
            .list();
    ids.forEach(id -> withdraw(id, now));
    return ids.size();
  }

  /** Sets a decision on a flag whose status is one of {@code from}; false when it was not. */
  public boolean decide(
      String id, Set<RedFlagStatus> from, RedFlagStatus to, String by, String note, Instant at) {
    return jdbc.sql(
                "UPDATE red_flag SET status = :to, decided_by = :by, decided_at = :at, note = :note"
                    + " WHERE id = :id AND status IN (:from)")
            .param("to", to.name())
            .param("by", by)
            .param("at", utc(at))
            .param("note", note)
            .param("id", id)
            .param("from", from.stream().map(Enum::name).toList())
            .update()
        == 1;
  }

  public void logRun(String agency, String trigger, RedFlagRun run) {
    jdbc.sql(
            """
            INSERT INTO red_flag_run (id, agency, triggered_by, run_at, parties, payments, fired,
                                      raised, cleared, millis)
            VALUES (:id, :agency, :trigger, :at, :parties, :payments, :fired, :raised, :cleared,
                    :millis)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("agency", agency)
        .param("trigger", trigger.length() > 200 ? trigger.substring(0, 200) : trigger)
        .param("at", utc(run.at()))
        .param("parties", run.parties())
        .param("payments", run.payments())
        .param("fired", run.fired())
        .param("raised", run.raised())
        .param("cleared", run.cleared())
        .param("millis", run.millis())
        .update();
  }

  /** The agencies that have evaluated red flags at least once. */
  public List<String> agenciesWithRuns() {
    return jdbc.sql("SELECT DISTINCT agency FROM red_flag_run ORDER BY agency")
        .query(String.class)
        .list();
  }

  private Map<String, Stored> stored(String agency) {
    var cited = new HashMap<String, List<RedFlagCitation>>();
    jdbc.sql(
            """
            SELECT c.red_flag_id, c.record_kind, c.record_id, c.label FROM red_flag_citation c
            JOIN red_flag f ON f.id = c.red_flag_id WHERE f.owner_agency = :agency
            ORDER BY c.red_flag_id, c.ordinal
            """)
        .param("agency", agency)
        .query(
            (ResultSet rs) -> {
              cited
                  .computeIfAbsent(rs.getString("red_flag_id"), id -> new ArrayList<>())
                  .add(citation(rs, 0));
            });
    var stored = new HashMap<String, Stored>();
    jdbc.sql(
            "SELECT id, rule_code, focus, status, explanation FROM red_flag"
                + " WHERE owner_agency = :agency")
        .param("agency", agency)
        .query(
            (ResultSet rs) -> {
              String id = rs.getString("id");
              stored.put(
                  rs.getString("rule_code") + "|" + rs.getString("focus"),
                  new Stored(
                      id,
                      RedFlagStatus.valueOf(rs.getString("status")),
                      rs.getString("explanation"),
                      cited.getOrDefault(id, List.of())));
            });
    return stored;
  }

  private void insert(String agency, RedFlagFinding finding, Instant now) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO red_flag (id, rule_code, focus, explanation, status, raised_at,
                                  evaluated_at, owner_agency, tlp, noforn)
            VALUES (:id, :rule, :focus, :explanation, 'OPEN', :at, :at, :agency, 'RED', TRUE)
            """)
        .param("id", id)
        .param("rule", finding.rule().name())
        .param("focus", truncate(finding.focus(), 300))
        .param("explanation", truncate(finding.explanation(), 4000))
        .param("at", utc(now))
        .param("agency", agency)
        .update();
    cite(id, finding.citations());
  }

  private void update(String id, RedFlagFinding finding, RedFlagStatus status, Instant now) {
    jdbc.sql(
            "UPDATE red_flag SET explanation = :explanation, status = :status,"
                + " evaluated_at = :at WHERE id = :id")
        .param("explanation", truncate(finding.explanation(), 4000))
        .param("status", status.name())
        .param("at", utc(now))
        .param("id", id)
        .update();
    jdbc.sql("DELETE FROM red_flag_citation WHERE red_flag_id = :id").param("id", id).update();
    cite(id, finding.citations());
  }

  /** Marks flags found again exactly as stored as evaluated {@code now}, without rewriting them. */
  private void touch(List<String> ids, Instant now) {
    for (int from = 0; from < ids.size(); from += TOUCHED_PER_STATEMENT) {
      jdbc.sql("UPDATE red_flag SET evaluated_at = :at WHERE id IN (:ids)")
          .param("at", utc(now))
          .param("ids", ids.subList(from, Math.min(ids.size(), from + TOUCHED_PER_STATEMENT)))
          .update();
    }
  }

  private void clear(String id, Instant now, String why) {
    jdbc.sql(
            "UPDATE red_flag SET status = 'CLEARED', evaluated_at = :at, explanation = :why"
                + " WHERE id = :id")
        .param("at", utc(now))
        .param("why", "Cleared on " + now.toString().substring(0, 10) + ": " + why + ".")
        .param("id", id)
        .update();
  }

  /**
   * Clears flag {@code id} and strips it of everything taken from its sources: the focus becomes
   * {@value #WITHDRAWN}{@code <id>} (so that the rule firing again raises a new flag), and the
   * explanation, note and citations go.
   */
  private void withdraw(String id, Instant now) {
    jdbc.sql(
            "UPDATE red_flag SET status = 'CLEARED', focus = :focus, explanation = :why,"
                + " note = NULL, evaluated_at = :at WHERE id = :id")
        .param("focus", WITHDRAWN + id)
        .param("why", "Cleared on " + now.toString().substring(0, 10) + ": " + WITHDRAWAL + ".")
        .param("at", utc(now))
        .param("id", id)
        .update();
    jdbc.sql("DELETE FROM red_flag_citation WHERE red_flag_id = :id").param("id", id).update();
  }

  private void cite(String id, List<RedFlagCitation> citations) {
    var rows = new ArrayList<>(citations);
    for (int ordinal = 0; ordinal < rows.size(); ordinal++) {
      RedFlagCitation citation = rows.get(ordinal);
      jdbc.sql(
              """
              INSERT INTO red_flag_citation (red_flag_id, ordinal, record_kind, record_id, label)
              VALUES (:id, :ordinal, :kind, :record, :label)
              """)
          .param("id", id)
          .param("ordinal", ordinal)
          .param("kind", citation.kind())
          .param("record", citation.recordId())
          .param("label", truncate(citation.label(), 500))
          .update();
    }
  }

  /** Citations as {@link #cite} stores them. */
  private static List<RedFlagCitation> stored(List<RedFlagCitation> citations) {
    return citations.stream()
        .map(c -> new RedFlagCitation(c.kind(), c.recordId(), truncate(c.label(), 500)))
        .toList();
  }

  private static String citationKey(RedFlagCitation citation) {
    return citation.kind() + ":" + citation.recordId();
  }

  public static RedFlagCitation citation(ResultSet rs, int row) throws SQLException {
    return new RedFlagCitation(
        rs.getString("record_kind"), rs.getString("record_id"), rs.getString("label"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
