package org.presstrace.substances.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.ListedHit;
import org.presstrace.substances.Substance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference list tables (substance, substance_synonym, control_action), for reading: one
 * substance with its names and controls, a jurisdiction's controls, and the names the matcher and
 * the manifest screen are built from. Reference data carries no markings.
 */
@Repository
public class SubstanceStore {

  private final JdbcClient jdbc;

  SubstanceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every listed substance as a full-score hit, by family and name. */
  public List<ListedHit> all() {
    return jdbc.sql("SELECT id, name, family FROM substance ORDER BY family, name")
        .query(
            (rs, row) ->
                new ListedHit(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("family"),
                    rs.getString("name"),
                    "listed",
                    1.0))
        .list();
  }

  /**
   * One substance with its synonyms, Chinese names, sources and control history. Those are read
   * while the substance's row is open, so the reads share one transaction and thus one pooled
   * connection; without it each would draw a second connection while the first is held.
   */
  @Transactional(readOnly = true)
  public Optional<Substance> find(String id) {
    return jdbc.sql("SELECT * FROM substance WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> substance(rs))
        .optional();
  }

  /**
   * Every substance with its synonyms, Chinese names, sources and control history, by id: three
   * statements for the whole list rather than three per substance.
   */
  @Transactional(readOnly = true)
  public List<Substance> every() {
    var synonyms = new HashMap<String, List<String>>();
    var chinese = new HashMap<String, List<String>>();
    // every order is total, so that the list reads the same each time
    jdbc.sql(
            "SELECT substance_id, synonym, kind FROM substance_synonym ORDER BY synonym, kind,"
                + " substance_id")
        .query(
            rs -> {
              var target =
                  switch (rs.getString("kind")) {
                    case "CHINESE" -> chinese;
                    case "SYNONYM" -> synonyms;
                    default -> null;
                  };
              if (target != null) {
                target
                    .computeIfAbsent(rs.getString("substance_id"), k -> new ArrayList<>())
                    .add(rs.getString("synonym"));
              }
            });
    var controls = new HashMap<String, List<ControlAction>>();
    jdbc.sql(
            """
            SELECT * FROM control_action WHERE substance_id IS NOT NULL
            ORDER BY jurisdiction, in_force_by NULLS FIRST, category, instrument, id
            """)
        .query(
            rs -> {
              controls
                  .computeIfAbsent(rs.getString("substance_id"), k -> new ArrayList<>())
                  .add(action(rs));
            });
    return jdbc.sql("SELECT * FROM substance ORDER BY id")
        .query(
            (rs, n) -> {
              String id = rs.getString("id");
              return new Substance(
                  id,
                  rs.getString("name"),
                  rs.getString("cas"),
                  rs.getString("family"),
                  rs.getString("smiles"),
                  rs.getString("formula"),
                  rs.getString("inchi_key"),
                  synonyms.getOrDefault(id, List.of()),
                  chinese.getOrDefault(id, List.of()),
                  List.of(rs.getString("sources").split("\n")),
                  controls.getOrDefault(id, List.of()));
            })
        .list();
  }

  /**
   * Every control action of {@code jurisdiction} by date in force, substance name and class rule,
   * each with the name and CAS number of its substance ({@code null} for a class-wide action).
   */
  public void controlsOf(String jurisdiction, Control sink) {
    jdbc.sql(
            """
            SELECT c.*, s.name, s.cas FROM control_action c LEFT JOIN substance s ON s.id = c.substance_id
            WHERE c.jurisdiction = :j
            ORDER BY c.in_force_by, s.name, c.class_rule
            """)
        .param("j", jurisdiction)
        .query(
            rs -> {
              sink.accept(action(rs), rs.getString("name"), rs.getString("cas"));
            });
  }

  /** Receives one control action with its substance's name and CAS number. */
  @FunctionalInterface
  public interface Control {
    void accept(ControlAction action, String name, String cas);
  }

  /** The stored structure of a substance, if it has one. */
  public Optional<String> smilesOf(String id) {
    return jdbc.sql("SELECT smiles FROM substance WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  /**
   * A stamp that changes whenever a designation, a built-in list load or a new substance changes
   * the reference list.
   */
  public String listStamp() {
    return jdbc.sql(
            "SELECT (SELECT COUNT(*) FROM designation) || '/' || (SELECT COUNT(*) FROM"
                + " reference_list_load) || '/' || (SELECT COUNT(*) FROM substance)")
        .query(String.class)
        .single();
  }

  /** The reference list as stored: substances with their names, without sources and controls. */
  public List<Substance> storedList() {
    var synonyms = new HashMap<String, List<String>>();
    var chinese = new HashMap<String, List<String>>();
    jdbc.sql("SELECT substance_id, synonym, kind FROM substance_synonym ORDER BY synonym")
        .query(
            rs -> {
              var target =
                  switch (rs.getString("kind")) {
                    case "CHINESE" -> chinese;
                    case "SYNONYM" -> synonyms;
                    default -> null;
                  };
              if (target != null) {
                target
                    .computeIfAbsent(rs.getString("substance_id"), k -> new ArrayList<>())
                    .add(rs.getString("synonym"));
              }
            });
    return jdbc.sql("SELECT id, name, cas, family, smiles, formula, inchi_key FROM substance")
        .query(
            (rs, n) ->
                new Substance(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("cas"),
                    rs.getString("family"),
                    rs.getString("smiles"),
                    rs.getString("formula"),
                    rs.getString("inchi_key"),
                    synonyms.getOrDefault(rs.getString("id"), List.of()),
                    chinese.getOrDefault(rs.getString("id"), List.of()),
                    List.of(),
                    List.of()))
        .list();
  }

  /** Every name, synonym and CAS number a substance is known by, for the name matcher. */
  public List<NameMatcher.Entry> names() {
    var entries = new ArrayList<NameMatcher.Entry>();
    jdbc.sql(
            """
            SELECT s.id, s.name, s.family, y.synonym, y.kind FROM substance_synonym y
            JOIN substance s ON s.id = y.substance_id
            """)
        .query(
            rs -> {
              entries.add(
                  new NameMatcher.Entry(
                      rs.getString("id"),
                      rs.getString("name"),
                      rs.getString("family"),
                      rs.getString("synonym"),
                      rs.getString("kind")));
            });
    jdbc.sql("SELECT id, name, family, cas FROM substance WHERE cas IS NOT NULL")
        .query(
            rs -> {
              entries.add(
                  new NameMatcher.Entry(
                      rs.getString("id"),
                      rs.getString("name"),
                      rs.getString("family"),
                      rs.getString("cas"),
                      "CAS"));
            });
    return entries;
  }

  /** Every substance's id, name, CAS number and structure, in no order. */
  public void eachSubstance(Listed sink) {
    jdbc.sql("SELECT id, name, cas, smiles FROM substance")
        .query(
            rs -> {
              sink.accept(
                  rs.getString("id"),
                  rs.getString("name"),
                  rs.getString("cas"),
                  rs.getString("smiles"));
            });
  }

  /** Receives one substance's id, name, CAS number and structure. */
  @FunctionalInterface
  public interface Listed {
    void accept(String id, String name, String cas, String smiles);
  }

  /** Every synonym (of any kind) and the substance it names, in no order. */
  public void eachSynonym(BiConsumer<String, String> substanceIdAndSynonym) {
    jdbc.sql("SELECT substance_id, synonym FROM substance_synonym")
        .query(
            rs -> {
              substanceIdAndSynonym.accept(rs.getString("substance_id"), rs.getString("synonym"));
            });
  }

  private Substance substance(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    var synonyms = new ArrayList<String>();
    var chinese = new ArrayList<String>();
    jdbc.sql(
            "SELECT synonym, kind FROM substance_synonym WHERE substance_id = :id ORDER BY synonym")
        .param("id", id)
        .query(
            row -> {
              switch (row.getString("kind")) {
                case "CHINESE" -> chinese.add(row.getString("synonym"));
                case "SYNONYM" -> synonyms.add(row.getString("synonym"));
                default -> {}
              }
            });
    List<ControlAction> controls =
        jdbc.sql(
                """
                SELECT * FROM control_action WHERE substance_id = :id
                ORDER BY jurisdiction, in_force_by NULLS FIRST, category
                """)
            .param("id", id)
            .query((row, n) -> action(row))
            .list();
    return new Substance(
        id,
        rs.getString("name"),
        rs.getString("cas"),
        rs.getString("family"),
        rs.getString("smiles"),
        rs.getString("formula"),
        rs.getString("inchi_key"),
        synonyms,
        chinese,
        List.of(rs.getString("sources").split("\n")),
        controls);
  }

  private static ControlAction action(ResultSet rs) throws SQLException {
    return new ControlAction(
        rs.getString("substance_id"),
        rs.getString("class_rule"),
        rs.getString("jurisdiction"),
        rs.getString("instrument"),
        rs.getString("category"),
        rs.getObject("effective_from", LocalDate.class),
        rs.getString("effective_as_cited"),
        rs.getObject("in_force_by", LocalDate.class),
        rs.getObject("effective_to", LocalDate.class),
        rs.getString("source"),
        rs.getString("designation_id"),
        rs.getString("citation"),
        rs.getString("order_kind"),
        rs.getString("drug_code"));
  }
}
