package org.presstrace.casework;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Purpose;
import org.presstrace.casework.FtmEntities.Entity;
import org.presstrace.casework.FtmEntities.Kind;
import org.presstrace.casework.FtmImportReport.Problem;
import org.presstrace.casework.internal.ImportOriginStore;
import org.presstrace.casework.internal.ImportOriginStore.Origin;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.Fields;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports FollowTheMoney entities ({@link FtmEntities}) as case subjects and links of the caller's
 * agency, the reverse of the graph's FollowTheMoney export. The whole file is checked first, as the
 * CSV imports do: one problem anywhere and nothing is stored, every problem listed with its line.
 * Each entity is remembered with where it came from (source, id, file and line, importer, time), so
 * a re-import of the same entities from the same source stores nothing again: an entity whose
 * content and marking are unchanged keeps its record, a changed one gets a new record that stands
 * for its id from then on (the earlier one is kept, as every statement is). Subjects carry the
 * batch's marking; a link carries the join of that marking and its two ends' markings. A link end
 * is an entity of the file, one imported before from the same source, or a record the caller may
 * read ({@code registrant:ID} ...); anything else refuses the line.
 */
@Service
public class FtmImports {

  static final int MAX_SOURCE_LENGTH = 64;

  private final Subjects subjects;
  private final Links links;
  private final ImportOriginStore origins;
  private final Directory directory;
  private final AuditTrail audit;
  private final JsonMapper json;
  private final Clock clock;

  FtmImports(
      Subjects subjects,
      Links links,
      ImportOriginStore origins,
      Directory directory,
      AuditTrail audit,
      JsonMapper json,
      Clock clock) {
    this.subjects = subjects;
    this.links = links;
    this.origins = origins;
    this.directory = directory;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** An entity of the file checked and ready to store, or found unchanged. */
  private record Planned(
      Entity entity,
      String recordId,
      String outcome,
      String fingerprint,
      int version,
      SubjectDraft subject,
      LinkDraft link) {}

  /**
   * Checks {@code text} (FollowTheMoney JSON lines) and, when every line is sound and {@code
   * dryRun} is false, stores its new and changed entities; see the class comment.
   *
   * @throws InvalidRequest when the batch itself is wrong (no source, a marking the caller may not
   *     set); problems of lines are in the report
   */
  @Transactional(noRollbackFor = NotFound.class)
  public FtmImportReport importLines(
      AccessContext context, FtmImport batch, String text, boolean dryRun) {
    Markings.requireWriter(context.caller());
    String source = Fields.required(batch.source(), "source", MAX_SOURCE_LENGTH);
    String fileName = fileName(batch.fileName());
    String caseReference =
        batch.caseReference() == null || batch.caseReference().isBlank()
            ? source
            : Fields.required(batch.caseReference(), "caseReference", 100);
    String contact =
        batch.contact() == null || batch.contact().isBlank()
            ? context.caller().username()
            : Fields.required(batch.contact(), "contact", 200);
    Marking marking = Markings.owned(context.caller(), batch.marking(), directory);
    AccessContext reading =
        context.purpose() != null
            ? context
            : new AccessContext(
                context.caller(),
                context.channel(),
                new Purpose("Importing FollowTheMoney entities from " + source));
    String agency = context.caller().agency();

    FtmEntities.Read read = FtmEntities.read(text == null ? "" : text, json);
    var problems = new ArrayList<Problem>(read.problems());
    var planned = new ArrayList<Planned>();
    var standing = new HashMap<String, String>();
    var pendingTypes = new HashMap<String, String>();
    var pendingMarkings = new HashMap<String, Marking>();
    for (Entity entity : read.entities()) {
      if (entity.kind() != Kind.SUBJECT) {
        continue;
      }
      try {
        Planned plan = subject(reading, agency, source, caseReference, contact, marking, entity);
        planned.add(plan);
        standing.put(entity.id(), plan.recordId());
        if (!plan.outcome().equals("unchanged")) {
          pendingTypes.put(plan.recordId(), entity.subjectSchema().label());
          pendingMarkings.put(plan.recordId(), marking);
        }
      } catch (InvalidRequest refused) {
        problems.add(problem(entity.line(), refused));
      }
    }
    for (Entity entity : read.entities()) {
      if (entity.kind() != Kind.LINK) {
        continue;
      }
      try {
        planned.add(
            link(
                reading,
                agency,
                source,
                marking,
                entity,
                read,
                standing,
                pendingTypes,
                pendingMarkings));
      } catch (InvalidRequest refused) {
        problems.add(problem(entity.line(), refused));
      }
    }
    problems.sort(Comparator.comparingInt(Problem::line));
    planned.sort(Comparator.comparingInt(plan -> plan.entity().line()));
    if (!problems.isEmpty()) {
      return report(source, fileName, dryRun, read, problems, List.of());
    }
    if (dryRun) {
      return report(source, fileName, true, read, List.of(), planned);
    }
    var stored = new ArrayList<Planned>();
    for (Planned plan : planned) {
      if (plan.subject() != null && !plan.outcome().equals("unchanged")) {
        subjects.submit(context, plan.subject(), plan.recordId());
        remember(context, source, fileName, plan, plan.recordId());
      }
    }
    for (Planned plan : planned) {
      if (plan.link() != null && !plan.outcome().equals("unchanged")) {
        String id = links.record(context, plan.link()).id();
        remember(context, source, fileName, plan, id);
        stored.add(withRecord(plan, id));
      } else {
        stored.add(plan);
      }
    }
    stored.sort(Comparator.comparingInt(plan -> plan.entity().line()));
    FtmImportReport report = report(source, fileName, false, read, List.of(), stored);
    audit.record(
        context,
        "IMPORT",
        Subjects.KIND.name(),
        null,
        "WRITTEN",
        "FollowTheMoney file "
            + fileName
            + " from "
            + source
            + ": "
            + report.created()
            + " new, "
            + report.unchanged()
            + " unchanged, "
            + report.updated()
            + " updated, "
            + marking.banner());
    return report;
  }

  private Planned subject(
      AccessContext reading,
      String agency,
      String source,
      String caseReference,
      String contact,
      Marking marking,
      Entity entity) {
    refuseLoosening(entity, marking);
    String statedSource = source + " " + entity.id();
    // the subject's own checks (properties, lengths, identifiers), before anything is stored
    Subjects.entity("new", entity.subjectSchema(), entity.properties(), statedSource);
    String fingerprint = fingerprint(entity.canonical(), marking.banner());
    Optional<Origin> before = origins.latest(agency, source, entity.id());
    var draft =
        new SubjectDraft(
            entity.subjectSchema(),
            entity.properties(),
            caseReference,
            contact,
            statedSource,
            null,
            marking);
    if (before.isEmpty()) {
      return new Planned(entity, UUID.randomUUID().toString(), "new", fingerprint, 1, draft, null);
    }
    Origin origin = before.get();
    requireKind(entity, origin, "subject");
    Marking was = standingMarking(reading, entity, origin, true);
    if (origin.fingerprint().equals(fingerprint)) {
      return new Planned(
          entity, origin.recordId(), "unchanged", fingerprint, origin.version(), draft, null);
    }
    refuseLoosening(entity, was, marking);
    return new Planned(
        entity,
        UUID.randomUUID().toString(),
        "updated",
        fingerprint,
        origin.version() + 1,
        draft,
        null);
  }

  private Planned link(
      AccessContext reading,
      String agency,
      String source,
      Marking marking,
      Entity entity,
      FtmEntities.Read read,
      Map<String, String> standing,
      Map<String, String> pendingTypes,
      Map<String, Marking> pendingMarkings) {
    refuseLoosening(entity, marking);
    LinkSchema schema = entity.linkSchema();
    String subjectField = "properties." + schema.subjectRole();
    String objectField = "properties." + schema.objectRole();
    String subjectRef =
        end(reading, agency, source, entity, schema.subjectRole(), read, standing, subjectField);
    String objectRef =
        end(reading, agency, source, entity, schema.objectRole(), read, standing, objectField);
    LinkEnd subjectEnd = LinkEnd.parse(schema.subjectRole(), subjectField, subjectRef);
    LinkEnd objectEnd = LinkEnd.parse(schema.objectRole(), objectField, objectRef);
    Marking joined =
        links.joinWithEnds(
            reading,
            marking,
            List.of(subjectEnd, objectEnd),
            pendingMarkings,
            List.of(subjectField, objectField));
    Marking owned = Markings.owned(reading.caller(), joined, directory);
    var draft =
        new LinkDraft(
            schema,
            subjectRef,
            objectRef,
            amount(entity.single("amount")),
            entity.single("currency"),
            date(entity.single("date")),
            entity.single("purpose"),
            entity.single("relationship"),
            entity.single("role"),
            source + " " + entity.id(),
            null,
            owned);
    links.checkBeforeSubjects(reading, draft, pendingTypes);
    String fingerprint =
        fingerprint(
            entity.canonical(), owned.banner(), subjectEnd.reference(), objectEnd.reference());
    Optional<Origin> before = origins.latest(agency, source, entity.id());
    if (before.isEmpty()) {
      return new Planned(entity, null, "new", fingerprint, 1, null, draft);
    }
    Origin origin = before.get();
    requireKind(entity, origin, "link");
    Marking was = standingMarking(reading, entity, origin, false);
    if (origin.fingerprint().equals(fingerprint)) {
      return new Planned(
          entity, origin.recordId(), "unchanged", fingerprint, origin.version(), null, draft);
    }
    refuseLoosening(entity, was, owned);
    return new Planned(entity, null, "updated", fingerprint, origin.version() + 1, null, draft);
  }

  /**
   * A link end as a record reference: the record standing for an entity of the file or of an
   * earlier import from the same source, else the reference as written (a subject id or {@code
   * kind:ID} the caller must be able to read).
   */
  private String end(
      AccessContext reading,
      String agency,
      String source,
      Entity entity,
      String role,
      FtmEntities.Read read,
      Map<String, String> standing,
      String field) {
    String ref = entity.single(role);
    if (ref == null || ref.isBlank()) {
      throw new InvalidRequest(field, "a " + entity.linkSchema().label() + " needs its " + role);
    }
    ref = ref.strip();
    if (standing.containsKey(ref)) {
      return standing.get(ref);
    }
    for (Entity other : read.entities()) {
      if (other.id().equals(ref)) {
        throw new InvalidRequest(
            field,
            other.kind() == Kind.LINK
                ? "the " + role + " '" + ref + "' is a link; a link joins subjects and records"
                : "the "
                    + role
                    + " '"
                    + ref
                    + "' could not be imported (line "
                    + other.line()
                    + ")");
      }
    }
    Optional<Origin> earlier = origins.latest(agency, source, ref);
    if (earlier.isPresent() && earlier.get().recordKind().equals("subject")) {
      return earlier.get().recordId();
    }
    if (ref.length() > 36 + "registrant:".length()) {
      throw new InvalidRequest(
          field, "no entity '" + ref + "' in the file or from " + source + " before");
    }
    return ref;
  }

  private static void requireKind(Entity entity, Origin origin, String kind) {
    if (!origin.recordKind().equals(kind)) {
      throw new InvalidRequest(
          "schema",
          "id '"
              + entity.id()
              + "' was imported as a "
              + origin.recordKind()
              + " (line "
              + origin.line()
              + " of "
              + origin.fileName()
              + "), not a "
              + kind);
    }
  }

  /** The marking of the record standing for an earlier import of the entity. */
  private Marking standingMarking(
      AccessContext reading, Entity entity, Origin origin, boolean subject) {
    try {
      return subject
          ? subjects.get(reading, origin.recordId()).marking()
          : links.get(reading, origin.recordId()).marking();
    } catch (NotFound gone) {
      throw new InvalidRequest(
          "id",
          "id '"
              + entity.id()
              + "' was imported before as a record you may no longer read; import it under"
              + " another source");
    }
  }

  /** A line marked tighter (by TLP or NOFORN) than the batch would lose its marking. */
  private static void refuseLoosening(Entity entity, Marking batch) {
    if (entity.markedTlp() != null
        && (entity.markedTlp().ordinal() > batch.tlp().ordinal()
            || entity.markedNoforn() && !batch.noforn())) {
      throw new InvalidRequest(
          "presstrace.marking",
          "the line is marked "
              + (entity.markedTlp() == null ? "" : "TLP:" + entity.markedTlp().label())
              + (entity.markedNoforn() ? " NOFORN" : "")
              + "; importing it as "
              + batch.banner()
              + " would loosen it");
    }
  }

  /** A new version may not carry a looser marking than the record it replaces. */
  private static void refuseLoosening(Entity entity, Marking was, Marking now) {
    var loosened = new ArrayList<>(was.looseningsTo(now));
    loosened.removeIf(part -> part.startsWith("owner "));
    if (!loosened.isEmpty()) {
      throw new InvalidRequest(
          "marking",
          "id '"
              + entity.id()
              + "' was imported as "
              + was.banner()
              + "; importing it as "
              + now.banner()
              + " would loosen it ("
              + String.join(", ", loosened)
              + "): that is a marking change, with its approval");
    }
  }

  private void remember(
      AccessContext context, String source, String fileName, Planned plan, String recordId) {
    origins.insert(
        new Origin(
            context.caller().agency(),
            source,
            plan.entity().id(),
            plan.version(),
            plan.entity().kind() == Kind.SUBJECT ? "subject" : "link",
            recordId,
            plan.fingerprint(),
            fileName,
            plan.entity().line(),
            context.caller().username(),
            clock.instant()));
  }

  private static Planned withRecord(Planned plan, String id) {
    return new Planned(
        plan.entity(),
        id,
        plan.outcome(),
        plan.fingerprint(),
        plan.version(),
        plan.subject(),
        plan.link());
  }

  private static FtmImportReport report(
      String source,
      String fileName,
      boolean dryRun,
      FtmEntities.Read read,
      List<Problem> problems,
      List<Planned> planned) {
    int created = 0;
    int unchanged = 0;
    int updated = 0;
    var entries = new ArrayList<FtmImportReport.Entry>();
    for (Planned plan : planned) {
      switch (plan.outcome()) {
        case "new" -> created++;
        case "unchanged" -> unchanged++;
        default -> updated++;
      }
      entries.add(
          new FtmImportReport.Entry(
              plan.entity().line(),
              plan.entity().id(),
              plan.entity().kind() == Kind.SUBJECT ? "subject" : "link",
              dryRun && !plan.outcome().equals("unchanged") ? null : plan.recordId(),
              plan.outcome()));
    }
    return new FtmImportReport(
        source,
        fileName,
        dryRun,
        read.lines(),
        created,
        unchanged,
        updated,
        read.skipped(),
        problems,
        entries);
  }

  private static Problem problem(int line, InvalidRequest refused) {
    return new Problem(line, refused.field() == null ? "" : refused.field(), refused.getMessage());
  }

  private static String fileName(String given) {
    if (given == null || given.isBlank()) {
      return "upload";
    }
    String name = given.strip().replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.length() <= 255 ? name : name.substring(0, 255);
  }

  private static BigDecimal amount(String text) {
    return Decimals.parseSigned(
        text, "properties.amount", Decimals.MAX_LENGTH, Decimals.MAX_LENGTH);
  }

  private static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException notADate) {
      throw new InvalidRequest("properties.date", "'" + text + "' is not a date (YYYY-MM-DD)");
    }
  }

  static String fingerprint(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException(missing);
    }
  }
}
