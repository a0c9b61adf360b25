package org.presstrace.seizures;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Criteria;
import org.presstrace.access.Directory;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.seizures.internal.Seizure;
import org.presstrace.seizures.internal.SeizureStore;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.substances.ScreeningResult;
import org.presstrace.substances.Substances;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seizure reports. A report is checked in full, its items screened through {@code substances}, its
 * equipment traced and seized in the registry, and everything stored in one transaction, or nothing
 * is. Seizures are intelligence: the reporting agency owns them, they carry a marking, and every
 * read goes through {@link GuardedReads} with a stated purpose.
 */
@Service
public class Seizures {

  /** The protected kind of seizure reports; reading one needs a stated purpose. */
  public static final ProtectedKind KIND = SeizureStore.KIND;

  /** People, companies and vehicles named in seizures, marked as their seizure. */
  public static final ProtectedKind PARTY_KIND = SeizureStore.PARTY_KIND;

  private final SeizureStore store;
  private final GuardedReads reads;
  private final Substances substances;
  private final SeizedEquipment equipment;
  private final DoseCalculator calculator;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  private final SeizureLimits limits;

  Seizures(
      SeizureStore store,
      GuardedReads reads,
      Substances substances,
      SeizedEquipment equipment,
      DoseCalculator calculator,
      Directory directory,
      AuditTrail audit,
      Clock clock,
      ApplicationEventPublisher events,
      SeizureLimits limits) {
    this.limits = limits;
    this.store = store;
    this.reads = reads;
    this.substances = substances;
    this.equipment = equipment;
    this.calculator = calculator;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** Every problem of {@code draft}, each beside its field, within the configured limits. */
  public List<FieldProblem> problems(SeizureDraft draft) {
    return SeizureRules.problems(draft, clock.instant(), limits);
  }

  /** Files one seizure report owned by the reporter's agency. */
  @Transactional
  public SeizureDetail report(AccessContext context, SeizureDraft draft) {
    requireReporter(context.caller());
    CheckedSeizure checked = SeizureRules.checkOrThrow(draft, clock.instant(), limits);
    String id = store(context, checked, new HashMap<>(), 0);
    SeizureView stored = storedView(id);
    audit.record(
        context,
        "CREATE",
        KIND.name(),
        id,
        "WRITTEN",
        stored.reference() + ", " + stored.marking().banner());
    return get(withPurpose(context, stored.reference()), id);
  }

  /**
   * Imports seizure reports from CSV (see {@link SeizureCsv}) all or nothing; problems name the row
   * and the CSV column.
   */
  @Transactional
  public ImportReport importCsv(AccessContext context, java.io.Reader csv)
      throws java.io.IOException {
    requireReporter(context.caller());
    SeizureCsv.Parsed parsed = SeizureCsv.read(csv, context.caller().agency());
    var problems = new ArrayList<>(parsed.problems());
    if (parsed.drafts().isEmpty() && problems.isEmpty()) {
      problems.add(new FieldProblem(0, "", "the file has no data rows"));
    }
    var drafts = parsed.drafts();
    if (problems.isEmpty()) {
      ImportReport report = importAll(context, drafts);
      return new ImportReport(
          report.rows(),
          report.stored(),
          report.problems().stream().map(SeizureCsv::inColumns).toList(),
          report.ids());
    }
    // report the rule problems of the rows that did parse too, so one run shows everything
    Instant now = clock.instant();
    for (int row = 0; row < drafts.size(); row++) {
      if (drafts.get(row) != null) {
        var found = new ArrayList<FieldProblem>();
        SeizureRules.check(drafts.get(row), now, row + 1, found, limits);
        found.stream().map(SeizureCsv::inColumns).forEach(problems::add);
      }
    }
    problems.sort(java.util.Comparator.comparingInt(FieldProblem::row));
    return new ImportReport(drafts.size(), 0, problems, List.of());
  }

  /**
   * Imports seizure reports all or nothing: every row is checked first, and if any rule is broken
   * nothing is stored and the report lists every problem by row and field.
   */
  @Transactional
  public ImportReport importAll(AccessContext context, List<SeizureDraft> drafts) {
    requireReporter(context.caller());
    var problems = new ArrayList<FieldProblem>();
    var checked = new ArrayList<CheckedSeizure>();
    Instant now = clock.instant();
    for (int row = 0; row < drafts.size(); row++) {
      checked.add(SeizureRules.check(drafts.get(row), now, row + 1, problems, limits));
    }
    if (problems.isEmpty()) {
      referenceProblems(context.caller(), checked, problems);
    }
    if (!problems.isEmpty()) {
      return new ImportReport(drafts.size(), 0, problems, List.of());
    }
    var screened = new HashMap<String, Screening>();
    var ids = new ArrayList<String>();
    for (int row = 0; row < checked.size(); row++) {
      try {
        ids.add(store(context, checked.get(row), screened, row + 1));
      } catch (InvalidRequest e) {
        throw new InvalidRequest(
            "row " + (row + 1) + (e.field() == null ? "" : "." + e.field()), e.getMessage());
      }
    }
    audit.record(context, "IMPORT", KIND.name(), null, "WRITTEN", ids.size() + " seizures");
    return new ImportReport(drafts.size(), ids.size(), List.of(), ids);
  }

  /**
   * A reference given twice in one reference scope (agency and compartment) of the file, or held
   * there by a stored seizure, which the reporter may read.
   */
  private void referenceProblems(
      Caller reporter, List<CheckedSeizure> checked, List<FieldProblem> problems) {
    var firstRow = new HashMap<String, Integer>();
    for (int row = 1; row <= checked.size(); row++) {
      CheckedSeizure seizure = checked.get(row - 1);
      String reference = seizure.reference();
      if (reference == null) {
        continue;
      }
      String compartment = seizure.marking().compartment();
      Integer earlier = firstRow.putIfAbsent(compartment + "|" + reference, row);
      if (earlier != null) {
        problems.add(
            new FieldProblem(
                row,
                "reference",
                "reference '" + reference + "' is also on row " + earlier + " of this file"));
        continue;
      }
      var stored = store.holderOfReference(reporter.agency(), compartment, reference);
      if (stored.isPresent()) {
        problems.add(
            new FieldProblem(
                row,
                "reference",
                "reference '" + reference + "' is already used by seizure " + stored.get()));
      }
    }
  }

  /** One seizure with its items, equipment and parties, if the caller may read it. */
  @Transactional(noRollbackFor = org.presstrace.shared.NotFound.class)
  public SeizureDetail get(AccessContext context, String id) {
    SeizureView seizure = reads.one(context, KIND, id, SeizureStore::view);
    List<SeizureDetail.Item> items =
        reads.history(
            context, KIND, id, SeizureStore.ITEMS_SQL, Map.of("id", id), (rs, row) -> item(rs));
    List<SeizureDetail.Equipment> seized =
        reads.history(
            context,
            KIND,
            id,
            SeizureStore.EQUIPMENT_SQL,
            Map.of("id", id),
            (rs, row) -> SeizureStore.equipment(rs));
    var parties =
        reads
            .page(
                context,
                PARTY_KIND,
                Criteria.where("r.seizure_id = :seizure", Map.of("seizure", id)).orderBy("r.seq"),
                new PageQuery(0, PageQuery.MAX_SIZE),
                SeizureStore::party)
            .items();
    return new SeizureDetail(seizure, items, seized, parties);
  }

  /** One page of the seizures the caller may read, newest first. */
  public Page<SeizureView> page(AccessContext context, SeizureFilter filter, PageQuery page) {
    return reads.page(
        context, KIND, filter.criteria().orderBy("r.occurred_at DESC"), page, SeizureStore::view);
  }

  /** Every readable seizure matching {@code filter}, newest first, to {@code sink}. */
  public long export(AccessContext context, SeizureFilter filter, Consumer<SeizureView> sink) {
    return reads.export(
        context, KIND, filter.criteria().orderBy("r.occurred_at DESC"), SeizureStore::view, sink);
  }

  /** People, companies and vehicles the caller may read whose name or identifier matches. */
  public Page<SeizureDetail.Party> parties(AccessContext context, String query, PageQuery page) {
    if (query == null || query.strip().length() < 2) {
      throw new InvalidRequest("q", "search for at least 2 characters of a name or identifier");
    }
    String pattern =
        "%"
            + query
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return reads.page(
        context,
        PARTY_KIND,
        Criteria.search(
                "LOWER(r.name) LIKE :q ESCAPE '\\' OR LOWER(r.identifier) LIKE :q ESCAPE '\\'",
                Map.of("q", pattern))
            .orderBy("r.name"),
        page,
        SeizureStore::party);
  }

  // ---- writing -------------------------------------------------------------------------------

  private String store(
      AccessContext context, CheckedSeizure checked, Map<String, Screening> screened, int row) {
    Caller reporter = context.caller();
    Marking marking = marking(reporter, checked.marking());
    String reference = reference(reporter, marking, checked);
    String id = UUID.randomUUID().toString();
    var items = new ArrayList<SeizureItem>();
    for (int i = 0; i < checked.items().size(); i++) {
      SeizureItem item = checked.items().get(i);
      items.add(item.screened(screen(item, screened, "items[" + i + "]")));
    }
    AccessContext seizing = withPurpose(context, reference);
    var day = checked.occurredAt().toLocalDate();
    // the seizure row goes first so that alerts and equipment rows can point at it
    Seizure seizure =
        Seizure.record(
            new SeizureView(
                id,
                reference,
                checked.occurredAt().toOffsetDateTime(),
                checked.occurredAt().getZone().getId(),
                checked.month(),
                checked.fiscalYear(),
                checked.context(),
                checked.portOfEntry(),
                checked.region(),
                checked.place(),
                checked.latitude(),
                checked.longitude(),
                checked.narrative(),
                items.size(),
                checked.presses(),
                checked.equipment().size(),
                0,
                reporter.username(),
                clock.instant(),
                marking),
            items,
            calculator);
    store.insert(seizure);
    for (int i = 0; i < checked.equipment().size(); i++) {
      var seized = equipment.seize(seizing, id, reference, i + 1, checked.equipment().get(i), day);
      seizure.equipmentTraced(seized);
      store.insertEquipment(id, seized);
    }
    store.saveEquipmentTraced(seizure);
    for (int i = 0; i < checked.parties().size(); i++) {
      var party = checked.parties().get(i);
      store.insertParty(
          new SeizureDetail.Party(
              UUID.randomUUID().toString(),
              id,
              party.kind(),
              party.name(),
              party.identifier(),
              party.role(),
              party.details(),
              marking),
          i + 1);
    }
    seizure.recordedEvents().forEach(events::publishEvent);
    return id;
  }

  private Screening screen(SeizureItem item, Map<String, Screening> screened, String at) {
    String key =
        item.substance().toLowerCase(Locale.ROOT) + "|" + (item.cas() == null ? "" : item.cas());
    Screening known = screened.get(key);
    if (known != null) {
      return known;
    }
    ScreeningResult result;
    try {
      result = substances.screen(null, item.substance(), item.cas());
    } catch (InvalidRequest e) {
      throw new InvalidRequest(
          at + "." + (e.field() == null ? "substance" : e.field()), e.getMessage());
    }
    Screening verdict = Screening.of(result);
    screened.put(key, verdict);
    return verdict;
  }

  /**
   * The reference given, if no seizure of the reporter's agency holds it in the same compartment
   * (or outside any, as the new one); else one PressTrace issues. The one seizure that can clash is
   * one the reporter may read, so naming it reveals nothing (docs/seizures.md).
   */
  private String reference(Caller reporter, Marking marking, CheckedSeizure checked) {
    String reference = checked.reference();
    if (reference == null) {
      return reporter.agency()
          + "-SZ-"
          + checked.month().replace("-", "")
          + "-"
          + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
    store
        .holderOfReference(reporter.agency(), marking.compartment(), reference)
        .ifPresent(
            seizure -> {
              throw new InvalidRequest(
                  "reference",
                  "reference '"
                      + reference
                      + "' is already used by seizure "
                      + seizure
                      + "; choose another, or leave it out and PressTrace issues one");
            });
    return reference;
  }

  private Marking marking(Caller reporter, Marking given) {
    Marking marking =
        new Marking(
            reporter.agency(),
            given.tlp(),
            given.cuiCategory(),
            given.noforn(),
            given.relTo(),
            given.compartment());
    // One answer for a compartment that does not exist and one the caller is not in: two would
    // let anyone probe for compartment codes, which can name operations.
    if (marking.compartment() != null
        && !(reporter.compartments().contains(marking.compartment())
            && directory.compartmentExists(marking.compartment()))) {
      throw new InvalidRequest(
          "marking.compartment", "you are not a member of compartment " + marking.compartment());
    }
    return marking;
  }

  private static void requireReporter(Caller caller) {
    boolean domestic =
        caller.agencyKind() == AgencyKind.FEDERAL
            || caller.agencyKind() == AgencyKind.STATE
            || caller.agencyKind() == AgencyKind.LOCAL;
    if (!domestic || !(caller.has(Role.INVESTIGATOR) || caller.has(Role.SUPERVISOR))) {
      throw new AccessDeniedException(
          "only investigators and supervisors of domestic agencies report seizures");
    }
  }

  private static AccessContext withPurpose(AccessContext context, String reference) {
    return context.purpose() != null
        ? context
        : new AccessContext(
            context.caller(), context.channel(), new Purpose("Seizure report " + reference));
  }

  /** The seizure just written, read back without a second audit entry (the write is audited). */
  private SeizureView storedView(String id) {
    return store.view(id);
  }

  // ---- reading -------------------------------------------------------------------------------

  private SeizureDetail.Item item(ResultSet rs) throws SQLException {
    SeizureItem item = SeizureStore.item(rs);
    Screening screening = item.screening();
    Long pills = item.pillCount();
    var estimates = new ArrayList<DoseEstimate>();
    addEstimate(estimates, DoseMethod.LAB_PURITY, rs.getBigDecimal("fentanyl_mg_lab"), item, null);
    addEstimate(
        estimates, DoseMethod.PILL_CONTENT, rs.getBigDecimal("fentanyl_mg_pills"), item, null);
    addEstimate(
        estimates,
        DoseMethod.ASSUMED_PURITY,
        rs.getBigDecimal("fentanyl_mg_assumed"),
        item,
        rs.getString("assumed_basis"));
    addEstimate(
        estimates, DoseMethod.GROSS_UNADJUSTED, rs.getBigDecimal("fentanyl_mg_gross"), item, null);
    return new SeizureDetail.Item(
        rs.getInt("seq"),
        item.substance(),
        item.cas(),
        screening.status(),
        screening.substanceName(),
        screening.family(),
        screening.reason(),
        item.form(),
        item.net(),
        item.gross(),
        rs.getBigDecimal("net_mg"),
        pills,
        item.imprint(),
        item.colour(),
        item.purityPct(),
        item.mgPerPill(),
        item.shareAtLeast2mgPct(),
        estimates,
        estimates.isEmpty() ? null : estimates.get(0),
        estimates.isEmpty() ? null : calculator.potencyAdjusted(item, estimates.get(0)));
  }

  private void addEstimate(
      List<DoseEstimate> estimates,
      DoseMethod method,
      BigDecimal mg,
      SeizureItem item,
      String storedBasis) {
    if (mg == null) {
      return;
    }
    String assumptions =
        storedBasis != null
            ? storedBasis + calculator.threshold() + calculator.asFentanyl(item)
            : calculator.assumptions(method, item);
    estimates.add(calculator.estimate(method, mg, assumptions));
  }
}
