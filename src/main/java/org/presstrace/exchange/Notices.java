package org.presstrace.exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AccessPolicy;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Role;
import org.presstrace.access.SqlFilter;
import org.presstrace.access.Tlp;
import org.presstrace.exchange.internal.ExchangeProperties;
import org.presstrace.exchange.internal.NoticeStore;
import org.presstrace.exchange.internal.PartnerStore;
import org.presstrace.exchange.stix.StixIds;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.ListedHit;
import org.presstrace.substances.Substance;
import org.presstrace.substances.Substances;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * PEN-style pre-export notifications between partner instances. The exporting authority files a
 * notice for a shipment of a listed precursor (screened against the reference lists) and it travels
 * to the importing country's instance as a {@value #NOTICE} message; the importing authority
 * answers (confirm, object with a reason, ask for information) and the answer travels back as a
 * {@value #ANSWER} message, so both sides see the notice, its deadline and its answers. Notices are
 * marked TLP:GREEN // CUI//LEI//REL TO both countries, owned by the filing agency, and read through
 * the access policy.
 */
@Service
public class Notices {

  /** The message type of a notice. */
  public static final String NOTICE = "notice";

  /** The message type of an answer to a notice. */
  public static final String ANSWER = "notice.answer";

  /** Notices as protected records, for the policy's read filter. */
  public static final ProtectedKind KIND =
      new ProtectedKind("exchange-notice", "exchange_notice", "r.*", false);

  static final Set<String> UNITS = Set.of("kg", "g", "L", "mL");
  static final Set<String> TRANSPORTS = Set.of("air", "sea", "road", "rail", "post", "courier");
  private static final Pattern CAS = Pattern.compile("\\d{2,7}-\\d{2}-\\d");
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final NoticeStore store;
  private final PartnerStore partners;
  private final PartnerOutbox outbox;
  private final Substances substances;
  private final org.presstrace.casework.Subjects subjects;
  private final org.presstrace.redflags.RedFlags redFlags;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final ExchangeProperties settings;
  private final Clock clock;
  private final TransactionTemplate transaction;

  Notices(
      NoticeStore store,
      PartnerStore partners,
      PartnerOutbox outbox,
      Substances substances,
      org.presstrace.casework.Subjects subjects,
      org.presstrace.redflags.RedFlags redFlags,
      AccessPolicy policy,
      AuditTrail audit,
      ExchangeProperties settings,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.store = store;
    this.partners = partners;
    this.outbox = outbox;
    this.substances = substances;
    this.subjects = subjects;
    this.redFlags = redFlags;
    this.policy = policy;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Files a notice and queues it for the importing partner; a problem with any field is an {@link
   * InvalidRequest} naming it, and nothing is stored or sent.
   */
  public Notice file(AccessContext context, NoticeDraft draft) {
    requireRole(context, "file notices", Role.INVESTIGATOR, Role.SUPERVISOR);
    if (draft == null) {
      throw new InvalidRequest("notice", "a notice is required");
    }
    Partner partner =
        partners
            .find(draft.partnerId() == null ? "" : draft.partnerId())
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "partnerId", "partner '" + draft.partnerId() + "' is not paired"));
    if (!partner.agrees(NOTICE) || !partner.agrees(ANSWER)) {
      throw new InvalidRequest(
          "partnerId",
          "partner " + partner.id() + " has not agreed message types " + NOTICE + " and " + ANSWER);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Notice notice = build(context, draft, partner, UUID.randomUUID().toString(), 1, now);
    Marking marking = notice.marking();
    return transaction.execute(
        status -> {
          store.insert(notice, now);
          outbox.send(context, partner.id(), NOTICE, toJson(notice), marking);
          audit.record(
              context,
              "NOTICE_FILE",
              KIND.name(),
              notice.id(),
              "WRITTEN",
              notice.substanceName()
                  + " "
                  + notice.quantity().toPlainString()
                  + " "
                  + notice.unit()
                  + " to "
                  + partner.id());
          return notice;
        });
  }

  /** A notice of {@code partner} from a draft, every field checked; the substance screened. */
  private Notice build(
      AccessContext context,
      NoticeDraft draft,
      Partner partner,
      String id,
      int version,
      Instant filedAt) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String exporter = text("exporter", draft.exporter(), 300);
    String importer = text("importer", draft.importer(), 300);
    String consignee = text("consignee", draft.consignee(), 300);
    BigDecimal quantity = quantity(draft.quantity());
    String unit = draft.unit() == null ? "" : draft.unit().strip();
    if (!UNITS.contains(unit)) {
      throw new InvalidRequest(
          "unit", "unit '" + draft.unit() + "' is not one of " + new TreeSet<>(UNITS));
    }
    if (draft.packages() == null || draft.packages() < 1 || draft.packages() > 1_000_000) {
      throw new InvalidRequest("packages", "packages must be a whole number from 1 to 1000000");
    }
    String invoice = text("invoice", draft.invoice(), 100);
    String route = text("route", draft.route(), 1000);
    String exitPoint = text("exitPoint", draft.exitPoint(), 200);
    String entryPoint = text("entryPoint", draft.entryPoint(), 200);
    if (draft.dispatchDate() == null || draft.dispatchDate().isBefore(today)) {
      throw new InvalidRequest(
          "dispatchDate", "the dispatch date must be given and not before " + today);
    }
    String transport =
        draft.transport() == null ? "" : draft.transport().strip().toLowerCase(Locale.ROOT);
    if (!TRANSPORTS.contains(transport)) {
      throw new InvalidRequest(
          "transport",
          "means of transport '"
              + draft.transport()
              + "' is not one of "
              + new TreeSet<>(TRANSPORTS));
    }
    LocalDate deadline =
        draft.responseDeadline() != null
            ? draft.responseDeadline()
            : today.plusDays(settings.noticeDeadline().toDays());
    if (deadline.isBefore(today)) {
      throw new InvalidRequest(
          "responseDeadline", "the response deadline " + deadline + " is in the past");
    }
    Substance substance = listedSubstance(draft.substance());
    Caller caller = context.caller();
    CountryCode home = CountryCode.parse(settings.country(), "presstrace.exchange.country");
    Marking marking =
        new Marking(
            caller.agency(),
            Tlp.GREEN,
            "LEI",
            false,
            new TreeSet<>(List.of(home, partner.country())),
            null);
    return new Notice(
        id,
        version,
        Notice.Direction.OUTGOING,
        partner.id(),
        partner.country(),
        exporter,
        importer,
        consignee,
        substance.id(),
        substance.name(),
        substance.cas(),
        table(substance, home),
        quantity,
        unit,
        draft.packages(),
        invoice,
        route,
        exitPoint,
        entryPoint,
        draft.dispatchDate(),
        transport,
        deadline,
        Notice.Status.AWAITING_ANSWER,
        marking,
        caller.username() + " (" + caller.agency() + ", " + home.alpha3() + ")",
        filedAt,
        List.of());
  }

  /**
   * Amends an outgoing notice of the caller's agency: the shipment's details are replaced (every
   * field checked again), its version goes up, it awaits an answer again and travels again to the
   * partner; the answers so far stay as its history.
   */
  public Notice amend(AccessContext context, String id, NoticeDraft draft) {
    requireRole(context, "amend notices", Role.INVESTIGATOR, Role.SUPERVISOR);
    Notice current = store.find(id, filter(context)).orElseThrow(() -> new NotFound("notice", id));
    if (current.direction() != Notice.Direction.OUTGOING) {
      throw new ConflictingState("only the exporting authority amends a notice");
    }
    if (current.status() == Notice.Status.CANCELLED) {
      throw new ConflictingState("the notice was cancelled");
    }
    if (!current.marking().ownerAgency().equals(context.caller().agency())) {
      throw new ConflictingState(
          "only agency " + current.marking().ownerAgency() + " amends its notice");
    }
    if (draft == null) {
      throw new InvalidRequest("notice", "a notice is required");
    }
    Partner partner =
        partners.find(current.partnerId()).orElseThrow(() -> new NotFound("partner", id));
    Notice amended =
        build(context, draft, partner, current.id(), current.version() + 1, current.filedAt());
    transaction.executeWithoutResult(
        status -> {
          store.amend(amended);
          outbox.send(context, partner.id(), NOTICE, toJson(amended), current.marking());
          audit.record(
              context, "NOTICE_AMEND", KIND.name(), id, "WRITTEN", "version " + amended.version());
        });
    return store.find(id).orElseThrow();
  }

  /** Answers an incoming notice; the answer travels back to the exporting partner. */
  public Notice answer(AccessContext context, String id, String kind, String reason) {
    requireRole(context, "answer notices", Role.INVESTIGATOR, Role.SUPERVISOR);
    Notice notice = store.find(id, filter(context)).orElseThrow(() -> new NotFound("notice", id));
    NoticeAnswer.Kind answerKind;
    try {
      answerKind =
          NoticeAnswer.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(
          "kind",
          "answer '"
              + kind
              + "' is not one of "
              + java.util.Arrays.toString(NoticeAnswer.Kind.values()));
    }
    String refusal = notice.refusal(answerKind);
    if (refusal != null) {
      throw new ConflictingState(refusal);
    }
    String text = reason == null || reason.isBlank() ? null : reason.strip();
    if (text == null && answerKind.needsReason()) {
      throw new InvalidRequest(
          "reason", "an objection, a request for information or a cancellation needs a reason");
    }
    if (text != null && text.length() > 2000) {
      throw new InvalidRequest(
          "reason", "the reason is " + text.length() + " characters, more than 2000");
    }
    Caller caller = context.caller();
    CountryCode home = CountryCode.parse(settings.country(), "presstrace.exchange.country");
    var answer =
        new NoticeAnswer(
            UUID.randomUUID().toString(),
            notice.version(),
            answerKind,
            text,
            caller.username() + " (" + caller.agency() + ", " + home.alpha3() + ")",
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    Marking marking =
        new Marking(
            caller.agency(),
            Tlp.GREEN,
            "LEI",
            false,
            new TreeSet<>(List.of(home, notice.partnerCountry())),
            null);
    transaction.executeWithoutResult(
        status -> {
          store.answer(notice.id(), answer, Notice.Status.after(answerKind));
          outbox.send(
              context, notice.partnerId(), ANSWER, answerJson(notice.id(), answer), marking);
          audit.record(
              context, "NOTICE_ANSWER", KIND.name(), notice.id(), "WRITTEN", answerKind.name());
          if (answerKind == NoticeAnswer.Kind.SHIPMENT_STOPPED
              || answerKind == NoticeAnswer.Kind.SHIPMENT_SEIZED) {
            sendAsIncident(context, notice, answerKind, answer);
          }
        });
    return store.find(notice.id()).orElseThrow();
  }

  /**
   * Sends a stopped or seized shipment to the partner as an incident as well, when the partner
   * agreed incidents and the notice's marking (owned here by the recording agency, the one that
   * stopped or seized it) lets the partner read it; else the skip is audited and only the answer
   * travels.
   */
  private void sendAsIncident(
      AccessContext context, Notice notice, NoticeAnswer.Kind kind, NoticeAnswer answer) {
    Partner partner = partners.find(notice.partnerId()).orElseThrow();
    Marking sent = notice.marking();
    Marking marking =
        new Marking(
            context.caller().agency(),
            sent.tlp(),
            sent.cuiCategory(),
            sent.noforn(),
            sent.relTo(),
            sent.compartment());
    var partnerReader =
        new Caller(
            "partner:" + partner.id(),
            partner.agency(),
            org.presstrace.access.AgencyKind.FOREIGN_PARTNER,
            partner.country(),
            java.util.Set.of(Role.FOREIGN_LIAISON),
            java.util.Set.of());
    String refusal =
        !partner.enabled() || !partner.agrees(Incidents.INCIDENT)
            ? "partner " + partner.id() + " has not agreed incidents or is disabled"
            : policy.mayRead(partnerReader, marking, true).allowed()
                ? null
                : policy.mayRead(partnerReader, marking, true).reason();
    if (refusal != null) {
      audit.record(
          context, "NOTICE_INCIDENT", KIND.name(), notice.id(), "NOT_SENT", kind + ": " + refusal);
      return;
    }
    outbox.send(
        context,
        partner.id(),
        Incidents.INCIDENT,
        incidentJson(notice, kind, answer, context.caller()),
        marking);
    audit.record(context, "NOTICE_INCIDENT", KIND.name(), notice.id(), "QUEUED", kind.name());
  }

  /** The incident payload of a stopped or seized shipment (docs/exchange.md). */
  static String incidentJson(
      Notice notice, NoticeAnswer.Kind kind, NoticeAnswer answer, Caller caller) {
    boolean exporting = notice.direction() == Notice.Direction.OUTGOING;
    String point = exporting ? notice.exitPoint() : notice.entryPoint();
    var item = new java.util.LinkedHashMap<String, Object>();
    item.put("substance", notice.substanceName());
    item.put("cas", notice.cas());
    item.put("form", "PRECURSOR");
    item.put("netQuantity", notice.quantity().toPlainString());
    item.put("netUnit", notice.unit().toUpperCase(Locale.ROOT));
    item.put("estimates", List.of());
    var fields = new java.util.LinkedHashMap<String, Object>();
    fields.put("format", Incidents.FORMAT);
    fields.put("sourceKind", "notice");
    fields.put("sourceId", notice.id());
    fields.put("agency", caller.agency());
    fields.put(
        "reference",
        "Notice "
            + notice.invoice()
            + (kind == NoticeAnswer.Kind.SHIPMENT_SEIZED
                ? ": shipment seized"
                : ": shipment stopped"));
    fields.put(
        "stixId", StixIds.of("incident", "exchange-notice", notice.id() + ":" + kind.name()));
    fields.put("occurredAt", answer.answeredAt().atOffset(ZoneOffset.UTC).toString());
    fields.put("zone", "UTC");
    fields.put("context", "PORT_OF_ENTRY");
    fields.put("portOfEntry", point);
    fields.put("region", null);
    fields.put("place", point);
    fields.put("items", List.of(item));
    fields.put("sentBy", caller.username());
    return JSON.writeValueAsString(fields);
  }

  /**
   * Records, on this side, that the deadline of each notice still awaiting an answer passed; the
   * partner's instance does the same on its copy, so both sides show it. Returns how many.
   */
  public int recordMissedDeadlines() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return transaction.execute(
        status -> {
          List<String> missed = store.missedDeadlines(today);
          for (String id : missed) {
            audit.recordAnonymous(
                "exchange",
                "NOTICE_DEADLINE",
                "DEADLINE_MISSED",
                "notice " + id + " had no answer by its deadline");
          }
          return missed.size();
        });
  }

  /** The partners a notice may go to: those that agreed both notice message types. */
  public List<Partner> partners(AccessContext context) {
    requireRole(context, "file notices", Role.INVESTIGATOR, Role.SUPERVISOR);
    return partners.all().stream()
        .filter(p -> p.enabled() && p.agrees(NOTICE) && p.agrees(ANSWER))
        .toList();
  }

  /** The notices of {@code direction} the caller may read, by deadline. */
  public List<Notice> list(AccessContext context, Notice.Direction direction) {
    requireRole(context, "read notices", Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);
    return transaction.execute(
        status -> {
          List<Notice> notices = store.list(direction, filter(context));
          audit.record(
              context, "LIST", KIND.name(), null, "SHOWN", direction + ": " + notices.size());
          return notices;
        });
  }

  /** One notice with its answers, if the caller may read it; else {@link NotFound}. */
  public Notice get(AccessContext context, String id) {
    requireRole(context, "read notices", Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);
    return transaction.execute(
        status -> {
          Notice notice =
              store.find(id, filter(context)).orElseThrow(() -> new NotFound("notice", id));
          audit.record(context, "READ", KIND.name(), id, "SHOWN", null);
          return notice;
        });
  }

  /**
   * Screens a notice's parties (as companies) against the case subjects the caller may read, with
   * the resolution engine: the hits at or above its review threshold, best first, for the filer to
   * see. The subjects are read through the access policy, audited as one bulk read.
   */
  public List<PartyHit> screenParties(AccessContext context, Notice notice) {
    requireRole(context, "screen notice parties", Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);
    var parties = new LinkedHashMap<String, String>();
    parties.put("exporter", notice.exporter());
    parties.put("importer", notice.importer());
    parties.put("consignee", notice.consignee());
    var left = new java.util.ArrayList<org.presstrace.resolution.Entity>();
    parties.forEach(
        (role, name) ->
            left.add(
                org.presstrace.resolution.Entity.of(
                        "party:" + role, org.presstrace.resolution.Schema.COMPANY)
                    .with("name", name)));
    return transaction.execute(
        status -> {
          var readable = new java.util.HashMap<String, org.presstrace.casework.Subject>();
          var right = new java.util.ArrayList<org.presstrace.resolution.Entity>();
          for (var subject : subjects.readableEntities(context)) {
            readable.put(subject.subject().id(), subject.subject());
            right.add(subject.entity());
          }
          if (right.isEmpty()) {
            return List.<PartyHit>of();
          }
          return org.presstrace.resolution.Matching.withDefaults()
              .link(left, right)
              .matches()
              .stream()
              .filter(match -> readable.containsKey(match.rightId()))
              .sorted(
                  java.util.Comparator.comparingDouble(org.presstrace.resolution.Match::score)
                      .reversed())
              .map(
                  match -> {
                    String role = match.leftId().substring("party:".length());
                    var subject = readable.get(match.rightId());
                    return new PartyHit(
                        role,
                        parties.get(role),
                        subject.id(),
                        subject.label(),
                        subject.caseReference(),
                        match.score(),
                        match.band(),
                        match.explanation());
                  })
              .toList();
        });
  }

  /**
   * Screens a notice's parties against the open red flags the caller may read (the red-flag
   * module's guarded, audited read; a purpose is required): the flags whose focus or cited subjects
   * name the exporter, importer or consignee. A flag the caller may not read is neither listed nor
   * counted.
   */
  public List<RedFlagHit> screenRedFlags(AccessContext context, Notice notice) {
    requireRole(context, "screen notice parties", Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);
    var parties = new LinkedHashMap<String, String>();
    parties.put("exporter", notice.exporter());
    parties.put("importer", notice.importer());
    parties.put("consignee", notice.consignee());
    var hits = new java.util.ArrayList<RedFlagHit>();
    var seen = new java.util.HashSet<String>();
    for (var flagged : redFlags.openFlagsNaming(context, parties.values())) {
      parties.forEach(
          (role, name) -> {
            if (name.strip().equals(flagged.party())
                && seen.add(role + "/" + flagged.flag().id())) {
              hits.add(
                  new RedFlagHit(
                      role,
                      name,
                      flagged.flag().id(),
                      flagged.flag().title(),
                      flagged.flag().focus(),
                      flagged.flag().status().name()));
            }
          });
    }
    return hits;
  }

  /** The format name of {@link #incbCopy}. */
  public static final String INCB_FORMAT = "presstrace-incb-notice/v1";

  /**
   * The notice as a file for INCB (no INCB API exists): one JSON object in the {@value
   * #INCB_FORMAT} format of docs/exchange.md, with the marking banner it carries; audited as an
   * export.
   */
  public String incbCopy(AccessContext context, String id) {
    requireRole(context, "read notices", Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);
    return transaction.execute(
        status -> {
          Notice n = store.find(id, filter(context)).orElseThrow(() -> new NotFound("notice", id));
          CountryCode home = CountryCode.parse(settings.country(), "presstrace.exchange.country");
          boolean outgoing = n.direction() == Notice.Direction.OUTGOING;
          var copy = new LinkedHashMap<String, Object>();
          copy.put("format", INCB_FORMAT);
          copy.put("marking", n.marking().banner());
          copy.put("noticeId", n.id());
          copy.put("version", n.version());
          copy.put("exportingCountry", (outgoing ? home : n.partnerCountry()).alpha3());
          copy.put("importingCountry", (outgoing ? n.partnerCountry() : home).alpha3());
          copy.put("exporter", n.exporter());
          copy.put("importer", n.importer());
          copy.put("consignee", n.consignee());
          copy.put("substance", n.substanceName());
          copy.put("cas", n.cas());
          copy.put("controlTable", n.controlTable());
          copy.put("quantity", n.quantity().toPlainString());
          copy.put("unit", n.unit());
          copy.put("packages", n.packages());
          copy.put("invoice", n.invoice());
          copy.put("route", n.route());
          copy.put("exitPoint", n.exitPoint());
          copy.put("entryPoint", n.entryPoint());
          copy.put("dispatchDate", n.dispatchDate().toString());
          copy.put("transport", n.transport());
          copy.put("responseDeadline", n.responseDeadline().toString());
          copy.put("status", n.status().name());
          copy.put("filedBy", n.filedBy());
          copy.put("filedAt", n.filedAt().toString());
          copy.put(
              "answers",
              n.answers().stream()
                  .map(
                      a -> {
                        var answer = new LinkedHashMap<String, Object>();
                        answer.put("noticeVersion", a.noticeVersion());
                        answer.put("kind", a.kind().name());
                        answer.put("reason", a.reason());
                        answer.put("by", a.answeredBy());
                        answer.put("at", a.answeredAt().toString());
                        return answer;
                      })
                  .toList());
          audit.record(
              context.via(org.presstrace.access.Channel.EXPORT),
              "EXPORT",
              KIND.name(),
              id,
              "SHOWN",
              INCB_FORMAT);
          return JSON.writeValueAsString(copy);
        });
  }

  private SqlFilter filter(AccessContext context) {
    return policy.readFilter(context.caller(), KIND);
  }

  private Substance listedSubstance(String text) {
    String query = text == null ? "" : text.strip();
    if (query.isEmpty() || query.length() > 300) {
      throw new InvalidRequest("substance", "the substance (name or CAS number) is required");
    }
    boolean cas = CAS.matcher(query).matches();
    List<ListedHit> hits;
    try {
      hits = substances.screen(null, cas ? null : query, cas ? query : null).listed();
    } catch (InvalidRequest e) {
      throw new InvalidRequest("substance", e.getMessage());
    }
    ListedHit hit =
        hits.stream()
            .filter(h -> h.score() >= 1.0)
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "substance",
                        "'"
                            + query
                            + "' is not a listed substance: a notice is for a listed precursor"
                            + (hits.isEmpty()
                                ? ""
                                : " (did you mean " + hits.get(0).name() + "?)")));
    return substances.get(hit.substanceId());
  }

  /** Where the substance is listed: the 1988 Convention's table first, else a national list. */
  static String table(Substance substance, CountryCode home) {
    ControlAction best = null;
    for (ControlAction control : substance.controls()) {
      if (control.effectiveTo() != null) {
        continue;
      }
      if ("UN".equals(control.jurisdiction())) {
        return "UN " + control.instrument() + " " + control.category();
      }
      if (best == null || home.alpha3().equals(control.jurisdiction())) {
        best = control;
      }
    }
    return best == null
        ? "listed"
        : best.jurisdiction() + " " + best.instrument() + " " + best.category();
  }

  private static BigDecimal quantity(String text) {
    try {
      BigDecimal value = new BigDecimal(text == null ? "" : text.strip());
      if (value.signum() <= 0 || value.precision() > 18 || text.strip().length() > 30) {
        throw new NumberFormatException();
      }
      return value.stripTrailingZeros();
    } catch (NumberFormatException e) {
      throw new InvalidRequest("quantity", "quantity '" + text + "' is not a positive number");
    }
  }

  private static String text(String field, String value, int max) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty() || text.length() > max) {
      throw new InvalidRequest(field, field + " must be 1-" + max + " characters");
    }
    return text;
  }

  private static void requireRole(AccessContext context, String what, Role... roles) {
    for (Role role : roles) {
      if (context.caller().has(role)) {
        return;
      }
    }
    throw new AccessDeniedException("only " + List.of(roles) + " " + what);
  }

  static String toJson(Notice n) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("id", n.id());
    fields.put("version", n.version());
    fields.put("exporter", n.exporter());
    fields.put("importer", n.importer());
    fields.put("consignee", n.consignee());
    fields.put("substanceId", n.substanceId());
    fields.put("substanceName", n.substanceName());
    fields.put("cas", n.cas());
    fields.put("controlTable", n.controlTable());
    fields.put("quantity", n.quantity().toPlainString());
    fields.put("unit", n.unit());
    fields.put("packages", n.packages());
    fields.put("invoice", n.invoice());
    fields.put("route", n.route());
    fields.put("exitPoint", n.exitPoint());
    fields.put("entryPoint", n.entryPoint());
    fields.put("dispatchDate", n.dispatchDate().toString());
    fields.put("transport", n.transport());
    fields.put("responseDeadline", n.responseDeadline().toString());
    fields.put("filedBy", n.filedBy());
    fields.put("filedAt", n.filedAt().toString());
    return JSON.writeValueAsString(fields);
  }

  static String answerJson(String noticeId, NoticeAnswer answer) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("noticeId", noticeId);
    fields.put("id", answer.id());
    fields.put("noticeVersion", answer.noticeVersion());
    fields.put("kind", answer.kind().name());
    fields.put("reason", answer.reason());
    fields.put("answeredBy", answer.answeredBy());
    fields.put("answeredAt", answer.answeredAt().toString());
    return JSON.writeValueAsString(fields);
  }
}
