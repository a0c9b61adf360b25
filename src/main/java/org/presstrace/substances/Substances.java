package org.presstrace.substances;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.substances.internal.NameMatcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The controlled-substance reference list: search by name, synonym or CAS number; one substance
 * with its control history; what a jurisdiction controlled on a day; and screening. Reference data
 * carries no markings: every signed-in user may read it.
 */
@Service
public class Substances {

  /** Hits below this score are not reported as screening hits. */
  static final double SCREENING_MINIMUM = 0.75;

  private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{3}|UN");

  private final JdbcClient jdbc;
  private final StructureScreen structures = StructureScreen.builtIn();

  Substances(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Substances whose name, synonym, Chinese name or CAS number matches {@code query}. */
  public List<ListedHit> search(String query) {
    if (query == null || query.isBlank()) {
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
    if (query.length() > 300) {
      throw new InvalidRequest("q", "query is " + query.length() + " characters, more than 300");
    }
    return matcher().match(query, 0.5);
  }

  public Substance get(String id) {
    var found =
        jdbc.sql("SELECT * FROM substance WHERE id = :id")
            .param("id", id)
            .query((rs, row) -> substance(rs))
            .optional();
    return found.orElseThrow(() -> new NotFound("substance", id));
  }

  /** What {@code jurisdiction} controlled on {@code date}: listed substances and classes. */
  public ControlledList controlledOn(String jurisdiction, LocalDate date) {
    String code = jurisdiction(jurisdiction);
    if (date == null) {
      throw new InvalidRequest("date", "date is missing");
    }
    var substances = new ArrayList<ControlledList.Controlled>();
    var classes = new ArrayList<ControlAction>();
    var undated = new ArrayList<ControlledList.Controlled>();
    jdbc.sql(
            """
            SELECT c.*, s.name, s.cas FROM control_action c LEFT JOIN substance s ON s.id = c.substance_id
            WHERE c.jurisdiction = :j
            ORDER BY c.in_force_by, s.name, c.class_rule
            """)
        .param("j", code)
        .query(
            rs -> {
              ControlAction action = action(rs);
              var entry =
                  new ControlledList.Controlled(
                      action.substanceId(), rs.getString("name"), rs.getString("cas"), action);
              if (action.inForceBy() == null) {
                if (action.substanceId() != null) {
                  undated.add(entry);
                }
              } else if (action.inForceOn(date)) {
                if (action.substanceId() == null) {
                  classes.add(action);
                } else {
                  substances.add(entry);
                }
              }
            });
    return new ControlledList(code, date, substances, classes, undated);
  }

  /**
   * Screens a structure, a name or a CAS number (or several at once). A CAS number failing its
   * check digit is refused here; manifest screening treats it as a signal instead.
   */
  public ScreeningResult screen(String smiles, String name, String cas) {
    boolean hasSmiles = smiles != null && !smiles.isBlank();
    boolean hasName = name != null && !name.isBlank();
    boolean hasCas = cas != null && !cas.isBlank();
    if (!hasSmiles && !hasName && !hasCas) {
      throw new InvalidRequest(null, "give at least one of smiles, name or cas");
    }
    var listed = new LinkedHashMap<String, ListedHit>();
    var classes = new LinkedHashMap<String, ClassMatch>();
    String parent = null;
    if (hasSmiles) {
      StructureVerdict verdict = structures.screen(smiles);
      parent = verdict.parent();
      verdict.classes().forEach(c -> classes.putIfAbsent(c.rule(), c));
      verdict.listed().forEach(hit -> listed.putIfAbsent(hit.substanceId(), hit));
    }
    if (hasCas) {
      CasNumber number = CasNumber.of(cas);
      matcher()
          .match(number.value(), 1.0)
          .forEach(hit -> listed.putIfAbsent(hit.substanceId(), hit));
    }
    if (hasName) {
      if (name.length() > 300) {
        throw new InvalidRequest("name", "name is " + name.length() + " characters, more than 300");
      }
      matcher()
          .match(name, SCREENING_MINIMUM)
          .forEach(hit -> listed.putIfAbsent(hit.substanceId(), hit));
    }
    if (!hasSmiles) {
      for (ListedHit hit : listed.values()) {
        String structure =
            jdbc.sql("SELECT smiles FROM substance WHERE id = :id")
                .param("id", hit.substanceId())
                .query(String.class)
                .optional()
                .orElse(null);
        if (structure != null) {
          structures.screen(structure).classes().forEach(c -> classes.putIfAbsent(c.rule(), c));
        }
      }
    }
    return new ScreeningResult(
        true, parent, new ArrayList<>(classes.values()), new ArrayList<>(listed.values()));
  }

  /**
   * A manifest screen over the reference list as stored now (built-in and imported substances),
   * rebuilt when a designation or a new built-in list changes it.
   */
  public ManifestScreen manifestScreen() {
    String stamp =
        jdbc.sql(
                "SELECT (SELECT COUNT(*) FROM designation) || '/' || (SELECT COUNT(*) FROM"
                    + " reference_list_load) || '/' || (SELECT COUNT(*) FROM substance)")
            .query(String.class)
            .single();
    var cached = screenCache;
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached.screen();
    }
    var screen = ManifestScreen.over(storedList());
    screenCache = new CachedScreen(stamp, screen);
    return screen;
  }

  private record CachedScreen(String stamp, ManifestScreen screen) {}

  private volatile CachedScreen screenCache;

  private List<Substance> storedList() {
    var synonyms = new java.util.HashMap<String, List<String>>();
    var chinese = new java.util.HashMap<String, List<String>>();
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

  static String jurisdiction(String value) {
    String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    if (!JURISDICTION.matcher(code).matches()) {
      throw new InvalidRequest(
          "jurisdiction",
          "jurisdiction '" + value + "' is not an ISO 3166 alpha-3 country code or UN");
    }
    return code;
  }

  private NameMatcher matcher() {
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
    return new NameMatcher(entries);
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
        rs.getString("designation_id"));
  }
}
