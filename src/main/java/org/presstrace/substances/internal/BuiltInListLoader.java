package org.presstrace.substances.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
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
 * version replaces every built-in row in one transaction, leaving imported rows alone.
 */
@Component
class BuiltInListLoader implements ApplicationRunner {

  static final String ORIGIN = "built-in";
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
                replace(list);
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

  private void replace(ReferenceList list) {
    jdbc.sql("DELETE FROM control_action WHERE origin = :o").param("o", ORIGIN).update();
    jdbc.sql(
            "DELETE FROM substance_synonym WHERE substance_id IN (SELECT id FROM substance WHERE origin = :o)")
        .param("o", ORIGIN)
        .update();
    jdbc.sql("DELETE FROM substance WHERE origin = :o").param("o", ORIGIN).update();
    for (Substance substance : list.substances()) {
      jdbc.sql(
              """
              INSERT INTO substance (id, name, cas, family, smiles, formula, inchi_key, sources, origin)
              VALUES (:id, :name, :cas, :family, :smiles, :formula, :inchiKey, :sources, :origin)
              """)
          .param("id", substance.id())
          .param("name", substance.name())
          .param("cas", substance.cas())
          .param("family", substance.family())
          .param("smiles", substance.smiles())
          .param("formula", substance.formula())
          .param("inchiKey", inchiKey(substance.smiles()))
          .param("sources", String.join("\n", substance.sources()))
          .param("origin", ORIGIN)
          .update();
      var seen = new HashSet<String>();
      synonym(substance.id(), substance.name(), "NAME", seen);
      substance.synonyms().forEach(s -> synonym(substance.id(), s, "SYNONYM", seen));
      substance.chineseNames().forEach(s -> synonym(substance.id(), s, "CHINESE", seen));
      substance.controls().forEach(this::control);
    }
    list.classControls().forEach(this::control);
    jdbc.sql(
            "INSERT INTO reference_list_load (version, loaded_at, substances) VALUES (:v, :at, :n)")
        .param("v", list.version())
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("n", list.substances().size())
        .update();
  }

  private void synonym(String id, String text, String kind, java.util.Set<String> seen) {
    if (seen.add(text)) {
      jdbc.sql(
              "INSERT INTO substance_synonym (substance_id, synonym, kind) VALUES (:id, :text, :kind)")
          .param("id", id)
          .param("text", text)
          .param("kind", kind)
          .update();
    }
  }

  private void control(ControlAction action) {
    jdbc.sql(
            """
            INSERT INTO control_action (id, substance_id, class_rule, jurisdiction, instrument,
                category, effective_from, effective_as_cited, in_force_by, effective_to, source, origin)
            VALUES (:id, :substance, :rule, :jurisdiction, :instrument, :category, :from, :cited,
                :by, :to, :source, :origin)
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
