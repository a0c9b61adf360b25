package org.presstrace.substances.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.presstrace.substances.DesignationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The designation table and what applying a designation writes to the reference list: new
 * substances, their names, new control actions and the end dates of controls it replaces. Rows it
 * writes carry the origin {@value #ORIGIN}.
 */
@Repository
public class DesignationStore {

  /** The origin of every row a designation writes. */
  public static final String ORIGIN = "designation";

  private final JdbcClient jdbc;

  DesignationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A designation as applied, with the counts shown in its list. */
  public record Applied(
      String id,
      int listVersion,
      String jurisdiction,
      String instrument,
      String category,
      LocalDate effectiveFrom,
      String source,
      String contentSha256,
      int substances,
      int newSubstances,
      int endedActions,
      String appliedBy,
      OffsetDateTime appliedAt) {}

  public void insert(Applied designation) {
    jdbc.sql(
            """
            INSERT INTO designation (id, list_version, jurisdiction, instrument, category,
                effective_from, source, content_sha256, substances, new_substances, ended_actions,
                applied_by, applied_at)
            VALUES (:id, :version, :j, :instrument, :category, :from, :source, :sha, :n, :new,
                :ended, :by, :at)
            """)
        .param("id", designation.id())
        .param("version", designation.listVersion())
        .param("j", designation.jurisdiction())
        .param("instrument", designation.instrument())
        .param("category", designation.category())
        .param("from", designation.effectiveFrom())
        .param("source", designation.source())
        .param("sha", designation.contentSha256())
        .param("n", designation.substances())
        .param("new", designation.newSubstances())
        .param("ended", designation.endedActions())
        .param("by", designation.appliedBy())
        .param("at", designation.appliedAt())
        .update();
  }

  /** Applied designations, newest first. */
  public List<DesignationView> list() {
    return jdbc.sql("SELECT * FROM designation ORDER BY list_version DESC")
        .query((rs, n) -> view(rs))
        .list();
  }

  public Optional<DesignationView> find(String id) {
    return jdbc.sql("SELECT * FROM designation WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> view(rs))
        .optional();
  }

  /** The number of designations applied so far: 0 for the built-in list alone. */
  public int currentListVersion() {
    return jdbc.sql("SELECT COALESCE(MAX(list_version), 0) FROM designation")
        .query(Integer.class)
        .single();
  }

  /** An earlier application of the same announcement. */
  public record Earlier(int listVersion, OffsetDateTime appliedAt) {}

  /** The designations applied from content with this SHA-256. */
  public List<Earlier> appliedWithContent(String sha256) {
    return jdbc.sql("SELECT list_version, applied_at FROM designation WHERE content_sha256 = :sha")
        .param("sha", sha256)
        .query(
            (rs, n) ->
                new Earlier(
                    rs.getInt("list_version"), rs.getObject("applied_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * A control action on a substance under an instrument, with the list version of the designation
   * that created it ({@code null} for the built-in list).
   */
  public record ExistingControl(
      String id,
      String category,
      String effectiveAsCited,
      LocalDate inForceBy,
      LocalDate effectiveTo,
      Integer listVersion) {}

  /**
   * The control actions on {@code substanceId} in {@code jurisdiction} under {@code instrument}.
   */
  public List<ExistingControl> controls(
      String substanceId, String jurisdiction, String instrument) {
    return jdbc.sql(
            """
            SELECT c.id, c.category, c.effective_as_cited, c.in_force_by, c.effective_to, d.list_version
            FROM control_action c LEFT JOIN designation d ON d.id = c.designation_id
            WHERE c.substance_id = :s AND c.jurisdiction = :j AND c.instrument = :i
            """)
        .param("s", substanceId)
        .param("j", jurisdiction)
        .param("i", instrument)
        .query(
            (rs, n) ->
                new ExistingControl(
                    rs.getString("id"),
                    rs.getString("category"),
                    rs.getString("effective_as_cited"),
                    rs.getObject("in_force_by", LocalDate.class),
                    rs.getObject("effective_to", LocalDate.class),
                    rs.getObject("list_version") == null ? null : rs.getInt("list_version")))
        .list();
  }

  /** A substance a designation adds to the reference list. */
  public void insertSubstance(
      String id,
      String name,
      String cas,
      String family,
      String smiles,
      String formula,
      String sources) {
    jdbc.sql(
            """
            INSERT INTO substance (id, name, cas, family, smiles, formula, sources, origin)
            VALUES (:id, :name, :cas, :family, :smiles, :formula, :sources, :origin)
            """)
        .param("id", id)
        .param("name", name)
        .param("cas", cas)
        .param("family", family)
        .param("smiles", smiles)
        .param("formula", formula)
        .param("sources", sources)
        .param("origin", ORIGIN)
        .update();
  }

  /** The names (of every kind) stored for a substance. */
  public Set<String> namesOf(String substanceId) {
    return new HashSet<>(
        jdbc.sql("SELECT synonym FROM substance_synonym WHERE substance_id = :id")
            .param("id", substanceId)
            .query(String.class)
            .list());
  }

  /** A name, synonym or Chinese name ({@code kind} NAME, SYNONYM or CHINESE) of a substance. */
  public void insertName(String substanceId, String text, String kind) {
    jdbc.sql(
            """
            INSERT INTO substance_synonym (substance_id, synonym, kind, origin)
            VALUES (:id, :text, :kind, :origin)
            """)
        .param("id", substanceId)
        .param("text", text)
        .param("kind", kind)
        .param("origin", ORIGIN)
        .update();
  }

  /** A control action created by designation {@code designationId}, in force from its date. */
  public void insertControl(
      String designationId,
      String substanceId,
      String jurisdiction,
      String instrument,
      String category,
      LocalDate effectiveFrom,
      String source) {
    jdbc.sql(
            """
            INSERT INTO control_action (id, substance_id, jurisdiction, instrument, category,
                effective_from, effective_as_cited, in_force_by, source, origin, designation_id)
            VALUES (:id, :substance, :j, :instrument, :category, :from, :cited, :from, :source,
                :origin, :designation)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("substance", substanceId)
        .param("j", jurisdiction)
        .param("instrument", instrument)
        .param("category", category)
        .param("from", effectiveFrom)
        .param("cited", effectiveFrom.toString())
        .param("source", source)
        .param("origin", ORIGIN)
        .param("designation", designationId)
        .update();
  }

  /** Ends control action {@code controlId} on {@code to}, naming the designation that ended it. */
  public void endControl(String controlId, LocalDate to, String designationId) {
    jdbc.sql(
            "UPDATE control_action SET effective_to = :to, ended_by_designation = :d WHERE id = :id")
        .param("to", to)
        .param("d", designationId)
        .param("id", controlId)
        .update();
  }

  private static DesignationView view(ResultSet rs) throws SQLException {
    return new DesignationView(
        rs.getString("id"),
        rs.getInt("list_version"),
        rs.getString("jurisdiction"),
        rs.getString("instrument"),
        rs.getString("category"),
        rs.getObject("effective_from", LocalDate.class),
        rs.getString("source"),
        rs.getInt("substances"),
        rs.getInt("new_substances"),
        rs.getInt("ended_actions"),
        rs.getString("applied_by"),
        rs.getObject("applied_at", OffsetDateTime.class));
  }
}
