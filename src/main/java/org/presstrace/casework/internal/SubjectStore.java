package org.presstrace.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.presstrace.access.Marking;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.Statement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subject, statement and scored-pair tables. Subjects and their statements are shown through
 * {@code GuardedReads} with {@code Subjects.KIND} (statements with {@link #STATEMENTS_SQL}); the
 * pairs read here are shown only when the caller may read both of their subjects.
 */
@Repository
public class SubjectStore {

  /** The statements of the subject {@code :id}, in order, for a guarded history read. */
  public static final String STATEMENTS_SQL =
      "SELECT * FROM resolution_statement WHERE entity_id = :id ORDER BY ordinal";

  /** A scored pair as stored, its explanation kept as text. */
  public record ScoredPair(
      String leftId, String rightId, double score, MatchBand band, String explanation) {}

  private final JdbcClient jdbc;

  SubjectStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a subject and its statements, each stated by the marking's owner on {@code statedOn}.
   */
  public void insert(
      Entity entity,
      String label,
      String caseReference,
      String contact,
      Marking marking,
      LocalDate statedOn,
      String by,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO resolution_entity (id, schema_name, label, case_reference, contact,
                                           owner_agency, tlp, cui_category, noforn, rel_to,
                                           compartment, created_by, created_at)
            VALUES (:id, :schema, :label, :caseReference, :contact, :owner, :tlp, :cui, :noforn,
                    :relTo, :compartment, :by, :at)
            """)
        .param("id", entity.id())
        .param("schema", entity.schema().label())
        .param("label", label)
        .param("caseReference", caseReference)
        .param("contact", contact)
        .param("owner", marking.ownerAgency())
        .param("tlp", marking.tlp().label())
        .param("cui", marking.cuiCategory())
        .param("noforn", marking.noforn())
        .param("relTo", marking.relToColumn())
        .param("compartment", marking.compartment())
        .param("by", by)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
    int ordinal = 0;
    for (Statement statement : entity.statements()) {
      jdbc.sql(
              """
              INSERT INTO resolution_statement (entity_id, ordinal, property, statement_value,
                                                source_record, agency, stated_on)
              VALUES (:id, :ordinal, :property, :value, :source, :agency, :statedOn)
              """)
          .param("id", entity.id())
          .param("ordinal", ordinal++)
          .param("property", statement.property())
          .param("value", statement.value())
          .param("source", statement.source())
          .param("agency", marking.ownerAgency())
          .param("statedOn", statedOn)
          .update();
    }
  }

  /** Stores the pairs just scored, each replacing the pair's earlier score. */
  public void storeMatches(List<Match> matches, Instant at) {
    OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    for (Match match : matches) {
      jdbc.sql("DELETE FROM resolution_match WHERE left_id = :left AND right_id = :right")
          .param("left", match.leftId())
          .param("right", match.rightId())
          .update();
      jdbc.sql(
              """
              INSERT INTO resolution_match (left_id, right_id, score, band, explanation, found_at)
              VALUES (:left, :right, :score, :band, :explanation, :at)
              """)
          .param("left", match.leftId())
          .param("right", match.rightId())
          .param("score", match.score())
          .param("band", match.band().name())
          .param("explanation", truncate(match.explanation(), 2000))
          .param("at", now)
          .update();
    }
  }

  /** The scored pairs of subject {@code id}, best first. */
  public List<ScoredPair> matchesOf(String id) {
    return jdbc.sql(
            "SELECT * FROM resolution_match WHERE left_id = :id OR right_id = :id"
                + " ORDER BY score DESC")
        .param("id", id)
        .query(
            (rs, row) ->
                new ScoredPair(
                    rs.getString("left_id"),
                    rs.getString("right_id"),
                    rs.getDouble("score"),
                    MatchBand.valueOf(rs.getString("band")),
                    rs.getString("explanation")))
        .list();
  }

  /** Every pair scored in the automatic link band, as (left, right). */
  public List<Map.Entry<String, String>> linkBandPairs() {
    return jdbc.sql("SELECT left_id, right_id FROM resolution_match WHERE band = 'LINK'")
        .query((rs, row) -> Map.entry(rs.getString("left_id"), rs.getString("right_id")))
        .list();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
