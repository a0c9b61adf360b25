package org.presstrace.casework;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Criteria;
import org.presstrace.access.Directory;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Purpose;
import org.presstrace.casework.internal.LinkStore;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between case subjects, and from a subject to a registrant, a machine or a seizure:
 * payments, ownership, directorships, associates, family and links of unknown nature. A link is a
 * protected record with its own marking and provenance. It is shown, listed and counted only when
 * the caller may read the link and both of its ends, so a link never reveals a record the caller
 * could not read on its own. Every read goes through {@link GuardedReads}.
 */
@Service
public class Links {

  /** The protected kind of links; reading one needs a stated purpose, as for subjects. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "link",
          "resolution_link",
          "r.id, r.schema_name, r.subject_id, r.object_kind, r.object_id, r.amount, r.currency,"
              + " r.link_date, r.purpose, r.relationship, r.link_role, r.source_record,"
              + " r.stated_on, r.created_by, r.created_at, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  /** Payments above this are refused as typing errors (a trillion in any currency). */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  /** ISO 4217 codes that name no money: testing, no currency, precious metals. */
  private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XAU", "XAG", "XPT", "XPD");

  /**
   * The protected records a link may end at besides subjects and registrants, by the {@link
   * LinkEnd} kind that names them: the registry's machines and seizure reports.
   */
  private static final Map<String, ProtectedKind> RECORD_KINDS =
      Map.of(Trace.MACHINE_KIND.name(), Trace.MACHINE_KIND, Seizures.KIND.name(), Seizures.KIND);

  private final LinkStore store;
  private final GuardedReads reads;
  private final Directory directory;
  private final Registry registry;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Links(
      LinkStore store,
      GuardedReads reads,
      Directory directory,
      Registry registry,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.reads = reads;
    this.directory = directory;
    this.registry = registry;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** Checks and stores a link of the caller's agency between two ends the caller may read. */
  @Transactional(noRollbackFor = NotFound.class)
  public Link record(AccessContext context, LinkDraft draft) {
    Markings.requireWriter(context.caller());
    AccessContext reading = reading(context, draft);
    String id = insert(context, check(reading, draft));
    return get(reading, id);
  }

  /**
   * Checks every draft and stores them all, or none when one is refused: the report lists each
   * refused row with its field. With {@code dryRun} nothing is stored either way.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public LinkBatch recordAll(AccessContext context, List<LinkDraft> drafts, boolean dryRun) {
    return batch(context, drafts, List.of(), dryRun);
  }

  /**
   * Imports a CSV file of links ({@link LinkCsv}) as {@link #recordAll} does: all rows or none,
   * every refused row reported with its column.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public LinkBatch importCsv(AccessContext context, java.io.Reader csv, boolean dryRun)
      throws java.io.IOException {
    LinkCsv.Parsed parsed = LinkCsv.read(csv, context.caller().agency());
    return batch(context, parsed.drafts(), parsed.problems(), dryRun);
  }

  /** Checks each draft (a null one could not be read: its problem is among {@code earlier}). */
  private LinkBatch batch(
      AccessContext context,
      List<LinkDraft> drafts,
      List<LinkBatch.Problem> earlier,
      boolean dryRun) {
    Markings.requireWriter(context.caller());
    var checked = new ArrayList<Checked>();
    var problems = new ArrayList<LinkBatch.Problem>(earlier);
    for (int i = 0; i < drafts.size(); i++) {
      LinkDraft draft = drafts.get(i);
      if (draft == null) {
        continue;
      }
      try {
        checked.add(check(reading(context, draft), draft));
      } catch (InvalidRequest refused) {
        problems.add(new LinkBatch.Problem(i + 1, refused.field(), refused.getMessage()));
      }
    }
    problems.sort(java.util.Comparator.comparingInt(LinkBatch.Problem::row));
    if (!problems.isEmpty() || dryRun) {
      return new LinkBatch(drafts.size(), 0, List.copyOf(problems), List.of());
    }
    var ids = new ArrayList<String>();
    checked.forEach(link -> ids.add(insert(context, link)));
    return new LinkBatch(drafts.size(), ids.size(), List.of(), List.copyOf(ids));
  }

  /** The link, if the caller may read it and both of its ends; otherwise {@link NotFound}. */
  @Transactional(noRollbackFor = NotFound.class)
  public Link get(AccessContext context, String id) {
    Link link = reads.one(context, KIND, id, endsReadable(context), Links::link);
    return labelled(context, List.of(link)).get(0);
  }

  /**
   * The links of a subject the caller may read whose other end it may read too, newest first; of
   * one schema when given.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public Page<Link> forSubject(
      AccessContext context, String subjectId, LinkSchema schema, PageQuery page) {
    reads.one(context, Subjects.KIND, subjectId, Subjects::subject);
    Criteria touching =
        Criteria.where(
            "r.subject_id = :end OR (r.object_kind = 'subject' AND r.object_id = :end)",
            Map.of("end", subjectId));
    return list(context, touching.and(ofSchema(schema)), page);
  }

  /**
   * The links touching any of {@code subjectIds} that the caller may read with both ends, for link
   * analysis: at most {@code max}, newest first.
   */
  @Transactional
  public List<Link> touching(
      AccessContext context, java.util.Collection<String> subjectIds, int max) {
    if (subjectIds.isEmpty()) {
      return List.of();
    }
    Criteria touching =
        Criteria.where(
            "r.subject_id IN (:ends) OR (r.object_kind = 'subject' AND r.object_id IN (:ends))",
            Map.of("ends", List.copyOf(subjectIds)));
    var found = new ArrayList<Link>();
    for (int page = 0; found.size() < max; page++) {
      Page<Link> links = list(context, touching, new PageQuery(page, PageQuery.MAX_SIZE));
      found.addAll(links.items());
      if ((long) (page + 1) * PageQuery.MAX_SIZE >= links.totalItems()) {
        break;
      }
    }
    return found.size() <= max ? found : found.subList(0, max);
  }

  /** Every link the caller may read with both ends, newest first; of one schema when given. */
  @Transactional
  public Page<Link> visible(AccessContext context, LinkSchema schema, PageQuery page) {
    return list(context, ofSchema(schema), page);
  }

  /**
   * Every link the caller may read with both ends, newest first, in one guarded read: for an
   * evaluation over all of them, where paging would count and sort the links once per page.
   */
  @Transactional
  public List<Link> everyVisible(AccessContext context) {
    return labelled(
        context,
        reads.all(context, KIND, endsReadable(context).orderBy("r.created_at DESC"), Links::link));
  }

  private static Criteria ofSchema(LinkSchema schema) {
    return schema == null
        ? Criteria.all()
        : Criteria.where("r.schema_name = :schema", Map.of("schema", schema.label()));
  }

  private Page<Link> list(AccessContext context, Criteria criteria, PageQuery page) {
    Page<Link> links =
        reads.page(
            context,
            KIND,
            criteria.and(endsReadable(context)).orderBy("r.created_at DESC"),
            page,
            Links::link);
    return new Page<>(
        labelled(context, links.items()), page.page(), page.size(), links.totalItems());
  }

  /**
   * Rows whose two ends the caller may read: the subject always, the second end by its kind (a
   * registrant's registration is open to every signed-in user).
   */
  private Criteria endsReadable(AccessContext context) {
    Criteria object =
        Criteria.where("r.object_kind = 'registrant'", Map.of())
            .or(kindIs("subject").and(reads.readable(context, Subjects.KIND, "r.object_id")));
    for (var kind : RECORD_KINDS.entrySet()) {
      object =
          object.or(
              kindIs(kind.getKey()).and(reads.readable(context, kind.getValue(), "r.object_id")));
    }
    return reads.readable(context, Subjects.KIND, "r.subject_id").and(object);
  }

  private static Criteria kindIs(String kind) {
    return Criteria.where("r.object_kind = '" + kind + "'", Map.of());
  }

  /** The links with their subject ends labelled, in one guarded read of those subjects. */
  private List<Link> labelled(AccessContext context, List<Link> links) {
    var ids = new ArrayList<String>();
    for (Link link : links) {
      ids.add(link.subject().id());
      if (link.object().kind().equals(LinkEnd.SUBJECT)) {
        ids.add(link.object().id());
      }
    }
    List<String> distinct = ids.stream().distinct().toList();
    var subjects = new HashMap<String, Subject>();
    for (int from = 0; from < distinct.size(); from += PageQuery.MAX_SIZE) {
      var chunk = distinct.subList(from, Math.min(distinct.size(), from + PageQuery.MAX_SIZE));
      reads
          .page(
              context,
              Subjects.KIND,
              Criteria.where("r.id IN (:ids)", Map.of("ids", List.copyOf(chunk))),
              new PageQuery(0, PageQuery.MAX_SIZE),
              Subjects::subject)
          .items()
          .forEach(subject -> subjects.put(subject.id(), subject));
    }
    return links.stream()
        .map(link -> link.withEnds(end(link.subject(), subjects), end(link.object(), subjects)))
        .toList();
  }

  private static LinkEnd end(LinkEnd end, Map<String, Subject> subjects) {
    Subject subject = subjects.get(end.id());
    if (!end.kind().equals(LinkEnd.SUBJECT) || subject == null) {
      return end;
    }
    return new LinkEnd(end.role(), end.kind(), end.id(), subject.schema().label(), subject.label());
  }

  /** A link that passed every check, ready to store. */
  private record Checked(
      String id,
      LinkDraft draft,
      LinkEnd subject,
      LinkEnd object,
      String source,
      LocalDate statedOn,
      Marking marking,
      String currency) {}

  private Checked check(AccessContext context, LinkDraft draft) {
    return check(context, draft, Map.of());
  }

  /**
   * Checks a draft as {@link #record} would, where a subject end may also be one about to be
   * stored: {@code pending} gives each such subject's schema by id. Throws what {@link #record}
   * would.
   */
  void checkBeforeSubjects(AccessContext context, LinkDraft draft, Map<String, String> pending) {
    check(reading(context, draft), draft, pending);
  }

  /**
   * The join ({@link Marking#join}) of {@code own} and the markings of a link's two ends: a pending
   * subject's from {@code pending}, a stored one's as the caller reads it; a registrant is an open
   * record and adds nothing. An end the caller may not read is refused as {@link #record} refuses
   * it, under {@code field}.
   */
  Marking joinWithEnds(
      AccessContext context,
      Marking own,
      List<LinkEnd> ends,
      Map<String, Marking> pending,
      List<String> fields) {
    var markings = new ArrayList<Marking>();
    markings.add(own);
    for (int i = 0; i < ends.size(); i++) {
      LinkEnd end = ends.get(i);
      if (end.kind().equals(LinkEnd.SUBJECT) && pending.containsKey(end.id())) {
        markings.add(pending.get(end.id()));
        continue;
      }
      try {
        switch (end.kind()) {
          case LinkEnd.SUBJECT ->
              markings.add(
                  reads.one(context, Subjects.KIND, end.id(), Subjects::subject).marking());
          case "registrant" -> registry.registrant(end.id());
          default ->
              markings.add(
                  reads.marking(
                      context,
                      Optional.ofNullable(RECORD_KINDS.get(end.kind()))
                          .orElseThrow(() -> new NotFound(end.kind(), end.id())),
                      end.id()));
        }
      } catch (NotFound hidden) {
        throw new InvalidRequest(
            fields.get(i), "no " + end.kind() + " '" + end.id() + "' that you may read");
      }
    }
    return Marking.join(markings);
  }

  private Checked check(AccessContext context, LinkDraft draft, Map<String, String> pending) {
    LinkSchema schema = draft.schema();
    if (schema == null) {
      throw new InvalidRequest("schema", "schema must be one of " + LinkSchema.LABELS);
    }
    String source = Markings.required(draft.source(), "source", 200);
    LocalDate statedOn = draft.statedOn() == null ? today() : draft.statedOn();
    if (statedOn.isAfter(today())) {
      throw new InvalidRequest("statedOn", "statedOn " + statedOn + " is in the future");
    }
    Marking marking = Markings.owned(context.caller(), draft.marking(), directory);
    String subjectField = "ends." + schema.subjectRole();
    LinkEnd subject = LinkEnd.parse(schema.subjectRole(), subjectField, draft.subject());
    if (!subject.kind().equals(LinkEnd.SUBJECT)) {
      throw new InvalidRequest(
          subjectField,
          "the " + schema.subjectRole() + " must be a case subject, not a " + subject.kind());
    }
    String objectField = "ends." + schema.objectRole();
    LinkEnd object = LinkEnd.parse(schema.objectRole(), objectField, draft.object());
    if (object.kind().equals(LinkEnd.SUBJECT) && object.id().equals(subject.id())) {
      throw new InvalidRequest(objectField, "a link joins two different ends");
    }
    if (!object.kind().equals(LinkEnd.SUBJECT)) {
      // a record end's kind is known without reading it: refuse a wrong one first
      requireType(schema, schema.objectRole(), object.kind(), objectField);
    }
    requireType(
        schema,
        schema.subjectRole(),
        typeOf(context, subject, subjectField, pending),
        subjectField);
    requireType(
        schema, schema.objectRole(), typeOf(context, object, objectField, pending), objectField);
    details(schema, draft);
    return new Checked(
        UUID.randomUUID().toString(),
        draft,
        subject,
        object,
        source,
        statedOn,
        marking,
        draft.currency() == null
            ? null
            : draft.currency().strip().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The schema of a subject end, or the kind of a record end; refuses what the caller cannot read.
   */
  private String typeOf(
      AccessContext context, LinkEnd end, String field, Map<String, String> pending) {
    if (end.kind().equals(LinkEnd.SUBJECT) && pending.containsKey(end.id())) {
      return pending.get(end.id());
    }
    try {
      return switch (end.kind()) {
        case LinkEnd.SUBJECT ->
            reads.one(context, Subjects.KIND, end.id(), Subjects::subject).schema().label();
        case "registrant" -> {
          registry.registrant(end.id());
          yield "registrant";
        }
        default -> {
          ProtectedKind kind =
              Optional.ofNullable(RECORD_KINDS.get(end.kind()))
                  .orElseThrow(() -> new NotFound(end.kind(), end.id()));
          reads.marking(context, kind, end.id());
          yield end.kind();
        }
      };
    } catch (NotFound hidden) {
      // unknown and unreadable ends get the same answer, so the answer reveals nothing
      throw new InvalidRequest(field, "no " + end.kind() + " '" + end.id() + "' that you may read");
    }
  }

  private static void requireType(LinkSchema schema, String role, String type, String field) {
    boolean first = role.equals(schema.subjectRole());
    if (first ? !schema.subjectMayBe(type) : !schema.objectMayBe(type)) {
      throw new InvalidRequest(
          field,
          "a "
              + schema.label()
              + "'s "
              + role
              + " must be a "
              + schema.allowed(role)
              + ", not a "
              + type);
    }
  }

  private void details(LinkSchema schema, LinkDraft draft) {
    refuseUnless(schema, "amount", draft.amount() != null);
    refuseUnless(schema, "currency", draft.currency() != null);
    refuseUnless(schema, "purpose", draft.purpose() != null);
    refuseUnless(schema, "relationship", draft.relationship() != null);
    refuseUnless(schema, "role", draft.role() != null);
    if (schema == LinkSchema.PAYMENT) {
      amount(draft.amount());
      currency(draft.currency());
      if (draft.date() == null) {
        throw new InvalidRequest("date", "a Payment needs the date it was made");
      }
    }
    if (draft.date() != null && draft.date().isAfter(today())) {
      throw new InvalidRequest("date", "date " + draft.date() + " is in the future");
    }
    optional(draft.purpose(), "purpose", 500);
    optional(draft.relationship(), "relationship", 200);
    optional(draft.role(), "role", 200);
  }

  private static void refuseUnless(LinkSchema schema, String detail, boolean given) {
    if (given && !schema.carries(detail)) {
      throw new InvalidRequest(detail, "a " + schema.label() + " has no " + detail);
    }
  }

  private static void amount(BigDecimal amount) {
    if (amount == null) {
      throw new InvalidRequest("amount", "a Payment needs an amount");
    }
    if (amount.signum() <= 0) {
      throw new InvalidRequest(
          "amount", "amount must be more than zero, not " + Decimals.shown(amount));
    }
    Decimals.inRange(amount, "amount", BigDecimal.ZERO, MAX_AMOUNT, 4);
  }

  /** An ISO 4217 currency of money (not XXX, XTS or a metal). */
  static String currency(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequest("currency", "a Payment needs its ISO 4217 currency (USD, CNY ...)");
    }
    String code = text.strip().toUpperCase(java.util.Locale.ROOT);
    boolean known =
        code.matches("[A-Z]{3}")
            && Currency.getAvailableCurrencies().stream()
                .anyMatch(currency -> currency.getCurrencyCode().equals(code));
    if (!known || NOT_MONEY.contains(code)) {
      throw new InvalidRequest("currency", "'" + text + "' is not an ISO 4217 currency code");
    }
    return code;
  }

  private static void optional(String text, String field, int max) {
    if (text != null && text.strip().length() > max) {
      throw new InvalidRequest(field, field + " is longer than " + max + " characters");
    }
  }

  private String insert(AccessContext context, Checked link) {
    LinkDraft draft = link.draft();
    store.insert(
        new LinkStore.NewLink(
            link.id(),
            draft.schema().label(),
            link.subject().id(),
            link.object().kind(),
            link.object().id(),
            draft.amount(),
            link.currency(),
            draft.date(),
            blankToNull(draft.purpose()),
            blankToNull(draft.relationship()),
            blankToNull(draft.role()),
            link.source(),
            link.statedOn(),
            link.marking(),
            context.caller().username(),
            clock.instant()));
    audit.record(
        context,
        "CREATE",
        KIND.name(),
        link.id(),
        "WRITTEN",
        draft.schema().label() + ", " + link.marking().banner());
    events.publishEvent(
        new LinkRecorded(
            link.id(),
            link.marking().ownerAgency(),
            context.caller().username(),
            context.channel(),
            clock.instant()));
    return link.id();
  }

  /** Reading the ends is part of recording a link; without a stated purpose, the source is one. */
  private static AccessContext reading(AccessContext context, LinkDraft draft) {
    if (context.purpose() != null) {
      return context;
    }
    String source = draft.source() == null ? "" : draft.source().strip();
    return new AccessContext(
        context.caller(), context.channel(), new Purpose("Recording a link from " + source));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static BigDecimal plain(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static Link link(ResultSet rs, int row) throws SQLException {
    LinkSchema schema = LinkSchema.parse("schema", rs.getString("schema_name"));
    String objectKind = rs.getString("object_kind");
    return new Link(
        rs.getString("id"),
        schema,
        new LinkEnd(schema.subjectRole(), LinkEnd.SUBJECT, rs.getString("subject_id"), null, null),
        new LinkEnd(
            schema.objectRole(),
            objectKind,
            rs.getString("object_id"),
            objectKind.equals(LinkEnd.SUBJECT) ? null : objectKind,
            null),
        plain(rs.getBigDecimal("amount")),
        rs.getString("currency"),
        rs.getObject("link_date", LocalDate.class),
        rs.getString("purpose"),
        rs.getString("relationship"),
        rs.getString("link_role"),
        rs.getString("source_record"),
        rs.getObject("stated_on", LocalDate.class),
        GuardedReads.markingOf(rs),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
