package org.presstrace.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Criteria;
import org.presstrace.access.Directory;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Purpose;
import org.presstrace.access.Releases;
import org.presstrace.casework.internal.CaseworkState;
import org.presstrace.casework.internal.CaseworkState.Holder;
import org.presstrace.casework.internal.JudgementStore;
import org.presstrace.casework.internal.SubjectStore;
import org.presstrace.casework.internal.ValueStore;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.ExplainedMatch;
import org.presstrace.resolution.IdentifierCheck;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;
import org.presstrace.resolution.Schema;
import org.presstrace.resolution.Statement;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case subjects: stored as statements with provenance and a marking, resolved at once against every
 * stored subject, and deconflicted. When a subject resolves (automatic link band, or an exact
 * phone, e-mail or identity number) to one held by another agency, and neither agency may read the
 * other's record, both agencies get a pointer alert. Every read goes through {@link GuardedReads}.
 */
@Service
public class Subjects {

  /** The protected kind of case subjects; reading one needs a stated purpose. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "subject",
          "resolution_entity",
          "r.id, r.schema_name, r.label, r.case_reference, r.contact, r.created_by, r.created_at, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  static final int MAX_VALUES = 100;
  static final int MAX_VALUE_LENGTH = 500;

  private final SubjectStore store;
  private final GuardedReads reads;
  private final Releases releases;
  private final Directory directory;
  private final PointerAlerts alerts;
  private final CaseworkState state;
  private final ValueStore values;
  private final JudgementStore judgements;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Subjects(
      SubjectStore store,
      GuardedReads reads,
      Releases releases,
      Directory directory,
      PointerAlerts alerts,
      CaseworkState state,
      ValueStore values,
      JudgementStore judgements,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.reads = reads;
    this.releases = releases;
    this.directory = directory;
    this.alerts = alerts;
    this.state = state;
    this.values = values;
    this.judgements = judgements;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Stores a subject of the caller's agency, resolves it and raises the pointer alerts due. */
  @Transactional
  public Submission submit(AccessContext context, SubjectDraft draft) {
    return submit(context, draft, UUID.randomUUID().toString());
  }

  /**
   * {@link #submit(AccessContext, SubjectDraft)} under the id an entry form was issued, so that the
   * same form submitted twice stores one subject: the second fails on the id already taken.
   */
  @Transactional
  public Submission submit(AccessContext context, SubjectDraft draft, UUID formId) {
    return submit(context, draft, formId.toString());
  }

  /** {@link #submit(AccessContext, SubjectDraft)} under an id chosen beforehand (an import's). */
  @Transactional
  Submission submit(AccessContext context, SubjectDraft draft, String id) {
    // Load what is stored before this record is written, or the load would pick it up too.
    state.ready();
    Markings.requireWriter(context.caller());
    if (draft.schema() == null) {
      throw new InvalidRequest("schema", "schema must be " + Schema.LABELS);
    }
    // Every problem of the draft is found before it is refused, so its sender hears of all.
    var problems = new Problems();
    String caseReference =
        problems.value(() -> Markings.required(draft.caseReference(), "caseReference", 100));
    String contact = problems.value(() -> Markings.required(draft.contact(), "contact", 200));
    String source =
        draft.source() == null || draft.source().isBlank()
            ? caseReference
            : problems.value(() -> Markings.required(draft.source(), "source", 200));
    LocalDate statedOn = draft.statedOn() == null ? today() : draft.statedOn();
    if (statedOn.isAfter(today())) {
      problems.add("statedOn", "statedOn " + statedOn + " is in the future");
    }
    Marking marking =
        problems.value(() -> Markings.owned(context.caller(), draft.marking(), directory));
    Entity entity =
        problems.value(
            () -> entity(id, draft.schema(), draft.properties(), source == null ? "" : source));
    problems.throwIfAny();
    String label = label(entity);
    String agency = context.caller().agency();
    store.insert(
        entity,
        label,
        caseReference,
        contact,
        marking,
        statedOn,
        context.caller().username(),
        clock.instant());
    values.store(entity);

    var holder = new Holder(id, agency, caseReference, contact);
    Set<String> sharing = state.add(entity, holder);
    List<Match> found = state.index().add(entity);
    store.storeMatches(found, clock.instant());
    var pointed = new LinkedHashSet<String>(sharing);
    found.stream()
        .filter(match -> match.band() == MatchBand.LINK)
        .map(match -> other(match, id))
        .forEach(pointed::add);
    var mine = new ArrayList<StoredAlert>();
    for (String otherId : pointed) {
      Holder other = state.holder(otherId);
      if (other != null && needsPointer(holder, other)) {
        alerts.raise(context, PointerAlerts.SUBJECT, side(holder), side(other)).stream()
            .filter(alert -> alert.ownRecordId().equals(id))
            .forEach(mine::add);
      }
    }
    audit.record(context, "CREATE", KIND.name(), id, "WRITTEN", marking.banner());
    state.recorded(id);
    events.publishEvent(
        new SubjectRecorded(id, agency, context.caller().username(), context.channel()));
    AccessContext reading =
        context.purpose() != null
            ? context
            : new AccessContext(
                context.caller(),
                context.channel(),
                new Purpose("Deconfliction of " + caseReference));
    List<ExplainedMatch> shown = visible(reading, found);
    return new Submission(
        get(reading, id), readableCanonical(reading, agency, id), shown, List.copyOf(mine));
  }

  /**
   * The canonical id of {@code id} as the caller sees it: the smallest id of its entity taken over
   * the subjects the caller may read only. A hidden subject neither is the answer nor changes it,
   * not even by linking two readable ones: the answer is the one given if it did not exist.
   */
  private String readableCanonical(AccessContext context, String agency, String id) {
    Set<String> readable =
        readable(context, List.copyOf(state.index().cluster(agency, id))).keySet();
    return state.index().cluster(agency, id, readable::contains).stream()
        .min(String::compareTo)
        .orElseThrow();
  }

  public Subject get(AccessContext context, String id) {
    return reads.one(context, KIND, id, Subjects::subject);
  }

  /** The statements of a subject the caller may read, with their provenance. */
  public List<SubjectStatement> statements(AccessContext context, String id) {
    return reads.history(
        context, KIND, id, SubjectStore.STATEMENTS_SQL, Map.of("id", id), Subjects::statement);
  }

  /**
   * The statements of each subject of {@code ids} the caller may read, in one guarded read; a
   * subject the caller may not read, or that does not exist, is left out.
   */
  public Map<String, List<SubjectStatement>> statements(AccessContext context, List<String> ids) {
    var byId = new LinkedHashMap<String, List<SubjectStatement>>();
    if (ids.isEmpty()) {
      return byId;
    }
    reads
        .children(
            context,
            KIND,
            Criteria.where("r.id IN (:ids)", Map.of("ids", ids)),
            "resolution_statement",
            "entity_id",
            "ordinal",
            (rs, row) -> Map.entry(rs.getString("entity_id"), statement(rs, row)))
        .forEach(
            entry ->
                byId.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                    .add(entry.getValue()));
    return byId;
  }

  private static SubjectStatement statement(ResultSet rs, int row) throws SQLException {
    return new SubjectStatement(
        rs.getString("property"),
        rs.getString("statement_value"),
        rs.getString("source_record"),
        rs.getString("agency"),
        rs.getObject("stated_on", LocalDate.class));
  }

  /**
   * One page of the subjects the caller may read, newest first; {@code schema} (may be null) keeps
   * one kind, {@code text} (may be blank) searches labels, case references and stated values.
   */
  public Page<Subject> page(AccessContext context, Schema schema, String text, PageQuery page) {
    var conditions = new ArrayList<String>();
    var parameters = new HashMap<String, Object>();
    if (schema != null) {
      conditions.add("r.schema_name = :schema");
      parameters.put("schema", schema.label());
    }
    boolean search = text != null && !text.isBlank();
    if (search) {
      if (text.strip().length() > MAX_VALUE_LENGTH) {
        throw new InvalidRequest("q", "the search text is at most " + MAX_VALUE_LENGTH + " long");
      }
      conditions.add(
          "(LOWER(r.label) LIKE LOWER(:q) ESCAPE '\\'"
              + " OR LOWER(r.case_reference) LIKE LOWER(:q) ESCAPE '\\'"
              + " OR r.id IN (SELECT s.entity_id FROM resolution_statement s"
              + " WHERE LOWER(s.statement_value) LIKE LOWER(:q) ESCAPE '\\'))");
      // LOWER on both sides: the database folds case the same way for the column and the text.
      parameters.put("q", "%" + escapeLike(text.strip()) + "%");
    }
    String where = conditions.isEmpty() ? null : String.join(" AND ", conditions);
    Criteria criteria =
        search ? Criteria.search(where, parameters) : Criteria.where(where, parameters);
    return reads.page(
        context, KIND, criteria.orderBy("r.created_at DESC, r.id"), page, Subjects::subject);
  }

  /**
   * The judgements recorded on a subject the caller may read, newest first, limited to pairs whose
   * other subject the caller may read too. The caller's agency's own judgements are marked {@code
   * ours}; another agency's are suggestions only, shown with that agency and the time but without
   * its user or note.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public List<SubjectJudgement> judgements(AccessContext context, String id) {
    get(context, id);
    String agency = context.caller().agency();
    List<StoredJudgement> stored =
        judgements.touching(id).stream()
            .map(
                judged ->
                    new StoredJudgement(
                        judged.leftId().equals(id) ? judged.rightId() : judged.leftId(),
                        judged.judgement(),
                        judged.note(),
                        judged.judgedBy(),
                        judged.agency(),
                        judged.judgedAt()))
            .toList();
    Map<String, Subject> readable =
        readable(context, stored.stream().map(StoredJudgement::otherId).toList());
    return stored.stream()
        .filter(judged -> readable.containsKey(judged.otherId()))
        .map(
            judged -> {
              Subject other = readable.get(judged.otherId());
              boolean ours = judged.agency().equals(agency);
              return new SubjectJudgement(
                  other.id(),
                  other.label(),
                  other.marking().ownerAgency(),
                  judged.judgement(),
                  ours ? judged.note() : null,
                  ours ? judged.judgedBy() : null,
                  judged.judgedAt(),
                  judged.agency(),
                  ours);
            })
        .toList();
  }

  private record StoredJudgement(
      String otherId,
      Judgement judgement,
      String note,
      String judgedBy,
      String agency,
      java.time.Instant judgedAt) {}

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * The scored pairs of a subject the caller may read, limited to counterparts it may read too; the
   * band is the automatic one unless the caller's agency judged the pair.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public List<ExplainedMatch> matches(AccessContext context, String id) {
    get(context, id);
    List<Scored> stored = store.matchesOf(id).stream().map(Scored::of).toList();
    String agency = context.caller().agency();
    return visibleScored(context, stored.stream().map(m -> m.judgedBy(agency, state)).toList());
  }

  /**
   * Pairs awaiting review by the caller's agency whose two subjects the caller may both read, best
   * first. Only the caller's agency's own judgements take a pair off its queue.
   */
  @Transactional
  public List<ExplainedMatch> reviewQueue(AccessContext context) {
    return visible(context, state.index().reviewQueue(context.caller().agency()));
  }

  /**
   * Other agencies' latest judgements on pairs the caller may read both sides of and the caller's
   * agency has not judged, as suggestions with their origin (agency, when); they change nothing in
   * the caller's agency's view. A pair is suggested whatever band its score falls in today.
   */
  @Transactional
  public List<JudgementSuggestion> reviewSuggestions(AccessContext context) {
    String agency = context.caller().agency();
    var latest = new LinkedHashMap<String, JudgementSuggestion>();
    for (JudgementStore.Judged judged : judgements.ofOthersThan(agency)) {
      latest.put(
          pairKey(judged.leftId(), judged.rightId()) + " " + judged.agency(),
          new JudgementSuggestion(
              judged.leftId(),
              judged.rightId(),
              judged.judgement(),
              judged.agency(),
              judged.judgedAt()));
    }
    var ids = new ArrayList<String>();
    latest.values().forEach(s -> ids.addAll(List.of(s.leftId(), s.rightId())));
    // One audited look even when no other agency has judged anything.
    Set<String> readable = readable(context, ids).keySet();
    return latest.values().stream()
        .filter(s -> readable.contains(s.leftId()) && readable.contains(s.rightId()))
        .filter(s -> ownJudgement(agency, s.leftId(), s.rightId()) == null)
        .toList();
  }

  private Judgement ownJudgement(String agency, String left, String right) {
    try {
      return state.index().judgement(agency, left, right);
    } catch (InvalidRequest notIndexed) {
      return null;
    }
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
  }

  /**
   * Records the caller's agency's judgement on two subjects the caller may read; it holds for every
   * later resolution and after a restart, in that agency's view only (its review queue, clusters,
   * red flags and graph). A subject that does not exist or that the caller may not read is not
   * found, and nothing is stored.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public ExplainedMatch judge(
      AccessContext context, String left, String right, Judgement judgement, String note) {
    Markings.requireWriter(context.caller());
    if (judgement == null) {
      throw new InvalidRequest("judgement", "judgement must be SAME, NOT_SAME or UNSURE");
    }
    if (note != null && note.length() > 1000) {
      throw new InvalidRequest("note", "note is longer than 1000 characters");
    }
    Markings.required(left, "left", 36);
    Markings.required(right, "right", 36);
    get(context, left);
    get(context, right);
    String agency = context.caller().agency();
    Match match = state.index().judge(agency, left, right, judgement);
    judgements.insert(
        left,
        right,
        judgement,
        note == null || note.isBlank() ? null : note.strip(),
        context.caller().username(),
        clock.instant(),
        agency);
    state.judged(agency, left, right, judgement);
    audit.record(
        context,
        "JUDGE",
        KIND.name(),
        left,
        "WRITTEN",
        judgement + " with " + right + " for " + agency);
    return visible(context, List.of(match)).get(0);
  }

  private boolean needsPointer(Holder mine, Holder other) {
    if (mine.agency().equals(other.agency())) {
      return false;
    }
    return !releases.agencyMayRead(KIND, other.id(), mine.agency())
        && !releases.agencyMayRead(KIND, mine.id(), other.agency());
  }

  private static PointerAlerts.Side side(Holder holder) {
    return new PointerAlerts.Side(
        KIND, holder.agency(), holder.id(), holder.caseReference(), holder.contact());
  }

  /** The matches whose two sides the caller may read, labelled; one guarded read for all sides. */
  private List<ExplainedMatch> visible(AccessContext context, List<Match> matches) {
    return visibleScored(context, matches.stream().map(Scored::of).toList());
  }

  private List<ExplainedMatch> visibleScored(AccessContext context, Collection<Scored> matches) {
    var ids = new ArrayList<String>();
    matches.forEach(
        match -> {
          ids.add(match.leftId());
          ids.add(match.rightId());
        });
    Map<String, Subject> readable = readable(context, ids);
    return matches.stream()
        .filter(m -> readable.containsKey(m.leftId()) && readable.containsKey(m.rightId()))
        .map(m -> explained(m, readable::get))
        .toList();
  }

  /** The subjects among {@code ids} the caller may read, by id. */
  Map<String, Subject> readable(AccessContext context, List<String> ids) {
    List<String> distinct = ids.stream().distinct().toList();
    var readable = new HashMap<String, Subject>();
    // One guarded read per 200 ids, and one even when there is nothing to show: the look is
    // audited.
    for (int from = 0; from == 0 || from < distinct.size(); from += PageQuery.MAX_SIZE) {
      var chunk = distinct.subList(from, Math.min(distinct.size(), from + PageQuery.MAX_SIZE));
      Criteria criteria =
          chunk.isEmpty()
              ? Criteria.where("1 = 0", Map.of())
              : Criteria.where("r.id IN (:ids)", Map.of("ids", List.copyOf(chunk)));
      reads
          .page(context, KIND, criteria, new PageQuery(0, PageQuery.MAX_SIZE), Subjects::subject)
          .items()
          .forEach(subject -> readable.put(subject.id(), subject));
    }
    return readable;
  }

  private static ExplainedMatch explained(Scored match, Function<String, Subject> subjects) {
    Subject left = subjects.apply(match.leftId());
    Subject right = subjects.apply(match.rightId());
    return new ExplainedMatch(
        left.id(),
        left.label(),
        left.marking().ownerAgency(),
        right.id(),
        right.label(),
        right.marking().ownerAgency(),
        match.score(),
        match.band(),
        match.explanation());
  }

  /** The entity the draft describes; refuses unknown properties, too many or too long values. */
  static Entity entity(
      String id, Schema schema, Map<String, List<String>> properties, String source) {
    if (properties == null || properties.isEmpty()) {
      throw new InvalidRequest("properties", "a subject needs at least a name");
    }
    Entity entity = Entity.of(id, schema);
    int count = 0;
    for (var property : properties.entrySet()) {
      String name = schema.property("properties", property.getKey());
      for (String value : property.getValue() == null ? List.<String>of() : property.getValue()) {
        if (value != null && value.strip().length() > MAX_VALUE_LENGTH) {
          throw new InvalidRequest(
              "properties." + name, name + " values are at most " + MAX_VALUE_LENGTH + " long");
        }
        if (++count > MAX_VALUES) {
          throw new InvalidRequest(
              "properties", "a subject carries at most " + MAX_VALUES + " values");
        }
        entity = entity.with(name, value, source);
      }
    }
    if (label(entity).isEmpty()) {
      throw new InvalidRequest("properties." + schema.properties().get(0), needs(schema));
    }
    IdentifierCheck.check(entity, "properties.");
    return entity;
  }

  private static String needs(Schema schema) {
    return switch (schema) {
      case PERSON -> "a subject needs a name (or firstName/lastName)";
      case COMPANY -> "a subject needs a name";
      default -> "a " + schema.label() + " needs one of " + String.join(", ", schema.captions());
    };
  }

  /** The name of the entity, or for an asset its first identifying value. */
  private static String label(Entity entity) {
    List<String> names = entity.values("name");
    if (!names.isEmpty()) {
      return truncate(names.get(0), 500);
    }
    for (String property : entity.schema().captions()) {
      if (!entity.values(property).isEmpty()) {
        return truncate(entity.values(property).get(0), 500);
      }
    }
    String joined =
        (String.join(" ", entity.values("firstName"))
                + " "
                + String.join(" ", entity.values("lastName")))
            .strip();
    return truncate(joined, 500);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String other(Match match, String id) {
    return match.leftId().equals(id) ? match.rightId() : match.leftId();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static Subject subject(ResultSet rs, int row) throws SQLException {
    return new Subject(
        rs.getString("id"),
        Schema.parse("schema", rs.getString("schema_name")),
        rs.getString("label"),
        rs.getString("case_reference"),
        rs.getString("contact"),
        GuardedReads.markingOf(rs),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  /** A pair as stored or as just scored: the explanation kept as text. */
  private record Scored(
      String leftId, String rightId, double score, MatchBand band, String explanation) {

    /** The pair as {@code agency} sees it: its own SAME or NOT_SAME overrides the band. */
    Scored judgedBy(String agency, CaseworkState state) {
      Judgement judgement = state.index().judgement(agency, leftId, rightId);
      if (judgement == null || judgement == Judgement.UNSURE) {
        return this;
      }
      return new Scored(
          leftId,
          rightId,
          score,
          judgement == Judgement.SAME ? MatchBand.LINK : MatchBand.DISTINCT,
          explanation
              + " judgement="
              + judgement.name().toLowerCase(java.util.Locale.ROOT)
              + "(+0.0)");
    }

    static Scored of(SubjectStore.ScoredPair pair) {
      return new Scored(
          pair.leftId(), pair.rightId(), pair.score(), pair.band(), pair.explanation());
    }

    static Scored of(Match match) {
      return new Scored(
          match.leftId(), match.rightId(), match.score(), match.band(), match.explanation());
    }
  }

  /**
   * Pairs of readable subjects resolved to be the same entity in {@code agency}'s view: the
   * automatic link band without the pairs it judged NOT_SAME, and the pairs it judged SAME. Another
   * agency's judgements are not consulted.
   */
  public List<Map.Entry<String, String>> sameEntityPairs(String agency, Set<String> readable) {
    var pairs = new java.util.TreeMap<String, Map.Entry<String, String>>();
    for (var pair : store.linkBandPairs()) {
      pairs.put(GraphReads.key(pair.getKey(), pair.getValue()), pair);
    }
    var latest = new HashMap<String, Map.Entry<Map.Entry<String, String>, Judgement>>();
    for (JudgementStore.Judged judged : judgements.of(agency)) {
      var pair = Map.entry(judged.leftId(), judged.rightId());
      latest.put(
          GraphReads.key(pair.getKey(), pair.getValue()), Map.entry(pair, judged.judgement()));
    }
    latest.forEach(
        (key, judged) -> {
          if (judged.getValue() == Judgement.SAME) {
            pairs.put(key, judged.getKey());
          } else if (judged.getValue() == Judgement.NOT_SAME) {
            pairs.remove(key);
          }
        });
    return pairs.values().stream()
        .filter(pair -> readable.contains(pair.getKey()) && readable.contains(pair.getValue()))
        .toList();
  }

  /** A subject header with every statement of it as an entity. */
  public record SubjectEntity(Subject subject, Entity entity) {}

  /**
   * Every subject {@code member} may read, with its statements as an entity, through the guarded
   * reads (audited as one bulk read of the member's purpose).
   */
  public List<SubjectEntity> readableEntities(AccessContext member) {
    var headers = new HashMap<String, Subject>();
    reads
        .all(member, Subjects.KIND, Criteria.all(), Subjects::subject)
        .forEach(subject -> headers.put(subject.id(), subject));
    var entities = new HashMap<String, Entity>();
    reads
        .children(
            member,
            Subjects.KIND,
            Criteria.all(),
            "resolution_statement",
            "entity_id",
            "ordinal",
            (rs, row) ->
                Map.entry(
                    rs.getString("entity_id"),
                    new Statement(
                        rs.getString("property"),
                        rs.getString("statement_value"),
                        rs.getString("source_record"))))
        .forEach(
            entry -> {
              Subject header = headers.get(entry.getKey());
              if (header != null) {
                entities.merge(
                    header.id(),
                    new Entity(header.id(), header.schema(), List.of(entry.getValue())),
                    (a, b) ->
                        new Entity(a.id(), a.schema(), concat(a.statements(), b.statements())));
              }
            });
    return entities.values().stream()
        .map(entity -> new SubjectEntity(headers.get(entity.id()), entity))
        .toList();
  }

  private static List<Statement> concat(List<Statement> a, List<Statement> b) {
    var all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
