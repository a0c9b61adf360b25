package org.presstrace.casework.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.presstrace.casework.EventDeconfliction;
import org.presstrace.casework.PlannedOperation;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.ResolutionIndex;
import org.presstrace.resolution.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The in-memory side of resolution: every stored subject in a {@link ResolutionIndex}, their exact
 * identifiers, and every planned operation in an {@link EventDeconfliction}. Rebuilt from the
 * database when the application is ready (or at first use), then kept current by each insert, so
 * that a new subject is resolved without reading the tables again. This is the system's own index,
 * not a read for a user: what a user is shown of it is filtered through {@code GuardedReads}.
 */
@Component
public class CaseworkState {

  private static final Logger LOG = LoggerFactory.getLogger(CaseworkState.class);

  /**
   * Who holds a subject and who to call about it; never shown to another agency but as a pointer.
   */
  public record Holder(String id, String agency, String caseReference, String contact) {}

  private final JdbcClient jdbc;
  private final JudgementStore judgements;
  private final ResolutionIndex index = new ResolutionIndex(MatchOptions.DEFAULTS);
  private final EventDeconfliction events = new EventDeconfliction();
  private final Map<String, Holder> holders = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byIdentifier = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  CaseworkState(JdbcClient jdbc, JudgementStore judgements) {
    this.jdbc = jdbc;
    this.judgements = judgements;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    ready();
  }

  /** Loads what is stored, once. */
  public synchronized CaseworkState ready() {
    if (!loaded) {
      long started = System.nanoTime();
      loadSubjects();
      loadJudgements();
      loadOperations();
      loaded = true;
      LOG.info(
          "Resolution index rebuilt: {} subjects, {} ms",
          index.size(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return this;
  }

  public ResolutionIndex index() {
    return ready().index;
  }

  public EventDeconfliction events() {
    return ready().events;
  }

  public Holder holder(String id) {
    return holders.get(id);
  }

  /** Adds a stored subject to the index; returns the other subjects sharing an exact identifier. */
  public synchronized Set<String> add(Entity entity, Holder holder) {
    ready();
    var sharing = new TreeSet<String>();
    for (String identifier : ResolutionIndex.exactIdentifiers(entity)) {
      Set<String> ids = byIdentifier.computeIfAbsent(identifier, key -> new TreeSet<>());
      if (ids.size() < MatchOptions.DEFAULTS.fanOutCap()) {
        sharing.addAll(ids);
        ids.add(entity.id());
      }
    }
    holders.put(entity.id(), holder);
    return sharing;
  }

  private void loadSubjects() {
    var entities = new LinkedHashMap<String, Entity>();
    jdbc.sql(
            "SELECT id, schema_name, owner_agency, case_reference, contact FROM resolution_entity"
                + " ORDER BY created_at, id")
        .query(
            rs -> {
              String id = rs.getString("id");
              entities.put(id, Entity.of(id, Schema.parse("schema", rs.getString("schema_name"))));
              holders.put(
                  id,
                  new Holder(
                      id,
                      rs.getString("owner_agency"),
                      rs.getString("case_reference"),
                      rs.getString("contact")));
            });
    jdbc.sql(
            "SELECT entity_id, property, statement_value, source_record FROM resolution_statement"
                + " ORDER BY entity_id, ordinal")
        .query(
            rs -> {
              String id = rs.getString("entity_id");
              String property = rs.getString("property");
              String value = rs.getString("statement_value");
              String source = rs.getString("source_record");
              entities.computeIfPresent(id, (key, entity) -> entity.with(property, value, source));
            });
    for (Entity entity : entities.values()) {
      index.add(entity);
      loadedIdentifiers(entity);
    }
  }

  private void loadedIdentifiers(Entity entity) {
    for (String identifier : ResolutionIndex.exactIdentifiers(entity)) {
      byIdentifier.computeIfAbsent(identifier, key -> new TreeSet<>()).add(entity.id());
    }
  }

  /** Each agency's latest judgement on each pair, applied for that agency only. */
  private void loadJudgements() {
    var latest = new LinkedHashMap<List<String>, Judgement>();
    for (JudgementStore.Judged judged : judgements.all()) {
      latest.put(List.of(judged.agency(), judged.leftId(), judged.rightId()), judged.judgement());
    }
    latest.forEach(
        (judged, judgement) -> index.judge(judged.get(0), judged.get(1), judged.get(2), judgement));
  }

  private void loadOperations() {
    var operations = new ArrayList<PlannedOperation>();
    jdbc.sql("SELECT * FROM planned_operation ORDER BY created_at, id")
        .query(
            rs -> {
              operations.add(
                  new PlannedOperation(
                      rs.getString("id"),
                      rs.getString("owner_agency"),
                      rs.getString("case_reference"),
                      rs.getString("contact"),
                      rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                      rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
                      rs.getDouble("latitude"),
                      rs.getDouble("longitude"),
                      rs.getDouble("radius_metres")));
            });
    operations.forEach(events::register);
  }
}
