package org.presstrace.intel;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Criteria;
import org.presstrace.access.Directory;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.MarkingChange;
import org.presstrace.access.MarkingChanges;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Role;
import org.presstrace.intel.internal.FiledReport;
import org.presstrace.intel.internal.IntelReportStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intelligence reports. Writes check the author's agency and compartments; every read goes through
 * {@link GuardedReads}, so the policy filters it and the audit trail records it.
 */
@Service
public class IntelReports {

  /** The protected kind of intelligence reports; reading one needs a stated purpose. */
  public static final ProtectedKind KIND = IntelReportStore.KIND;

  private final IntelReportStore store;
  private final GuardedReads reads;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;
  private final MarkingChanges markingChanges;

  IntelReports(
      IntelReportStore store,
      GuardedReads reads,
      Directory directory,
      AuditTrail audit,
      Clock clock,
      MarkingChanges markingChanges) {
    this.store = store;
    this.markingChanges = markingChanges;
    this.reads = reads;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  /** Files a new report owned by the author's agency. */
  @Transactional
  public IntelReport create(AccessContext context, IntelReportDraft draft) {
    Caller author = context.caller();
    requireAuthor(author);
    Marking marking = checked(author, draft);
    String id = UUID.randomUUID().toString();
    store.insert(id, draft.title(), draft.summary(), marking, author.username(), clock.instant());
    audit.record(context, "CREATE", KIND.name(), id, "WRITTEN", marking.banner());
    return store.stored(id);
  }

  /**
   * Changes a report of the editor's own agency; the previous version stays in its history. Only
   * investigators and supervisors of the owning agency (and liaisons of an owning foreign partner)
   * edit. Text changes and a tightened marking apply at once; a loosened marking is a release
   * ({@link MarkingChanges}): the text change applies under the old marking, and the new marking
   * waits, with {@code justification}, for a different supervisor of the agency to approve it.
   */
  @Transactional
  public IntelReportEdit update(
      AccessContext context,
      String id,
      IntelReportDraft draft,
      int expectedVersion,
      String justification) {
    Caller editor = context.caller();
    IntelReport current = reads.one(context, KIND, id, IntelReportStore::report);
    if (!current.editableBy(editor)) {
      throw new AccessDeniedException(
          "only investigators and supervisors of "
              + current.marking().ownerAgency()
              + " change this report");
    }
    Marking requested = checked(editor, draft);
    MarkingChange pending = null;
    Marking marking = requested;
    if (!current.marking().looseningsTo(requested).isEmpty()) {
      pending =
          markingChanges.request(context, KIND, id, current.marking(), requested, justification);
      marking = current.marking();
    }
    FiledReport report = FiledReport.of(current);
    report.revise(editor, draft, marking, expectedVersion, clock.instant());
    if (store.update(report) != 1) {
      throw new ConflictingState(
          "report " + id + " is at version " + current.version() + ", not " + expectedVersion);
    }
    store.append(report);
    int next = report.version();
    if (pending == null) {
      markingChanges.tightened(KIND, id, current.marking(), marking);
    }
    audit.record(
        context,
        "UPDATE",
        KIND.name(),
        id,
        "WRITTEN",
        "version "
            + next
            + ", "
            + marking.banner()
            + (pending == null ? "" : ", marking change " + pending.id() + " pending"));
    return new IntelReportEdit(store.stored(id), pending);
  }

  public IntelReport get(AccessContext context, String id) {
    return reads.one(context, KIND, id, IntelReportStore::report).seenBy(context.caller());
  }

  public Page<IntelReport> page(AccessContext context, String query, PageQuery page) {
    return reads
        .page(context, KIND, criteria(query), page, IntelReportStore::report)
        .map(report -> report.seenBy(context.caller()));
  }

  public long count(AccessContext context, String query) {
    return reads.count(context, KIND, criteria(query));
  }

  /** Readable reports counted by TLP level. */
  public Map<String, Long> countByTlp(AccessContext context, String query) {
    return reads.countBy(context, KIND, criteria(query), "r.tlp");
  }

  public long export(AccessContext context, String query, Consumer<IntelReport> sink) {
    return reads.export(
        context,
        KIND,
        criteria(query),
        IntelReportStore::report,
        report -> sink.accept(report.seenBy(context.caller())));
  }

  /**
   * The versions of a report the caller may read, oldest first. A version is shown only when the
   * caller may read the report under that version's own marking (and the current one); hidden
   * versions are left out, and the versions shown are numbered 1, 2, ... in order, so the numbers
   * reveal nothing about versions the caller may not see.
   */
  public List<IntelRevision> history(AccessContext context, String id) {
    return reads.versions(
        context,
        KIND,
        id,
        "intel_report_revision",
        "report_id",
        "version",
        (rs, row) ->
            new IntelRevision(
                row + 1,
                rs.getString("title"),
                rs.getString("summary"),
                GuardedReads.markingOf(rs).banner(),
                rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant()));
  }

  private static Criteria criteria(String query) {
    if (query == null || query.isBlank()) {
      return Criteria.all().orderBy("r.created_at DESC");
    }
    String pattern = "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%";
    return Criteria.search(
            "LOWER(r.title) LIKE :q ESCAPE '\\' OR LOWER(r.summary) LIKE :q ESCAPE '\\'",
            Map.of("q", pattern))
        .orderBy("r.created_at DESC");
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static void requireAuthor(Caller author) {
    if (!author.has(Role.INVESTIGATOR)
        && !author.has(Role.ANALYST)
        && !author.has(Role.SUPERVISOR)
        && !author.has(Role.FOREIGN_LIAISON)) {
      throw new AccessDeniedException(
          "only investigators, analysts, supervisors and liaisons file reports");
    }
  }

  private Marking checked(Caller author, IntelReportDraft draft) {
    var problems = new Problems();
    if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 200) {
      problems.add("title", "title must be 1-200 characters");
    }
    if (draft.summary() == null || draft.summary().isBlank() || draft.summary().length() > 10_000) {
      problems.add("summary", "summary must be 1-10000 characters");
    }
    Marking given = draft.marking();
    if (given == null) {
      problems.add("marking", "a report needs a marking");
      problems.throwIfAny();
    }
    Marking marking =
        problems.value(
            () ->
                new Marking(
                    author.agency(),
                    given.tlp(),
                    given.cuiCategory(),
                    given.noforn(),
                    given.relTo(),
                    given.compartment()));
    problems.throwIfAny();
    if (marking.noforn() && author.foreign()) {
      problems.add("marking.noforn", "NOFORN is a control for domestic agencies");
    }
    // One answer for a compartment that does not exist and one the caller is not in: two would
    // let anyone probe for compartment codes, which can name operations.
    if (marking.compartment() != null
        && !(author.compartments().contains(marking.compartment())
            && directory.compartmentExists(marking.compartment()))) {
      problems.add(
          "marking.compartment", "you are not a member of compartment " + marking.compartment());
    }
    problems.throwIfAny();
    return marking;
  }
}
