package org.presstrace.redflags;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AgencyView;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Criteria;
import org.presstrace.access.Directory;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Purpose;
import org.presstrace.access.ReadersNarrowed;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.casework.Link;
import org.presstrace.casework.LinkEnd;
import org.presstrace.casework.LinkSchema;
import org.presstrace.casework.Links;
import org.presstrace.casework.Subject;
import org.presstrace.casework.Subjects;
import org.presstrace.redflags.internal.RedFlagFacts;
import org.presstrace.redflags.internal.RedFlagFinding;
import org.presstrace.redflags.internal.RedFlagRules;
import org.presstrace.redflags.internal.RedFlagSettings;
import org.presstrace.redflags.internal.RedFlagStore;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Statement;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.Fields;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Red flags from the FinCEN advisories, evaluated for one agency over what an ordinary member of
 * that agency (in no compartment) may read, through {@link GuardedReads}: a rule never counts, and
 * a flag never cites, a record the agency cannot read. Flags are protected records owned by the
 * agency (TLP:RED), re-evaluated on demand and when a subject is recorded, and reviewed with an
 * acknowledge or dismiss decision and a note.
 */
@Service
public class RedFlags {

  /** Red flags: read by the members of the owning agency only, with a stated purpose. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "red-flag",
          "red_flag",
          "r.id, r.rule_code, r.focus, r.explanation, r.status, r.raised_at, r.evaluated_at,"
              + " r.decided_by, r.decided_at, r.note, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  /** The username under which evaluations after a recorded record read and are audited. */
  static final String EVALUATOR = "red-flag-rules";

  static final String EVALUATION_PURPOSE = "Red-flag evaluation (FinCEN advisories)";

  private final GuardedReads reads;
  private final Directory directory;
  private final Releases releases;
  private final RedFlagStore store;
  private final Links links;
  private final Subjects subjects;
  private final RedFlagRules rules;
  private final AuditTrail audit;

  /** The kinds of record a flag may cite or weigh, by name: casework's subjects and links. */
  private static final Map<String, ProtectedKind> CITED =
      Map.of(Subjects.KIND.name(), Subjects.KIND, Links.KIND.name(), Links.KIND);

  /** Agencies with records committed since their last evaluation, with what was recorded. */
  private final Map<String, String> deferred = new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.concurrent.atomic.AtomicBoolean deferredSinceStart =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final Clock clock;

  RedFlags(
      GuardedReads reads,
      Directory directory,
      Releases releases,
      RedFlagStore store,
      Links links,
      Subjects subjects,
      RedFlagSettings settings,
      AuditTrail audit,
      Clock clock) {
    this.reads = reads;
    this.directory = directory;
    this.releases = releases;
    this.store = store;
    this.links = links;
    this.subjects = subjects;
    this.rules = new RedFlagRules(settings);
    this.audit = audit;
    this.clock = clock;
  }

  /** Evaluates every rule for the caller's agency now; returns the run and the open flags. */
  @Transactional
  public RedFlagRun run(AccessContext context) {
    requireReviewer(context.caller());
    RedFlagRun run =
        evaluate(context.caller().agency(), context.caller().username(), context.channel());
    audit.record(
        context,
        "RUN",
        KIND.name(),
        null,
        "WRITTEN",
        run.fired() + " fired, " + run.raised() + " raised, " + run.cleared() + " cleared");
    AccessContext reading = withPurpose(context);
    List<RedFlag> open =
        page(reading, RedFlagStatus.OPEN, null, new PageQuery(0, PageQuery.MAX_SIZE)).items();
    return new RedFlagRun(
        run.agency(),
        run.at(),
        run.parties(),
        run.payments(),
        run.fired(),
        run.raised(),
        run.cleared(),
        run.millis(),
        open);
  }

  /**
   * Evaluates every rule for {@code agency} over what an ordinary member of it may read, stores the
   * flags and logs the run. {@code trigger} names who or what asked for it.
   */
  @Transactional
  public RedFlagRun evaluate(String agency, String trigger, Channel channel) {
    long started = System.nanoTime();
    deferred.remove(agency);
    AgencyView view = directory.agency(agency).orElseThrow(() -> new NotFound("agency", agency));
    if (view.kind() == AgencyKind.REGISTRANT) {
      throw new InvalidRequest("agency", "red flags are evaluated for government agencies only");
    }
    AccessContext member =
        new AccessContext(
            new Caller(
                EVALUATOR,
                view.code(),
                view.kind(),
                view.country(),
                Set.of(Role.INVESTIGATOR),
                Set.of()),
            channel,
            new Purpose(EVALUATION_PURPOSE));
    sweep(agency);
    RedFlagFacts facts = facts(member);
    List<RedFlagFinding> findings = rules.evaluate(facts);
    Instant now = clock.instant();
    RedFlagStore.Outcome outcome = store.store(agency, findings, now);
    var run =
        new RedFlagRun(
            agency,
            now,
            facts.parties().size(),
            facts.payments().size(),
            findings.size(),
            outcome.raised(),
            outcome.cleared(),
            (System.nanoTime() - started) / 1_000_000,
            List.of());
    store.logRun(agency, trigger, run);
    return run;
  }

  /**
   * Notes that {@code agency} may read a record committed since its last evaluation: it is
   * re-evaluated before its flags are next shown (or sooner, by a run).
   */
  void defer(String agency, String trigger) {
    deferred.put(agency, trigger);
  }

  /** Re-evaluates {@code agency} first if records it may read were committed since its last run. */
  private void settle(String agency, Channel channel) {
    if (deferredSinceStart.compareAndSet(false, true)) {
      // what was deferred before a restart is not known: evaluate each agency once more
      store
          .agenciesWithRuns()
          .forEach(code -> deferred.putIfAbsent(code, "first review since PressTrace started"));
    }
    String trigger = deferred.get(agency);
    if (trigger != null) {
      try {
        evaluate(agency, trigger, channel);
      } catch (RuntimeException e) {
        deferred.putIfAbsent(agency, trigger); // still owed: try again at the next review
        throw e;
      }
    }
  }

  /**
   * The agencies to re-evaluate when record {@code recordId} of {@code kind} and {@code owner} has
   * been recorded: the owner, and every agency with a run on record that may read it.
   */
  @Transactional(readOnly = true)
  public List<String> agenciesReading(ProtectedKind kind, String recordId, String owner) {
    var agencies = new ArrayList<String>();
    agencies.add(owner);
    for (String agency : store.agenciesWithRuns()) {
      if (!agency.equals(owner) && agencyMayRead(kind, recordId, agency)) {
        agencies.add(agency);
      }
    }
    return agencies.stream()
        .filter(
            code ->
                directory
                    .agency(code)
                    .map(view -> view.kind() != AgencyKind.REGISTRANT)
                    .orElse(false))
        .toList();
  }

  /** The caller's agency's flags, newest evaluation first, optionally of one status or rule. */
  @Transactional
  public Page<RedFlag> page(
      AccessContext context, RedFlagStatus status, RedFlagRule rule, PageQuery page) {
    requireReviewer(context.caller());
    settle(context.caller().agency(), context.channel());
    sweep(context.caller().agency());
    var where = new ArrayList<String>();
    var parameters = new HashMap<String, Object>();
    where.add("r.owner_agency = :agency");
    parameters.put("agency", context.caller().agency());
    if (status != null) {
      where.add("r.status = :status");
      parameters.put("status", status.name());
    }
    if (rule != null) {
      where.add("r.rule_code = :rule");
      parameters.put("rule", rule.name());
    }
    Criteria criteria =
        Criteria.where(String.join(" AND ", where), parameters)
            .orderBy("r.evaluated_at DESC, r.rule_code, r.id");
    Page<RedFlag> flags = reads.page(context, KIND, criteria, page, RedFlags::flag);
    Map<String, List<RedFlagCitation>> cited = citations(context, flags.items());
    return flags.map(
        flag -> flag.withCitations(shown(flag, cited.getOrDefault(flag.id(), List.of()))));
  }

  /**
   * The open and acknowledged red flags the caller may read whose focus or cited subjects match one
   * of {@code names} (case, punctuation and spacing aside; or one name contained in the other), for
   * screening parties (a pre-export notice's exporter, importer, consignee). Only flags the access
   * policy lets the caller read are considered, through the guarded, audited read; a purpose is
   * required as for every red-flag read.
   */
  @Transactional
  public List<PartyFlag> openFlagsNaming(
      AccessContext context, java.util.Collection<String> names) {
    requireReviewer(context.caller());
    var wanted = new java.util.LinkedHashMap<String, String>();
    for (String name : names) {
      String normal = normalName(name);
      if (normal.length() >= 3) {
        wanted.putIfAbsent(name.strip(), normal);
      }
    }
    if (wanted.isEmpty()) {
      return List.of();
    }
    List<RedFlag> open =
        reads.all(
            context,
            KIND,
            Criteria.where("r.status IN ('OPEN', 'ACKNOWLEDGED')", Map.of())
                .orderBy("r.evaluated_at DESC, r.rule_code, r.id"),
            RedFlags::flag);
    var hits = new ArrayList<PartyFlag>();
    for (RedFlag flag : open) {
      List<RedFlagCitation> cited =
          reads.history(
              context,
              KIND,
              flag.id(),
              RedFlagStore.CITATIONS_SQL,
              Map.of("id", flag.id()),
              RedFlagStore::citation);
      var labels = new ArrayList<String>();
      labels.add(normalName(flag.focus()));
      cited.stream()
          .filter(c -> c.kind().equals(Subjects.KIND.name()))
          .forEach(c -> labels.add(normalName(c.label())));
      wanted.forEach(
          (party, normal) -> {
            if (labels.stream().anyMatch(label -> sameName(label, normal))) {
              hits.add(new PartyFlag(party, flag.withCitations(cited)));
            }
          });
    }
    return hits;
  }

  static String normalName(String name) {
    if (name == null) {
      return "";
    }
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC)
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }

  private static boolean sameName(String label, String name) {
    if (label.isEmpty() || name.isEmpty()) {
      return false;
    }
    if (label.equals(name)) {
      return true;
    }
    String shorter = label.length() < name.length() ? label : name;
    String longer = shorter == label ? name : label;
    return shorter.length() >= 6 && (" " + longer + " ").contains(" " + shorter + " ");
  }

  /** One flag of the caller's agency with its citations; another agency's is not found. */
  @Transactional(noRollbackFor = NotFound.class)
  public RedFlag get(AccessContext context, String id) {
    requireReviewer(context.caller());
    Fields.required(id, "id", 36);
    settle(context.caller().agency(), context.channel());
    sweep(context.caller().agency());
    RedFlag flag = reads.one(context, KIND, id, RedFlags::flag);
    return flag.withCitations(
        shown(
            flag,
            reads.history(
                context,
                KIND,
                id,
                RedFlagStore.CITATIONS_SQL,
                Map.of("id", id),
                RedFlagStore::citation)));
  }

  /** Marks an open flag as being worked on, with an optional note. */
  @Transactional(noRollbackFor = NotFound.class)
  public RedFlag acknowledge(AccessContext context, String id, String note) {
    return decide(
        context, id, Set.of(RedFlagStatus.OPEN), RedFlagStatus.ACKNOWLEDGED, note(note, false));
  }

  /** Dismisses an open or acknowledged flag; the note saying why is required. */
  @Transactional(noRollbackFor = NotFound.class)
  public RedFlag dismiss(AccessContext context, String id, String note) {
    return decide(
        context,
        id,
        Set.of(RedFlagStatus.OPEN, RedFlagStatus.ACKNOWLEDGED),
        RedFlagStatus.DISMISSED,
        note(note, true));
  }

  private RedFlag decide(
      AccessContext context, String id, Set<RedFlagStatus> from, RedFlagStatus to, String note) {
    AccessContext reading = withPurpose(context);
    RedFlag flag = get(reading, id);
    if (!from.contains(flag.status())) {
      throw new ConflictingState(
          "red flag "
              + id
              + " is "
              + flag.status()
              + "; only "
              + names(from)
              + " flags can be "
              + to.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!store.decide(id, from, to, context.caller().username(), note, clock.instant())) {
      throw new ConflictingState("red flag " + id + " changed meanwhile; read it again");
    }
    audit.record(
        context,
        to == RedFlagStatus.DISMISSED ? "DISMISS" : "ACKNOWLEDGE",
        KIND.name(),
        id,
        "WRITTEN",
        note);
    return get(reading, id);
  }

  /** A cleared flag shows no citations: they are kept only to find it when one is lost. */
  private static List<RedFlagCitation> shown(RedFlag flag, List<RedFlagCitation> citations) {
    return flag.status() == RedFlagStatus.CLEARED ? List.of() : citations;
  }

  /**
   * Withdraws the agency's flags (cleared ones included) citing a record an ordinary member of the
   * agency may no longer read, before any flag is shown or evaluated: the net under {@link
   * #narrowed}, for readers lost without a {@link ReadersNarrowed} (a grant that expired).
   */
  private void sweep(String agency) {
    Instant now = clock.instant();
    for (Map.Entry<String, String> cited : store.citedRecords(agency)) {
      if (!agencyMayRead(cited.getKey(), cited.getValue(), agency)) {
        store.withdrawCiting(agency, cited.getKey(), cited.getValue(), now);
      }
    }
  }

  /**
   * Fewer agencies may read a record: in the transaction that narrowed its readers, withdraws the
   * flags citing it of every agency that can no longer read it, and has every agency with runs that
   * can no longer read a subject or link evaluated again before its flags are next shown (a record
   * may weigh on a flag without being cited, as a relationship that makes two parties related).
   */
  @Transactional
  public void narrowed(ReadersNarrowed narrowed) {
    Instant now = clock.instant();
    String kind = narrowed.kind();
    String id = narrowed.recordId();
    var agencies = new java.util.TreeSet<>(store.agenciesCiting(kind, id));
    boolean read = kind.equals(Subjects.KIND.name()) || kind.equals(Links.KIND.name());
    if (read) {
      agencies.addAll(store.agenciesWithRuns());
    }
    for (String agency : agencies) {
      if (agencyMayRead(kind, id, agency)) {
        continue;
      }
      store.withdrawCiting(agency, kind, id, now);
      if (read) {
        defer(agency, "readers of " + kind + " " + id + " narrowed: " + narrowed.why());
      }
    }
  }

  /** Whether {@code agency} may read a record of a kind flags cite; no other kind is readable. */
  private boolean agencyMayRead(String kind, String recordId, String agency) {
    ProtectedKind cited = CITED.get(kind);
    return cited != null && agencyMayRead(cited, recordId, agency);
  }

  private boolean agencyMayRead(ProtectedKind kind, String recordId, String agency) {
    try {
      return releases.agencyMayRead(kind, recordId, agency);
    } catch (NotFound gone) {
      return false;
    }
  }

  /** The citations of {@code flags} in one guarded read over the flags the caller may read. */
  private Map<String, List<RedFlagCitation>> citations(AccessContext context, List<RedFlag> flags) {
    var cited = new HashMap<String, List<RedFlagCitation>>();
    if (flags.isEmpty()) {
      return cited;
    }
    List<String> ids = flags.stream().map(RedFlag::id).toList();
    reads
        .children(
            context,
            KIND,
            Criteria.where("r.id IN (:ids)", Map.of("ids", ids)),
            "red_flag_citation",
            "red_flag_id",
            "ordinal",
            (rs, row) -> Map.entry(rs.getString("red_flag_id"), RedFlagStore.citation(rs, row)))
        .forEach(
            entry ->
                cited
                    .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                    .add(entry.getValue()));
    return cited;
  }

  /** Every subject the member may read, with its statements, and the related pairs among them. */
  private RedFlagFacts facts(AccessContext member) {
    var headers = new HashMap<String, Subject>();
    var entities = new HashMap<String, Entity>();
    for (var readable : subjects.readableEntities(member)) {
      headers.put(readable.subject().id(), readable.subject());
      entities.put(readable.subject().id(), readable.entity());
    }
    var parties = new ArrayList<RedFlagFacts.Party>();
    entities
        .values()
        .forEach(e -> parties.add(RedFlagFacts.Party.of(e, headers.get(e.id()).label())));
    var payments = new ArrayList<RedFlagFacts.Payment>();
    var related =
        new ArrayList<>(subjects.sameEntityPairs(member.caller().agency(), entities.keySet()));
    for (Link link : links.everyVisible(member)) {
      if (!link.object().kind().equals(LinkEnd.SUBJECT)) {
        continue;
      }
      String from = link.subject().id();
      String to = link.object().id();
      if (link.schema() == LinkSchema.PAYMENT) {
        payments.add(
            new RedFlagFacts.Payment(
                Links.KIND.name(),
                link.id(),
                from,
                to,
                link.amount(),
                link.currency(),
                link.date(),
                link.purpose()));
      } else if (RELATING.contains(link.schema())) {
        related.add(Map.entry(from, to));
      }
    }
    return new RedFlagFacts(parties, payments, related);
  }

  /** Links that make two parties related rather than strangers sharing a contact or an address. */
  static final Set<LinkSchema> RELATING =
      Set.of(
          LinkSchema.OWNERSHIP, LinkSchema.DIRECTORSHIP, LinkSchema.ASSOCIATE, LinkSchema.FAMILY);

  private static List<Statement> concat(List<Statement> a, List<Statement> b) {
    var all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static AccessContext withPurpose(AccessContext context) {
    return context.purpose() != null
        ? context
        : new AccessContext(context.caller(), context.channel(), new Purpose("Red-flag review"));
  }

  static void requireReviewer(Caller caller) {
    if (!caller.has(Role.INVESTIGATOR)
        && !caller.has(Role.ANALYST)
        && !caller.has(Role.SUPERVISOR)) {
      throw new AccessDeniedException(
          "only investigators, analysts and supervisors review red flags");
    }
  }

  private static String note(String note, boolean required) {
    if (note == null || note.isBlank()) {
      if (required) {
        throw new InvalidRequest("note", "a note saying why the flag is dismissed is required");
      }
      return null;
    }
    if (note.strip().length() > 1000) {
      throw new InvalidRequest("note", "note is longer than 1000 characters");
    }
    return note.strip();
  }

  private static String names(Set<RedFlagStatus> statuses) {
    return String.join(" or ", statuses.stream().map(Enum::name).sorted().toList());
  }

  static RedFlag flag(ResultSet rs, int row) throws SQLException {
    OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
    return new RedFlag(
        rs.getString("id"),
        RedFlagRule.valueOf(rs.getString("rule_code")),
        rs.getString("focus"),
        rs.getString("explanation"),
        List.of(),
        RedFlagStatus.valueOf(rs.getString("status")),
        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getObject("evaluated_at", OffsetDateTime.class).toInstant(),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(),
        rs.getString("note"),
        rs.getString("owner_agency"));
  }
}
