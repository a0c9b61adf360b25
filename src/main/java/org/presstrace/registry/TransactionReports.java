package org.presstrace.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Criteria;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Role;
import org.presstrace.registry.internal.ComplianceItems;
import org.presstrace.registry.internal.Machines;
import org.presstrace.registry.internal.Registrants;
import org.presstrace.registry.internal.TransactionReport;
import org.presstrace.registry.internal.TransactionReportStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Form 452-like import and export transaction reports: a registrant files the original and receives
 * a registry-issued transaction id, amends it (every version kept, each with its reason) or
 * withdraws it (final). A report filed fewer than the configured lead days before the proposed
 * movement is accepted, marked LATE and queued for compliance. Reads go through {@link
 * GuardedReads}: a registrant reads its own reports, domestic government readers all.
 */
@Service
public class TransactionReports {

  /** The protected kind of import and export transaction reports; every read states a purpose. */
  public static final ProtectedKind KIND = TransactionReportStore.KIND;

  public static final int MAX_ITEMS = 100;

  private final TransactionReportStore store;
  private final Registrants registrants;
  private final Machines machines;
  private final ComplianceItems compliance;
  private final GuardedReads reads;
  private final AuditTrail audit;
  private final Deadlines deadlines;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TransactionReports(
      TransactionReportStore store,
      Registrants registrants,
      Machines machines,
      ComplianceItems compliance,
      GuardedReads reads,
      AuditTrail audit,
      Deadlines deadlines,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.registrants = registrants;
    this.machines = machines;
    this.compliance = compliance;
    this.reads = reads;
    this.audit = audit;
    this.deadlines = deadlines;
    this.events = events;
    this.clock = clock;
  }

  /** Files an original report and issues its transaction id. */
  @Transactional
  public TransactionReportView file(AccessContext context, TransactionReportForm form) {
    RegistrantView registrant = actingRegistrant(context);
    if (form.direction() == null || !form.direction().inAdvance()) {
      throw new InvalidRequest("direction", "direction is required: IMPORT or EXPORT");
    }
    requireMayMove(registrant, form.direction());
    // Every problem of the form is found before it is refused.
    var problems = new Problems();
    TransactionReportForm checked = problems.value(() -> validated(form, form.direction()));
    List<ReportedItem> items =
        problems.value(() -> items(registrant, form.direction(), form.machines()));
    problems.throwIfAny();
    // The filing day is the registrant's day, not UTC's.
    LocalDate today = deadlines.filingDay(clock.instant(), zoneOf(registrant));
    Instant now = clock.instant();
    ReportTiming timing = timing(form.direction(), checked.proposedOn(), today);
    String id = unusedId(today.getYear());
    var report =
        TransactionReport.filed(
            id,
            registrant.id(),
            form.direction(),
            checked.proposedOn(),
            today,
            timing,
            context.caller().username());
    store.insert(report, registrant.agencyCode(), now);
    store.insertVersion(
        id, report.version(), "ORIGINAL", checked, items, null, context.caller().username(), now);
    audit.record(
        context,
        "CREATE",
        TransactionReportStore.KIND.name(),
        id,
        "WRITTEN",
        "ORIGINAL "
            + form.direction()
            + " for "
            + checked.proposedOn()
            + ", "
            + items.size()
            + " items, "
            + timing);
    report.recordedEvents().forEach(events::publishEvent);
    queueIfLate(context, id, registrant, form.direction(), checked.proposedOn(), timing);
    return store.written(id, deadlines);
  }

  /** Amends a report: a new version with its reason; the previous versions are kept. */
  @Transactional
  public TransactionReportView amend(
      AccessContext context, String id, TransactionReportForm form, String reason) {
    RegistrantView registrant = actingRegistrant(context);
    TransactionReport report = own(registrant, id);
    String why = required(reason, "reason", "the reason for the amendment", 1000);
    report.requireAmendable(form.direction());
    var problems = new Problems();
    TransactionReportForm checked = problems.value(() -> validated(form, report.direction()));
    List<ReportedItem> items =
        problems.value(() -> items(registrant, report.direction(), form.machines()));
    problems.throwIfAny();
    ReportTiming timing = timing(report.direction(), checked.proposedOn(), report.filedOn());
    report.amend(form.direction(), checked.proposedOn(), timing, why, context.caller().username());
    int version = report.version();
    Instant now = clock.instant();
    store.insertVersion(
        report.id(), version, "AMENDED", checked, items, why, context.caller().username(), now);
    store.update(report, now);
    audit.record(
        context,
        "AMEND",
        TransactionReportStore.KIND.name(),
        report.id(),
        "WRITTEN",
        "version " + version + ", for " + checked.proposedOn() + ", " + timing + ": " + why);
    report.recordedEvents().forEach(events::publishEvent);
    queueIfLate(context, report.id(), registrant, report.direction(), checked.proposedOn(), timing);
    return store.written(report.id(), deadlines);
  }

  /** Withdraws a report; final. Equipment that already moved under it keeps it. */
  @Transactional
  public TransactionReportView withdraw(AccessContext context, String id, String reason) {
    RegistrantView registrant = actingRegistrant(context);
    TransactionReport report = own(registrant, id);
    String why = required(reason, "reason", "the reason for the withdrawal", 1000);
    TransactionReportVersion last = store.lastVersion(report.id());
    report.withdraw(
        why,
        store.usedByCustodyEvents(report.id()),
        timing(report.direction(), last.proposedOn(), report.filedOn()),
        context.caller().username());
    var content =
        new TransactionReportForm(
            report.direction(),
            last.purpose(),
            last.proposedOn(),
            last.port(),
            last.importer(),
            last.exporter(),
            last.consignee(),
            last.broker(),
            last.machines(),
            last.methodOfTransfer(),
            last.purchaserIdType(),
            last.purchaserIdNumber());
    Instant now = clock.instant();
    store.insertVersion(
        report.id(),
        report.version(),
        "WITHDRAWN",
        content,
        last.machines(),
        why,
        context.caller().username(),
        now);
    store.update(report, now);
    audit.record(
        context, "WITHDRAW", TransactionReportStore.KIND.name(), report.id(), "WRITTEN", why);
    report.recordedEvents().forEach(events::publishEvent);
    return store.written(report.id(), deadlines);
  }

  /** One report with its full history, if the caller may read it. */
  @Transactional(noRollbackFor = NotFound.class)
  public TransactionReportDetail detail(AccessContext context, String typed) {
    String id = TransactionReportId.parse(typed, "id").value();
    TransactionReportView report =
        reads.one(
            context,
            TransactionReportStore.KIND,
            id,
            (rs, row) -> TransactionReportStore.view(rs, deadlines));
    List<TransactionReportVersion> rows =
        reads.history(
            context,
            TransactionReportStore.KIND,
            id,
            TransactionReportStore.HISTORY_SQL,
            Map.of("id", id),
            TransactionReportStore::versionRow);
    return new TransactionReportDetail(report, TransactionReportStore.grouped(rows));
  }

  /** The reports the caller may read, newest movement first: a registrant's own, or all. */
  @Transactional
  public Page<TransactionReportView> page(AccessContext context, PageQuery page) {
    return reads.page(
        context,
        TransactionReportStore.KIND,
        Criteria.all().orderBy("r.proposed_on DESC"),
        page,
        (rs, row) -> TransactionReportStore.view(rs, deadlines));
  }

  /**
   * The reports the caller may read whose proposed movement falls from {@code from} to {@code to}
   * (inclusive) and that are not withdrawn, soonest first.
   */
  @Transactional
  public Page<TransactionReportView> movingBetween(
      AccessContext context, LocalDate from, LocalDate to, PageQuery page) {
    return reads.page(
        context,
        TransactionReportStore.KIND,
        Criteria.where(
                "r.proposed_on BETWEEN :movingFrom AND :movingTo AND r.status <> 'WITHDRAWN'",
                Map.of("movingFrom", from, "movingTo", to))
            .orderBy("r.proposed_on, r.id"),
        page,
        (rs, row) -> TransactionReportStore.view(rs, deadlines));
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * A random id of {@code year} no report holds yet. Forty random bits make a clash rare; the
   * primary key still refuses one that slips between the look and the insert.
   */
  private String unusedId(int year) {
    for (int attempt = 0; attempt < 8; attempt++) {
      String id = TransactionReportId.issue(year).value();
      if (store.load(id).isEmpty()) {
        return id;
      }
    }
    throw new IllegalStateException("no unused transaction id of " + year + " after 8 draws");
  }

  private void queueIfLate(
      AccessContext context,
      String id,
      RegistrantView registrant,
      ReportKind direction,
      LocalDate proposedOn,
      ReportTiming timing) {
    if (timing != ReportTiming.LATE) {
      return;
    }
    compliance
        .raise(
            ComplianceKind.LATE_REPORT,
            "transaction-report:" + id,
            registrant.id(),
            null,
            id,
            direction
                + " transaction report "
                + id
                + " of "
                + registrant.label()
                + " was filed after "
                + deadlines.due(direction, proposedOn)
                + ", fewer than "
                + deadlines.importExportLeadDays()
                + " days before the movement on "
                + proposedOn,
            deadlines.due(direction, proposedOn),
            clock.instant())
        .ifPresent(
            item ->
                audit.record(
                    context,
                    "CREATE",
                    ComplianceItems.KIND_NAME,
                    item,
                    "WRITTEN",
                    "LATE_REPORT for " + id));
  }

  private ReportTiming timing(ReportKind direction, LocalDate proposedOn, LocalDate filedOn) {
    return filedOn.isAfter(deadlines.due(direction, proposedOn))
        ? ReportTiming.LATE
        : ReportTiming.ON_TIME;
  }

  private TransactionReportForm validated(TransactionReportForm form, ReportKind direction) {
    var problems = new Problems();
    String purpose = problems.value(() -> required(form.purpose(), "purpose", "purpose", 500));
    if (form.proposedOn() == null) {
      problems.add("proposedOn", "the proposed movement day is required");
    } else if (form.proposedOn().isBefore(today())) {
      problems.add(
          "proposedOn",
          "the proposed movement day "
              + form.proposedOn()
              + " is in the past: a transaction report is filed before the movement");
    }
    String port =
        problems.value(
            () ->
                required(
                    form.port(),
                    "port",
                    direction == ReportKind.IMPORT ? "the port of entry" : "the port of exit",
                    100));
    Party importer = problems.value(() -> party(form.importer(), "importer", true));
    Party exporter = problems.value(() -> party(form.exporter(), "exporter", true));
    Party consignee = problems.value(() -> party(form.consignee(), "consignee", false));
    String broker = form.broker() == null || form.broker().isBlank() ? null : form.broker().strip();
    if (broker != null && broker.length() > 200) {
      problems.add("broker", "broker or forwarder is longer than 200 characters");
    }
    String method =
        problems.value(
            () -> choice(TransferMethod.class, form.methodOfTransfer(), "methodOfTransfer"));
    String idType =
        problems.value(
            () -> choice(PurchaserIdType.class, form.purchaserIdType(), "purchaserIdType"));
    String idNumber =
        problems.value(() -> optional(form.purchaserIdNumber(), "purchaserIdNumber", 40));
    if (idNumber != null && idType == null && !problems.refused("purchaserIdType")) {
      problems.add(
          "purchaserIdType", "give the type of the purchaser's identification with its number");
    }
    if (idType != null && idNumber == null && !problems.refused("purchaserIdNumber")) {
      problems.add(
          "purchaserIdNumber", "give the number of the purchaser's " + idType + " identification");
    }
    problems.throwIfAny();
    return new TransactionReportForm(
        direction,
        purpose,
        form.proposedOn(),
        port,
        importer,
        exporter,
        consignee,
        broker,
        form.machines(),
        method,
        idType,
        idNumber);
  }

  private static Party party(Party party, String field, boolean needed) {
    if (party == null || (party.name() == null || party.name().isBlank()) && !needed) {
      if (needed) {
        throw new InvalidRequest(field, "the " + field + " is required");
      }
      return null;
    }
    var problems = new Problems();
    String name =
        problems.value(
            () -> required(party.name(), field + ".name", "the " + field + "'s name", 200));
    var country =
        problems.value(
            () ->
                CountryCode.parse(
                    party.country() == null ? "" : party.country(), field + ".country"));
    String address = problems.value(() -> optional(party.address(), field + ".address", 500));
    String registration =
        problems.value(() -> optional(party.registration(), field + ".registration", 40));
    problems.throwIfAny();
    if (registration != null && country.alpha3().equals("USA")) {
      try {
        registration = new DeaRegistrationNumber(registration).value();
      } catch (InvalidRequest e) {
        // The same rule, named after the party's field.
        throw new InvalidRequest(field + ".registration", e.getMessage());
      }
    }
    return new Party(name, country.alpha3(), address, registration);
  }

  private static String optional(String text, String field, int limit) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.strip().length() > limit) {
      throw new InvalidRequest(field, field + " is longer than " + limit + " characters");
    }
    return text.strip();
  }

  private static <E extends Enum<E>> String choice(Class<E> type, String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)).name();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(
          field,
          field
              + " '"
              + text.strip()
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /**
   * The items with make, model and serial: an export names equipment the registrant holds by id; an
   * import describes equipment not yet registered.
   */
  private List<ReportedItem> items(
      RegistrantView registrant, ReportKind direction, List<ReportedItem> given) {
    if (given == null || given.isEmpty()) {
      throw new InvalidRequest("machines", "name at least one machine or part");
    }
    if (given.size() > MAX_ITEMS) {
      throw new InvalidRequest("machines", "at most " + MAX_ITEMS + " items per report");
    }
    var items = new ArrayList<ReportedItem>();
    var problems = new Problems();
    for (int i = 0; i < given.size(); i++) {
      int index = i;
      ReportedItem item =
          problems.value(
              () -> item(registrant, direction, given.get(index), "machines[" + index + "]"));
      if (item != null) {
        items.add(item);
      }
    }
    problems.throwIfAny();
    return items;
  }

  /** One item of a report, checked; {@code field} names it in a problem. */
  private ReportedItem item(
      RegistrantView registrant, ReportKind direction, ReportedItem item, String field) {
    if (item == null) {
      throw new InvalidRequest(field, "an item is required");
    }
    if (direction == ReportKind.EXPORT) {
      String machineId =
          required(item.machineId(), field + ".machineId", "the machine's registry id", 36);
      boolean held = machines.holderOf(machineId).filter(registrant.id()::equals).isPresent();
      if (!held) {
        throw new InvalidRequest(
            field + ".machineId", "machine '" + machineId + "' is not one you hold");
      }
      MachineView machine = machines.written(machineId);
      return new ReportedItem(machine.id(), machine.make(), machine.model(), machine.serial());
    }
    if (item.machineId() != null && !item.machineId().isBlank()) {
      throw new InvalidRequest(
          field + ".machineId",
          "an import report describes equipment not yet registered: give make, model and"
              + " serial");
    }
    var problems = new Problems();
    String make = problems.value(() -> required(item.make(), field + ".make", "make", 100));
    String model = problems.value(() -> required(item.model(), field + ".model", "model", 100));
    String serial = problems.value(() -> required(item.serial(), field + ".serial", "serial", 64));
    if (serial != null) {
      try {
        new SerialNumber(serial);
      } catch (InvalidRequest bad) {
        problems.add(field + ".serial", bad.getMessage());
      }
    }
    problems.throwIfAny();
    return new ReportedItem(null, make, model, serial);
  }

  private static void requireMayMove(RegistrantView registrant, ReportKind direction) {
    var allowed =
        direction == ReportKind.IMPORT ? RegistrantCategory.IMPORTER : RegistrantCategory.EXPORTER;
    if (registrant.category() != allowed
        && registrant.category() != RegistrantCategory.MANUFACTURER) {
      throw new ConflictingState(
          registrant.label()
              + " is a "
              + registrant.category()
              + ": only "
              + allowed.name().toLowerCase(java.util.Locale.ROOT)
              + "s and manufacturers file "
              + direction.name().toLowerCase(java.util.Locale.ROOT)
              + " reports");
    }
    if (!registrant.active()) {
      throw new ConflictingState(
          registrant.label()
              + " is "
              + registrant.status()
              + ": only active registrants file transaction reports");
    }
  }

  /** The report, if {@code registrant} filed it; otherwise it is not found (existence hidden). */
  private TransactionReport own(RegistrantView registrant, String typed) {
    String id = TransactionReportId.parse(typed, "id").value();
    return store
        .load(id)
        .filter(report -> report.registrantId().equals(registrant.id()))
        .orElseThrow(() -> new NotFound(TransactionReportStore.KIND.name(), id));
  }

  private RegistrantView actingRegistrant(AccessContext context) {
    if (!context.caller().has(Role.REGISTRANT)) {
      throw new AccessDeniedException("only users of a registered registrant file its reports");
    }
    return registrants
        .byAgency(context.caller().agency())
        .orElseThrow(
            () ->
                new AccessDeniedException(
                    "only users of a registered registrant file its reports"));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private String zoneOf(RegistrantView registrant) {
    return registrants.timeZone(registrant.id()).orElse(null);
  }

  private static String required(String text, String field, String name, int limit) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequest(field, name + " is required");
    }
    if (text.strip().length() > limit) {
      throw new InvalidRequest(field, name + " is longer than " + limit + " characters");
    }
    return text.strip();
  }
}
