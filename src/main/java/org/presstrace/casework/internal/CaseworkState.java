package org.presstrace.casework.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 *
 * <p>With more than one node on the database, each node announces what it stores (a subject, a
 * judgement, a planned operation) in the storing transaction with a PostgreSQL notification, and
 * {@link CaseworkNotices} applies the other nodes' announcements to this node's index as they come
 * (see docs/deployment.md); nothing is announced on a single node.
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
  private final Set<String> registeredOperations = ConcurrentHashMap.newKeySet();
  private volatile boolean loaded;
  private volatile boolean announcing;

  /** Tells this node's announcements from the others'. */
  private final String self = UUID.randomUUID().toString();

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

  /** The PostgreSQL notification channel of the announcements. */
  static final String CHANNEL = "presstrace_casework";

  /** Announces from now on what this node stores, for the other nodes' indexes. */
  void announce(boolean on) {
    this.announcing = on;
  }

  /** Announces, in the current transaction (delivered only if it commits), a stored subject. */
  public void recorded(String subjectId) {
    announce("subject", subjectId);
  }

  /** Announces, in the current transaction, an agency's judgement on a pair. */
  public void judged(String agency, String left, String right, Judgement judgement) {
    announce("judgement", agency + "|" + left + "|" + right + "|" + judgement.name());
  }

  /** Announces, in the current transaction, a planned operation. */
  public void planned(String operationId) {
    registeredOperations.add(operationId);
    announce("operation", operationId);
  }

  private void announce(String kind, String what) {
    if (announcing) {
      jdbc.sql("SELECT pg_notify(?, ?)")
          .params(CHANNEL, self + "|" + kind + "|" + what)
          .query((rs, n) -> 1)
          .list();
    }
  }

  /**
   * Applies another node's announcement to this node's index: reads the subject or operation it
   * names (committed by then), or applies the judgement. Its own announcements, and records already
   * here, are passed over. The database is read without holding this state's lock, so that a
   * request holding a connection and waiting for the lock never waits on this thread in turn.
   */
  void apply(String payload) {
    String[] parts = payload.split("\\|");
    if (parts.length < 3 || parts[0].equals(self) || !loaded) {
      return;
    }
    switch (parts[1]) {
      case "subject" -> loadSubjects(parts[2]);
      case "judgement" -> {
        if (parts.length == 6) {
          index.judge(parts[2], parts[3], parts[4], Judgement.valueOf(parts[5]));
        }
      }
      case "operation" -> loadOperations(parts[2]);
      default -> LOG.warn("unknown casework announcement '{}'", parts[1]);
    }
  }

  /**
   * Reads what other nodes stored while this node was not listening (at start, or after the
   * database connection was lost): subjects and operations not yet here, and every judgement.
   */
  void catchUp() {
    if (!loaded) {
      ready();
      return;
    }
    int before = index.size();
    loadSubjects(null);
    loadJudgements();
    loadOperations(null);
    LOG.info("Resolution index caught up: {} subjects added", index.size() - before);
  }

  private void loadSubjects() {
    loadSubjects(null);
  }

  /** Loads every stored subject not in the index yet, or only {@code onlyId}. */
  private void loadSubjects(String onlyId) {
    if (onlyId != null && holders.containsKey(onlyId)) {
      return;
    }
    var entities = new LinkedHashMap<String, Entity>();
    String where = onlyId == null ? "" : " WHERE id = :only";
    String statementsWhere = onlyId == null ? "" : " WHERE entity_id = :only";
    var fresh = new LinkedHashMap<String, Holder>();
    jdbc.sql(
            "SELECT id, schema_name, owner_agency, case_reference, contact FROM resolution_entity"
                + where
                + " ORDER BY created_at, id")
        .params(onlyId == null ? Map.of() : Map.of("only", onlyId))
        .query(
            rs -> {
              String id = rs.getString("id");
              if (holders.containsKey(id)) {
                return;
              }
              entities.put(id, Entity.of(id, Schema.parse("schema", rs.getString("schema_name"))));
              fresh.put(
                  id,
                  new Holder(
                      id,
                      rs.getString("owner_agency"),
                      rs.getString("case_reference"),
                      rs.getString("contact")));
            });
    if (fresh.isEmpty()) {
      return;
    }
    jdbc.sql(
            "SELECT entity_id, property, statement_value, source_record FROM resolution_statement"
                + statementsWhere
                + " ORDER BY entity_id, ordinal")
        .params(onlyId == null ? Map.of() : Map.of("only", onlyId))
        .query(
            rs -> {
              String id = rs.getString("entity_id");
              String property = rs.getString("property");
              String value = rs.getString("statement_value");
              String source = rs.getString("source_record");
              entities.computeIfPresent(id, (key, entity) -> entity.with(property, value, source));
            });
    synchronized (this) {
      for (Entity entity : entities.values()) {
        if (holders.putIfAbsent(entity.id(), fresh.get(entity.id())) == null) {
          index.add(entity);
          loadedIdentifiers(entity);
        }
      }
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
    loadOperations(null);
  }

  /** Registers every stored operation not registered yet, or only {@code onlyId}. */
  private void loadOperations(String onlyId) {
    var operations = new ArrayList<PlannedOperation>();
    jdbc.sql(
            "SELECT * FROM planned_operation"
                + (onlyId == null ? "" : " WHERE id = :only")
                + " ORDER BY created_at, id")
        .params(onlyId == null ? Map.of() : Map.of("only", onlyId))
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
    operations.stream()
        .filter(operation -> registeredOperations.add(operation.id()))
        .forEach(events::register);
  }
}
