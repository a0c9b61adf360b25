package org.presstrace.substances.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.Substance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the built-in reference list into the database at startup, once per list version: a new
 * version updates the built-in rows in place in one transaction (see {@link #upsert}), so the
 * controls and names designation imports added to built-in substances survive it.
 */
@Component
class BuiltInListLoader implements ApplicationRunner {

  static final String ORIGIN = "built-in";

  /** The origin of a substance the built-in list dropped while records still refer to it. */
  static final String WITHDRAWN = "withdrawn built-in";

  private static final Logger log = LoggerFactory.getLogger(BuiltInListLoader.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  BuiltInListLoader(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    load(ReferenceList.builtIn());
  }

  /** Loads {@code list} unless its version is loaded already; true when it loaded. */
  boolean load(ReferenceList list) {
    Boolean loaded;
    try {
      loaded =
          transactions.execute(
              status -> {
                long present =
                    jdbc.sql("SELECT COUNT(*) FROM reference_list_load WHERE version = :v")
                        .param("v", list.version())
                        .query(Long.class)
                        .single();
                if (present > 0) {
                  return false;
                }
                upsert(list);
                return true;
              });
    } catch (DataIntegrityViolationException raced) {
      log.info("built-in substance list {} is being loaded by another node", list.version());
      return false;
    }
    if (Boolean.TRUE.equals(loaded)) {
      log.info(
          "loaded built-in substance list {} ({} substances)",
          list.version(),
          list.substances().size());
    }
    return Boolean.TRUE.equals(loaded);
  }

  /**
   * Brings the stored list up to {@code list} in place. Built-in substances, names and controls are
   * inserted or updated; built-in rows the new list no longer carries are removed. Rows designation
   * imports added (controls, names, substances) are never touched, nor is an end date a designation
   * set on a built-in control; a substance the list drops but a designation control, a stored
   * screening or an alert still refers to is kept, marked {@value #WITHDRAWN}.
   */
  private void upsert(ReferenceList list) {
    var listed = new HashSet<String>();
    for (Substance substance : list.substances()) {
      upsertSubstance(substance);
      upsertNames(substance);
      listed.add(substance.id());
    }
    var controls = new ArrayList<ControlAction>(list.classControls());
    list.substances().forEach(s -> controls.addAll(s.controls()));
    upsertControls(controls);
    withdrawDropped(listed);
    jdbc.sql(
            "INSERT INTO reference_list_load (version, loaded_at, substances) VALUES (:v, :at, :n)")
        .param("v", list.version())
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("n", list.substances().size())
        .update();
  }

  private void upsertSubstance(Substance substance) {
    int updated =
        jdbc.sql(
                """
                UPDATE substance SET name = :name, cas = :cas, family = :family, smiles = :smiles,
                    formula = :formula, inchi_key = :inchiKey, sources = :sources, origin = :origin
                WHERE id = :id
                """)
            .params(substanceColumns(substance))
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO substance (id, name, cas, family, smiles, formula, inchi_key, sources, origin)
              VALUES (:id, :name, :cas, :family, :smiles, :formula, :inchiKey, :sources, :origin)
              """)
          .params(substanceColumns(substance))
          .update();
    }
  }

  private static Map<String, Object> substanceColumns(Substance substance) {
    var columns = new HashMap<String, Object>();
    columns.put("id", substance.id());
    columns.put("name", substance.name());
    columns.put("cas", substance.cas());
    columns.put("family", substance.family());
    columns.put("smiles", substance.smiles());
    columns.put("formula", substance.formula());
    columns.put("inchiKey", inchiKey(substance.smiles()));
    columns.put("sources", String.join("\n", substance.sources()));
    columns.put("origin", ORIGIN);
    return columns;
  }

  /**
   * The substance's built-in names become exactly those of the list; a name an import added stays
   * as it is, even when the list carries it too.
   */
  private void upsertNames(Substance substance) {
    var wanted = new LinkedHashMap<String, String>();
    wanted.putIfAbsent(substance.name(), "NAME");
    substance.synonyms().forEach(s -> wanted.putIfAbsent(s, "SYNONYM"));
    substance.chineseNames().forEach(s -> wanted.putIfAbsent(s, "CHINESE"));
    var stored = new HashMap<String, String>();
    jdbc.sql("SELECT synonym, origin FROM substance_synonym WHERE substance_id = :id")
        .param("id", substance.id())
        .query(
            rs -> {
              stored.put(rs.getString("synonym"), rs.getString("origin"));
            });
    stored.forEach(
        (text, origin) -> {
          if (ORIGIN.equals(origin) && !wanted.containsKey(text)) {
            jdbc.sql("DELETE FROM substance_synonym WHERE substance_id = :id AND synonym = :text")
                .param("id", substance.id())
                .param("text", text)
                .update();
          }
        });
    wanted.forEach(
        (text, kind) -> {
          String origin = stored.get(text);
          String sql =
              origin == null
                  ? "INSERT INTO substance_synonym (substance_id, synonym, kind, origin)"
                      + " VALUES (:id, :text, :kind, :origin)"
                  : ORIGIN.equals(origin)
                      ? "UPDATE substance_synonym SET kind = :kind"
                          + " WHERE substance_id = :id AND synonym = :text AND origin = :origin"
                      : null;
          if (sql != null) {
            jdbc.sql(sql)
                .param("id", substance.id())
                .param("text", text)
                .param("kind", kind)
                .param("origin", ORIGIN)
                .update();
          }
        });
  }

  /**
   * Built-in controls are matched across versions by what they control, jurisdiction, instrument
   * and category; a matched row is updated in place (dates, source), keeping the end date when a
   * designation ended it.
   */
  private void upsertControls(List<ControlAction> controls) {
    var stored = new HashMap<String, String>();
    jdbc.sql(
            """
            SELECT id, substance_id, class_rule, jurisdiction, instrument, category, order_kind
            FROM control_action WHERE origin = :o
            """)
        .param("o", ORIGIN)
        .query(
            rs -> {
              String key =
                  key(
                      rs.getString("substance_id"),
                      rs.getString("class_rule"),
                      rs.getString("jurisdiction"),
                      rs.getString("instrument"),
                      rs.getString("category"),
                      rs.getString("order_kind"));
              stored.put(key, rs.getString("id"));
            });
    for (ControlAction action : controls) {
      String id =
          stored.remove(
              key(
                  action.substanceId(),
                  action.classRule(),
                  action.jurisdiction(),
                  action.instrument(),
                  action.category(),
                  action.order()));
      if (id == null) {
        insertControl(action);
      } else {
        updateControl(id, action);
      }
    }
    stored
        .values()
        .forEach(
            id -> jdbc.sql("DELETE FROM control_action WHERE id = :id").param("id", id).update());
  }

  /**
   * What a built-in control is matched by across versions. A temporary order and the permanent
   * listing after it are two controls; a control stored before orders were recorded counts as
   * permanent, so that a designation's end date on it survives the upgrade.
   */
  private static String key(
      String substanceId,
      String rule,
      String jurisdiction,
      String instrument,
      String category,
      String order) {
    return String.join(
        "\u0000",
        String.valueOf(substanceId),
        String.valueOf(rule),
        jurisdiction,
        instrument,
        category,
        order == null ? "permanent" : order);
  }

  private void updateControl(String id, ControlAction action) {
    jdbc.sql(
            """
            UPDATE control_action SET effective_from = :from, effective_as_cited = :cited,
                in_force_by = :by, source = :source, citation = :citation, order_kind = :order,
                drug_code = :code,
                effective_to = CASE WHEN ended_by_designation IS NULL THEN :to ELSE effective_to END
            WHERE id = :id
            """)
        .param("id", id)
        .param("from", action.effectiveFrom())
        .param("cited", action.effectiveAsCited())
        .param("by", action.inForceBy())
        .param("to", action.effectiveTo())
        .param("source", action.source())
        .param("citation", action.citation())
        .param("order", action.order())
        .param("code", action.drugCode())
        .update();
  }

  /**
   * Removes the built-in substances the list no longer carries: deleted when nothing refers to
   * them, otherwise kept (with their names, without their built-in controls) and marked withdrawn.
   */
  private void withdrawDropped(Set<String> listed) {
    var dropped =
        jdbc
            .sql("SELECT id FROM substance WHERE origin = :o")
            .param("o", ORIGIN)
            .query(String.class)
            .list()
            .stream()
            .filter(id -> !listed.contains(id))
            .toList();
    for (String id : dropped) {
      long references =
          jdbc.sql(
                  """
                  SELECT (SELECT COUNT(*) FROM control_action WHERE substance_id = :id)
                       + (SELECT COUNT(*) FROM manifest_screening_hit WHERE substance_id = :id)
                       + (SELECT COUNT(*) FROM screening_alert WHERE substance_id = :id)
                  """)
              .param("id", id)
              .query(Long.class)
              .single();
      String sql =
          references > 0
              ? "UPDATE substance SET origin = '" + WITHDRAWN + "' WHERE id = :id"
              : "DELETE FROM substance WHERE id = :id";
      jdbc.sql(sql).param("id", id).update();
      log.info(
          "built-in substance {} is no longer listed: {}",
          id,
          references > 0 ? "kept, withdrawn" : "deleted");
    }
  }

  private void insertControl(ControlAction action) {
    jdbc.sql(
            """
            INSERT INTO control_action (id, substance_id, class_rule, jurisdiction, instrument,
                category, effective_from, effective_as_cited, in_force_by, effective_to, source, origin,
                citation, order_kind, drug_code)
            VALUES (:id, :substance, :rule, :jurisdiction, :instrument, :category, :from, :cited,
                :by, :to, :source, :origin, :citation, :order, :code)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("substance", action.substanceId())
        .param("rule", action.classRule())
        .param("jurisdiction", action.jurisdiction())
        .param("instrument", action.instrument())
        .param("category", action.category())
        .param("from", action.effectiveFrom())
        .param("cited", action.effectiveAsCited())
        .param("by", action.inForceBy())
        .param("to", action.effectiveTo())
        .param("source", action.source())
        .param("origin", ORIGIN)
        .param("citation", action.citation())
        .param("order", action.order())
        .param("code", action.drugCode())
        .update();
  }

  /** The standard InChIKey, or null when the native InChI library cannot run here. */
  static String inchiKey(String smiles) {
    if (smiles == null) {
      return null;
    }
    try {
      var generator =
          InChIGeneratorFactory.getInstance().getInChIGenerator(Molecules.parse(smiles));
      return generator.getInchiKey();
    } catch (Exception | LinkageError e) {
      log.warn("no InChIKey for {}: {}", smiles, e.getMessage());
      return null;
    }
  }
}
