package org.presstrace.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.registry.internal.ComplianceCandidates;
import org.presstrace.registry.internal.ComplianceCandidates.Acquisition;
import org.presstrace.registry.internal.ComplianceCandidates.ExpiringRegistration;
import org.presstrace.registry.internal.ComplianceCandidates.LateReport;
import org.presstrace.registry.internal.ComplianceCandidates.ReportedEvent;
import org.presstrace.registry.internal.ComplianceItems;
import org.presstrace.registry.internal.ComplianceProperties;
import org.presstrace.registry.internal.Machines;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance queue: late and missing reports, expiring registrations and unusual acquisitions.
 * A sweep raises items idempotently (each kind and subject once); investigators, analysts and
 * supervisors of domestic agencies list them, assign them and resolve them with a note.
 */
@Service
public class ComplianceQueue {

  /** The queue is worked by these roles, in a domestic agency. */
  static final List<Role> WORKERS = List.of(Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);

  private static final List<String> MACHINE_KINDS =
      Arrays.stream(EquipmentKind.values()).filter(EquipmentKind::machine).map(Enum::name).toList();

  private final ComplianceItems items;
  private final ComplianceCandidates candidates;
  private final Directory directory;
  private final AuditTrail audit;
  private final Deadlines deadlines;
  private final Registry registry;
  private final Clock clock;
  private final int unusualAcquisitions;
  private final int expiringDays;
  private final int windowDays;
  private final int receiptDays;
  private final Map<String, String> counterfeitImprints;
  private final boolean oralNoticeRequired;
  private final org.presstrace.registry.internal.Receipts receipts;

  ComplianceQueue(
      ComplianceItems items,
      ComplianceCandidates candidates,
      Directory directory,
      AuditTrail audit,
      Deadlines deadlines,
      Registry registry,
      Clock clock,
      ComplianceProperties settings,
      org.presstrace.registry.internal.Receipts receipts) {
    this.receipts = receipts;
    this.receiptDays = settings.receiptDays();
    this.oralNoticeRequired = settings.oralNoticeRequired();
    this.counterfeitImprints = new LinkedHashMap<>();
    for (String imprint : settings.counterfeitImprints()) {
      if (!ComplianceProperties.imprintKey(imprint).isEmpty()) {
        counterfeitImprints.putIfAbsent(ComplianceProperties.imprintKey(imprint), imprint.strip());
      }
    }
    this.items = items;
    this.candidates = candidates;
    this.directory = directory;
    this.audit = audit;
    this.deadlines = deadlines;
    this.registry = registry;
    this.clock = clock;
    this.unusualAcquisitions = settings.unusualAcquisitions();
    this.expiringDays = settings.expiringDays();
    this.windowDays = settings.windowDays();
  }

  /** How many items of each kind one sweep raised. */
  public record SweepResult(Map<ComplianceKind, Integer> raised) {}

  /** A sweep started by a supervisor of a domestic agency. */
  @Transactional
  public SweepResult sweepNow(AccessContext context) {
    requireWorker(context.caller());
    if (!context.caller().has(Role.SUPERVISOR)) {
      throw new AccessDeniedException("only supervisors start a sweep");
    }
    return sweep(context);
  }

  /**
   * Raises every item due as of today that is not in the queue yet. Custody events reported or
   * happening within the window (90 days) are judged; each raised item is audited as written by
   * {@code context}.
   */
  @Transactional
  public SweepResult sweep(AccessContext context) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    var raised = new EnumMap<ComplianceKind, Integer>(ComplianceKind.class);
    for (ComplianceKind kind : ComplianceKind.values()) {
      raised.put(kind, 0);
    }
    registry.recordLapsedRegistrations(context);
    sweepCustodyEvents(context, today, raised);
    sweepLateTransactionReports(context, raised);
    sweepExpiringRegistrations(context, today, raised);
    sweepUnusualAcquisitions(context, today, raised);
    sweepUnconfirmedTransfers(context, raised);
    sweepCounterfeitImprints(context, raised);
    sweepOralNotices(context, raised);
    return new SweepResult(raised);
  }

  private void sweepCustodyEvents(
      AccessContext context, LocalDate today, Map<ComplianceKind, Integer> raised) {
    for (ReportedEvent row : candidates.custodyEventsSince(today.minusDays(windowDays))) {
      ReportKind duty = Machines.duty(row.type(), row.agency());
      if (duty == null) {
        continue;
      }
      LocalDate filed =
          duty.inAdvance()
              ? row.reportFiledOn()
              : deadlines.filingDay(row.reportedAt(), row.zone());
      // Judged on the registrant's clock: a report may still be on time there.
      LocalDate asOf = deadlines.filingDay(clock.instant(), row.zone());
      // A loss or theft found later runs from the day it was found.
      LocalDate from = row.discoveredOn() == null ? row.occurredOn() : row.discoveredOn();
      ReportTiming timing = deadlines.timing(duty, from, filed, asOf);
      LocalDate due = deadlines.due(duty, from);
      String what = duty.name().toLowerCase(Locale.ROOT) + " report for " + row.type();
      if (timing == ReportTiming.LATE) {
        raise(
            context,
            raised,
            ComplianceKind.LATE_REPORT,
            "custody-event:" + row.id(),
            row.registrant(),
            row.machineId(),
            null,
            what + " on " + row.occurredOn() + " was due by " + due + " and filed on " + filed,
            due);
      } else if (timing == ReportTiming.MISSING) {
        raise(
            context,
            raised,
            ComplianceKind.MISSING_REPORT,
            "custody-event:" + row.id(),
            row.registrant(),
            row.machineId(),
            null,
            what
                + " on "
                + row.occurredOn()
                + " was due by "
                + due
                + " and none is on file"
                + (row.transactionId() == null ? "" : " under '" + row.transactionId() + "'"),
            due);
      }
    }
  }

  private void sweepLateTransactionReports(
      AccessContext context, Map<ComplianceKind, Integer> raised) {
    for (LateReport report : candidates.lateReportsNotQueued()) {
      LocalDate due = deadlines.due(report.direction(), report.proposedOn());
      raise(
          context,
          raised,
          ComplianceKind.LATE_REPORT,
          "transaction-report:" + report.id(),
          report.registrant(),
          null,
          report.id(),
          report.direction()
              + " transaction report "
              + report.id()
              + " was filed after its due day "
              + due
              + " for the movement on "
              + report.proposedOn(),
          due);
    }
  }

  private void sweepUnconfirmedTransfers(
      AccessContext context, Map<ComplianceKind, Integer> raised) {
    var before = clock.instant().minus(java.time.Duration.ofDays(receiptDays));
    for (TransferReceipt receipt : receipts.pendingSince(before)) {
      String summary =
          "the sale of machine "
              + receipt.machineId()
              + " by "
              + registry.registrant(receipt.seller()).label()
              + " to "
              + registry.registrant(receipt.buyer()).label()
              + ", recorded on "
              + receipt.openedAt()
              + ", is not confirmed by the buyer after "
              + receiptDays
              + " days";
      raise(
          context,
          raised,
          ComplianceKind.UNCONFIRMED_TRANSFER,
          "transfer-receipt:" + receipt.machineId() + ":" + receipt.seq(),
          receipt.buyer(),
          receipt.machineId(),
          null,
          summary,
          null);
    }
  }

  /**
   * A domestic sale is told to DEA orally when the order is placed (21 CFR 1310.05): a sale
   * recorded without the notice, or with one after the order day (the shipment day when the order
   * day was not given), is a missing or late report of its seller.
   */
  private void sweepOralNotices(AccessContext context, Map<ComplianceKind, Integer> raised) {
    if (!oralNoticeRequired) {
      return;
    }
    var since = clock.instant().minus(java.time.Duration.ofDays(windowDays));
    for (var sale : receipts.salesSince(since)) {
      LocalDate due = sale.orderedOn() != null ? sale.orderedOn() : sale.shippedOn();
      String order =
          sale.orderedOn() != null
              ? "ordered on " + sale.orderedOn()
              : "order day not given, shipped on " + sale.shippedOn();
      String what =
          "oral notice to DEA of the sale of machine "
              + sale.machineId()
              + " by "
              + registry.registrant(sale.seller()).label()
              + " ("
              + order
              + ")";
      String subject = "oral-notice:" + sale.machineId() + ":" + sale.seq();
      if (sale.noticeAt() == null) {
        raise(
            context,
            raised,
            ComplianceKind.MISSING_REPORT,
            subject,
            sale.seller(),
            sale.machineId(),
            null,
            what + " was due by " + due + " and none is on file",
            due);
        continue;
      }
      LocalDate told = deadlines.filingDay(sale.noticeAt(), sale.sellerZone());
      if (told.isAfter(due)) {
        raise(
            context,
            raised,
            ComplianceKind.LATE_REPORT,
            subject,
            sale.seller(),
            sale.machineId(),
            null,
            what + " was due by " + due + " and given on " + told,
            due);
      }
    }
  }

  private void sweepCounterfeitImprints(
      AccessContext context, Map<ComplianceKind, Integer> raised) {
    if (counterfeitImprints.isEmpty()) {
      return;
    }
    for (var tooling : candidates.imprintedToolingOfNonManufacturers()) {
      String listed = counterfeitImprints.get(ComplianceProperties.imprintKey(tooling.imprint()));
      if (listed == null) {
        continue;
      }
      raise(
          context,
          raised,
          ComplianceKind.COUNTERFEIT_IMPRINT,
          "counterfeit-imprint:" + tooling.machineId() + ":" + tooling.holder(),
          tooling.holder(),
          tooling.machineId(),
          null,
          "machine "
              + tooling.machineId()
              + " is stamped '"
              + tooling.imprint()
              + "', read as the counterfeit imprint "
              + listed
              + ", and is held by "
              + tooling.holderLabel()
              + ", a "
              + tooling.category()
              + ", not a manufacturer",
          null);
    }
  }

  private void sweepExpiringRegistrations(
      AccessContext context, LocalDate today, Map<ComplianceKind, Integer> raised) {
    for (ExpiringRegistration registration :
        candidates.registrationsExpiring(today, today.plusDays(expiringDays))) {
      raise(
          context,
          raised,
          ComplianceKind.EXPIRING_REGISTRATION,
          "registrant:" + registration.registrantId() + ":" + registration.expiresOn(),
          registration.registrantId(),
          null,
          null,
          "the registration of " + registration.label() + " expires on " + registration.expiresOn(),
          registration.expiresOn());
    }
  }

  private void sweepUnusualAcquisitions(
      AccessContext context, LocalDate today, Map<ComplianceKind, Integer> raised) {
    List<Acquisition> acquisitions =
        candidates.acquisitionsAfter(today.minusDays(30), MACHINE_KINDS);
    Map<String, List<String>> byRegistrant = new LinkedHashMap<>();
    for (Acquisition acquisition : acquisitions) {
      byRegistrant
          .computeIfAbsent(acquisition.registrant(), key -> new ArrayList<>())
          .add(acquisition.eventId());
    }
    byRegistrant.forEach(
        (registrant, events) -> {
          if (events.size() <= unusualAcquisitions
              || items.openFor(ComplianceKind.UNUSUAL_ACQUISITIONS, registrant)) {
            return;
          }
          // Keyed by the latest acquisition: once resolved, only a further one raises it again.
          raise(
              context,
              raised,
              ComplianceKind.UNUSUAL_ACQUISITIONS,
              "registrant:" + registrant + ":" + events.get(events.size() - 1),
              registrant,
              null,
              null,
              "registrant acquired "
                  + events.size()
                  + " machines in the 30 days to "
                  + today
                  + " (threshold "
                  + unusualAcquisitions
                  + ")",
              null);
        });
  }

  private void raise(
      AccessContext context,
      Map<ComplianceKind, Integer> raised,
      ComplianceKind kind,
      String subject,
      String registrant,
      String machine,
      String report,
      String summary,
      LocalDate due) {
    items
        .raise(kind, subject, registrant, machine, report, summary, due, clock.instant())
        .ifPresent(
            id -> {
              audit.record(context, "CREATE", ComplianceItems.KIND_NAME, id, "WRITTEN", summary);
              raised.merge(kind, 1, Integer::sum);
            });
  }

  // ---- working the queue ---------------------------------------------------------------------

  /** Items by status (OPEN, RESOLVED, or all when blank) and kind, oldest first. */
  @Transactional
  public List<ComplianceItem> list(
      AccessContext context, String status, String kind, PageQuery page) {
    requireWorker(context.caller());
    ComplianceStatus wantedStatus = parse(ComplianceStatus.class, status, "status");
    ComplianceKind wantedKind = parse(ComplianceKind.class, kind, "kind");
    List<ComplianceItem> found = items.list(wantedStatus, wantedKind, page.size(), page.offset());
    audit.record(
        context,
        "LIST",
        ComplianceItems.KIND_NAME,
        null,
        "SHOWN",
        found.size() + " items" + (status == null ? "" : ", status " + status));
    return found;
  }

  /** The caller's open items, earliest due first, the first {@code limit} of {@code total}. */
  public record Assigned(List<ComplianceItem> items, long total) {}

  /** The open items assigned to the caller, earliest due first; recorded like a list. */
  @Transactional
  public Assigned assignedToMe(AccessContext context, int limit) {
    requireWorker(context.caller());
    String me = context.caller().username();
    long total = items.countOpenAssignedTo(me);
    List<ComplianceItem> found = items.openAssignedTo(me, limit);
    audit.record(
        context,
        "LIST",
        ComplianceItems.KIND_NAME,
        null,
        "SHOWN",
        found.size() + " of " + total + " open items assigned to " + me);
    return new Assigned(found, total);
  }

  /** Assigns an open item to an investigator, analyst or supervisor of a domestic agency. */
  @Transactional
  public ComplianceItem assign(AccessContext context, String id, String assignee) {
    requireWorker(context.caller());
    ComplianceItem item = open(id, "reassigned");
    if (assignee == null || assignee.isBlank()) {
      throw new InvalidRequest("assignee", "the assignee's username is required");
    }
    Caller to =
        directory
            .caller(assignee.strip())
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "assignee", "no enabled user is called '" + assignee.strip() + "'"));
    if (!worker(to)) {
      throw new InvalidRequest(
          "assignee",
          "user '"
              + to.username()
              + "' does not work the queue: only investigators, analysts and supervisors of"
              + " domestic agencies do");
    }
    items.assign(item.id(), to.username(), clock.instant());
    audit.record(
        context, "ASSIGN", ComplianceItems.KIND_NAME, item.id(), "WRITTEN", "to " + to.username());
    return items.byId(item.id()).orElseThrow();
  }

  /** Resolves an open item with a note; final. */
  @Transactional
  public ComplianceItem resolve(AccessContext context, String id, String note) {
    requireWorker(context.caller());
    ComplianceItem item = open(id, "resolved again");
    if (note == null || note.isBlank()) {
      throw new InvalidRequest("note", "a note saying how the item was resolved is required");
    }
    if (note.strip().length() > 2000) {
      throw new InvalidRequest("note", "the note is longer than 2000 characters");
    }
    Instant now = clock.instant();
    items.resolve(item.id(), context.caller().username(), note.strip(), now);
    audit.record(context, "RESOLVE", ComplianceItems.KIND_NAME, item.id(), "WRITTEN", note.strip());
    return items.byId(item.id()).orElseThrow();
  }

  private ComplianceItem open(String id, String what) {
    ComplianceItem item =
        items.byId(id).orElseThrow(() -> new NotFound(ComplianceItems.KIND_NAME, id));
    if (item.status() == ComplianceStatus.RESOLVED) {
      throw new ConflictingState(
          "compliance item " + id + " is RESOLVED: a resolved item is not " + what);
    }
    return item;
  }

  private static void requireWorker(Caller caller) {
    if (!worker(caller)) {
      throw new AccessDeniedException(
          "only investigators, analysts and supervisors of domestic agencies work the compliance"
              + " queue");
    }
  }

  static boolean worker(Caller caller) {
    boolean domestic =
        caller.agencyKind() == AgencyKind.FEDERAL
            || caller.agencyKind() == AgencyKind.STATE
            || caller.agencyKind() == AgencyKind.LOCAL;
    return domestic && WORKERS.stream().anyMatch(caller::has);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException bad) {
      throw new InvalidRequest(
          field,
          field + " '" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
