package org.presstrace.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Derivations;
import org.presstrace.access.DerivedMarking;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.registry.internal.Machine;
import org.presstrace.registry.internal.Machines;
import org.presstrace.registry.internal.Registrant;
import org.presstrace.registry.internal.Registrants;
import org.presstrace.registry.internal.TransactionReport;
import org.presstrace.registry.internal.TransactionReportStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's writes: registrants and their status, equipment and its custody changes. Each
 * change is checked by the aggregate, stored with its custody event in one transaction, audited,
 * and published as a past-tense event.
 *
 * <p>Who may: administrators of the operator agency manage registrants; a registrant's users act
 * for it on the equipment it holds; investigators and supervisors of domestic agencies seize,
 * forfeit, destroy seized equipment, recover and report serial tampering.
 */
@Service
public class Registry {

  private static final int NAME_LIMIT = 200;

  private final Registrants registrants;
  private final Machines machines;
  private final TransactionReportStore reports;
  private final Directory directory;
  private final AuditTrail audit;
  private final Deadlines deadlines;
  private final ApplicationEventPublisher events;
  private final SerialConflicts conflicts;
  private final Clock clock;
  private final Derivations derivations;
  private final RegistrationTerms terms;
  private final org.presstrace.registry.internal.Receipts receipts;

  Registry(
      Registrants registrants,
      Machines machines,
      TransactionReportStore reports,
      Directory directory,
      AuditTrail audit,
      Deadlines deadlines,
      ApplicationEventPublisher events,
      SerialConflicts conflicts,
      Clock clock,
      Derivations derivations,
      RegistrationTerms terms,
      org.presstrace.registry.internal.Receipts receipts) {
    this.terms = terms;
    this.receipts = receipts;
    this.conflicts = conflicts;
    this.derivations = derivations;
    this.registrants = registrants;
    this.machines = machines;
    this.reports = reports;
    this.directory = directory;
    this.audit = audit;
    this.deadlines = deadlines;
    this.events = events;
    this.clock = clock;
  }

  // ---- registrants ---------------------------------------------------------------------------

  /**
   * Registers an applicant as PENDING, with an access agency of kind REGISTRANT whose users act for
   * it.
   */
  @Transactional
  public RegistrantView register(AccessContext context, NewRegistrant application) {
    requireOperatorAdministrator(context);
    var country =
        CountryCode.parse(application.country() == null ? "USA" : application.country(), "country");
    String number = "PPR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    String agency = "R-" + number.substring(4);
    String legalName = required(application.legalName(), "legalName", "legal name");
    validate(application);
    directory.ensureAgency(agency, legalName, AgencyKind.REGISTRANT, country.alpha3());
    return insert(context, application, number, agency);
  }

  /**
   * Registers an applicant as PENDING for an existing access agency of kind REGISTRANT, whose users
   * then act for it.
   */
  @Transactional
  public RegistrantView registerFor(
      AccessContext context, String agencyCode, NewRegistrant application) {
    requireOperatorAdministrator(context);
    var agency =
        directory
            .agency(agencyCode)
            .orElseThrow(
                () -> new InvalidRequest("agency", "agency '" + agencyCode + "' does not exist"));
    if (agency.kind() != AgencyKind.REGISTRANT) {
      throw new InvalidRequest(
          "agency", "agency " + agencyCode + " is " + agency.kind() + ", not REGISTRANT");
    }
    if (registrants.byAgency(agencyCode).isPresent()) {
      throw new ConflictingState("agency " + agencyCode + " already stands for a registrant");
    }
    validate(application);
    String number = "PPR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return insert(context, application, number, agencyCode);
  }

  private static void validate(NewRegistrant application) {
    required(application.legalName(), "legalName", "legal name");
    if (application.category() == null) {
      throw new InvalidRequest("category", "category is required");
    }
    required(application.address(), "address", "business address", 500);
    DeaRegistrationNumber.ofNullable(application.deaNumber());
    if (application.contact() != null && application.contact().strip().length() > 200) {
      throw new InvalidRequest("contact", "contact is longer than 200 characters");
    }
    zone(application.timeZone());
  }

  /** The IANA zone named by {@code text}, or null when none is named. */
  private static java.time.ZoneId zone(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return java.time.ZoneId.of(text.strip());
    } catch (java.time.DateTimeException e) {
      throw new InvalidRequest(
          "timeZone",
          "timeZone '"
              + text.strip()
              + "' is not a time zone; give an IANA zone such as America/Los_Angeles");
    }
  }

  /**
   * The time zone {@code registrantId} files in: its own, else the configured default. A report's
   * filing day is the day on this clock.
   */
  public java.time.ZoneId filingZone(String registrantId) {
    return deadlines.zone(registrants.timeZone(registrantId).orElse(null));
  }

  private RegistrantView insert(
      AccessContext context, NewRegistrant application, String number, String agency) {
    var dea = DeaRegistrationNumber.ofNullable(application.deaNumber());
    String id = UUID.randomUUID().toString();
    String legalName = application.legalName().strip();
    Registrant registrant =
        Registrant.applied(id, legalName + " (" + number + ")", context.caller().username());
    registrants.insert(
        id,
        number,
        agency,
        legalName,
        blankToNull(application.tradeName()),
        application.category(),
        dea == null ? null : dea.value(),
        application.address().strip(),
        blankToNull(application.contact()),
        java.util.Optional.ofNullable(zone(application.timeZone()))
            .map(java.time.ZoneId::getId)
            .orElse(null));
    registrants.save(registrant);
    audit.record(context, "CREATE", "registrant", id, "WRITTEN", number + " " + legalName);
    registrant.recordedEvents().forEach(events::publishEvent);
    return registrant(id);
  }

  /** Activates or renews the registration for a term (configured, a year by default) from today. */
  @Transactional
  public RegistrantView activate(AccessContext context, String id, String reason) {
    return changeStatus(context, id, RegistrantStatus.ACTIVE, reason);
  }

  /** Suspends an active registration: the registrant may no longer acquire or sell. */
  @Transactional
  public RegistrantView suspend(AccessContext context, String id, String reason) {
    return changeStatus(context, id, RegistrantStatus.SUSPENDED, reason);
  }

  /** Revokes a registration; final. */
  @Transactional
  public RegistrantView revoke(AccessContext context, String id, String reason) {
    return changeStatus(context, id, RegistrantStatus.REVOKED, reason);
  }

  private RegistrantView changeStatus(
      AccessContext context, String id, RegistrantStatus target, String reason) {
    requireOperatorAdministrator(context);
    String why = required(reason, "reason", "reason", 1000);
    Registrant registrant = loadRegistrant(id);
    String by = context.caller().username();
    switch (target) {
      case ACTIVE -> registrant.activate(why, today(), by, terms);
      case SUSPENDED -> registrant.suspend(why, today(), by);
      case REVOKED -> registrant.revoke(why, today(), by);
      default -> throw new IllegalArgumentException("no status change to " + target);
    }
    registrants.save(registrant);
    audit.record(context, target.name(), "registrant", id, "WRITTEN", why);
    registrant.recordedEvents().forEach(events::publishEvent);
    return registrant(id);
  }

  /**
   * Renews an active or lapsed registration for a term (configured, a year by default): from its
   * expiry day while it runs, from today once it has lapsed. Renewal opens the configured window
   * (90 days by default) before expiry; the registrant's own users or operator administrators
   * renew.
   */
  @Transactional
  public RegistrantView renew(AccessContext context, String id, String reason) {
    Registrant registrant = loadRegistrant(id);
    boolean own = registrantOf(context.caller()).filter(r -> r.id().equals(id)).isPresent();
    if (!own) {
      requireOperatorAdministrator(context);
    }
    String why =
        reason == null || reason.isBlank()
            ? "annual renewal"
            : required(reason, "reason", "reason", 1000);
    registrant.renew(why, today(), context.caller().username(), terms);
    registrants.save(registrant);
    audit.record(
        context, "RENEW", "registrant", id, "WRITTEN", why + "; expires " + registrant.expiresOn());
    registrant.recordedEvents().forEach(events::publishEvent);
    return registrant(id);
  }

  /**
   * Records every active registration past its expiry day as EXPIRED, in its status history;
   * returns how many lapsed. Reads already show such a registration as EXPIRED: this makes the
   * lapse a recorded change and ends its certificate.
   */
  @Transactional
  public int recordLapsedRegistrations(AccessContext context) {
    var lapsed = registrants.lapsed(today());
    for (Registrant registrant : lapsed) {
      registrant.expire(today(), context.caller().username());
      registrants.save(registrant);
      for (RegistrationChanged change : registrant.recordedEvents()) {
        audit.record(context, "EXPIRE", "registrant", registrant.id(), "WRITTEN", change.reason());
        events.publishEvent(change);
      }
    }
    return lapsed.size();
  }

  private Registrant loadRegistrant(String id) {
    return registrants.load(id).orElseThrow(() -> new NotFound("registrant", id));
  }

  /** How long a registration runs and when it may be renewed. */
  public RegistrationTerms terms() {
    return terms;
  }

  /** A registrant by id; registration status is open to every signed-in user. */
  public RegistrantView registrant(String id) {
    return registrants.byId(id).orElseThrow(() -> new NotFound("registrant", id));
  }

  /** A registrant by registration number or DEA number, for a seller checking its buyer. */
  public RegistrantView registrantByNumber(String number) {
    return registrants
        .byRegistration(number)
        .orElseThrow(() -> new NotFound("registrant", String.valueOf(number)));
  }

  /** The registrant the caller acts for, if the caller is a registrant user. */
  public java.util.Optional<RegistrantView> registrantOf(Caller caller) {
    return caller.has(Role.REGISTRANT)
        ? registrants.byAgency(caller.agency())
        : java.util.Optional.empty();
  }

  /** What a page says in place of a registrant's name that the reader may not read. */
  public static final String REGISTRANT_OUTSIDE_ACCESS = "a registrant outside your access";

  /**
   * Who reads the registry of registrants (names, numbers, status): domestic government users who
   * read records and administrators; registrants (their own in full, another's public part).
   * Auditors and foreign partners read none of it.
   */
  public static boolean readsRegistrants(Caller caller) {
    boolean government =
        !caller.foreign() && caller.agencyKind() != org.presstrace.access.AgencyKind.REGISTRANT;
    return caller.has(Role.REGISTRANT)
        || (government && (caller.readsRecords() || caller.has(Role.ADMINISTRATOR)));
  }

  /**
   * The names of {@code ids} as {@code caller} may see them on a page: each registrant's legal name
   * and registration number, or {@link #REGISTRANT_OUTSIDE_ACCESS} for a caller who may not read
   * the registry of registrants (and for an id no registrant has).
   */
  @Transactional(readOnly = true)
  public java.util.Map<String, String> registrantNames(
      Caller caller, java.util.Collection<String> ids) {
    var names = new java.util.LinkedHashMap<String, String>();
    boolean reads = readsRegistrants(caller);
    for (String id : ids) {
      if (id == null || names.containsKey(id)) {
        continue;
      }
      names.put(
          id,
          reads
              ? registrants.byId(id).map(RegistrantView::label).orElse(REGISTRANT_OUTSIDE_ACCESS)
              : REGISTRANT_OUTSIDE_ACCESS);
    }
    return names;
  }

  public List<RegistrantView> registrants(String query, int limit, long offset) {
    return registrants.list(query, limit, offset);
  }

  public List<StatusChange> statusHistory(String id) {
    registrant(id);
    return registrants.history(id);
  }

  // ---- equipment -----------------------------------------------------------------------------

  /** Registers equipment held by the caller's registrant. */
  @Transactional
  public MachineView registerMachine(AccessContext context, NewMachine spec) {
    return registerEquipment(context, spec).machine();
  }

  /**
   * Registers equipment held by the caller's registrant, warning when stored equipment of the same
   * make carries a serial that only looks like this one. Serials are unique per make by {@link
   * SerialNumber#identity()}: the same serial in another case or spacing is refused.
   */
  @Transactional
  public MachineRegistration registerEquipment(AccessContext context, NewMachine spec) {
    RegistrantView holder = actingRegistrant(context);
    Prepared prepared = prepare(holder, spec);
    Machine machine = prepared.machine();
    if (spec.installedIn() != null && !spec.installedIn().isBlank()) {
      if (spec.kind().machine()) {
        throw new InvalidRequest("installedIn", "only parts and moulds are installed in a machine");
      }
      boolean holdsIt =
          machines.holderOf(spec.installedIn().strip()).filter(holder.id()::equals).isPresent();
      if (!holdsIt) {
        throw new InvalidRequest(
            "installedIn", "machine '" + spec.installedIn() + "' is not one you hold");
      }
    }
    var stored = machines.registered(spec.make(), machine.serial());
    if (stored.isPresent()) {
      throw new ConflictingState(
          conflicts.refuse(
              context, holder, spec.make(), machine.serial(), stored.get(), "a registration"));
    }
    var warning =
        SerialConflicts.lookAlike(
            holder, machines.lookAlikes(spec.make(), machine.serial(), LOOK_ALIKES_NAMED));
    Instant now = clock.instant();
    machines.insert(
        machine,
        spec,
        spec.origin() == EquipmentOrigin.MANUFACTURED ? holder.id() : null,
        holder.agencyCode(),
        prepared.legacy(),
        now);
    return new MachineRegistration(
        stored(
            context, machine, holder.agencyCode(), now, false, prepared.reportedAt().orElse(now)),
        warning.stream().toList());
  }

  /** How many look-alike serials a registration warning reads. */
  private static final int LOOK_ALIKES_NAMED = 10;

  /**
   * New equipment checked against every rule that does not need the stored equipment: its
   * description, its origin (the aggregate's guards on the holder; an import's covering report),
   * and its days.
   *
   * @param reportedAt for an import, when its transaction report was filed; otherwise empty (now)
   */
  record Prepared(Machine machine, boolean legacy, java.util.Optional<Instant> reportedAt) {}

  Prepared prepare(RegistrantView holder, NewMachine spec) {
    required(spec.make(), "make", "make");
    required(spec.model(), "model", "model");
    if (spec.make().strip().length() > 100 || spec.model().strip().length() > 100) {
      throw new InvalidRequest(
          spec.make().strip().length() > 100 ? "make" : "model",
          "make and model are at most 100 characters each");
    }
    if (spec.kind() == null) {
      throw new InvalidRequest("kind", "kind is required");
    }
    EquipmentSpecs.check(spec);
    if (spec.origin() == null) {
      throw new InvalidRequest("origin", "origin is required (MANUFACTURED, IMPORTED, DECLARED)");
    }
    LocalDate on = spec.occurredOn() == null ? today() : spec.occurredOn();
    if (on.isAfter(today())) {
      throw new InvalidRequest("occurredOn", "day " + on + " is in the future");
    }
    boolean legacy = spec.legacy() && (spec.serial() == null || spec.serial().isBlank());
    if (spec.legacy() && !legacy) {
      throw new InvalidRequest("serial", "legacy equipment has no serial; the registry issues one");
    }
    if (legacy && spec.origin() != EquipmentOrigin.DECLARED) {
      throw new InvalidRequest("origin", "legacy equipment is DECLARED by its holder");
    }
    SerialNumber serial =
        legacy
            ? new SerialNumber(
                "PTL-"
                    + UUID.randomUUID()
                        .toString()
                        .replace("-", "")
                        .substring(0, 10)
                        .toUpperCase(Locale.ROOT))
            : new SerialNumber(spec.serial());
    String id = UUID.randomUUID().toString();
    Machine machine =
        switch (spec.origin()) {
          case MANUFACTURED ->
              Machine.manufactured(id, serial, spec.kind(), holder, spec.location(), on);
          case IMPORTED ->
              Machine.imported(
                  id, serial, spec.kind(), holder, spec.transactionId(), spec.location(), on);
          case DECLARED ->
              Machine.declared(
                  id,
                  serial,
                  spec.kind(),
                  holder,
                  spec.location(),
                  on,
                  legacy ? "legacy equipment without a serial; registry-issued serial" : null);
        };
    if (spec.origin() != EquipmentOrigin.IMPORTED) {
      return new Prepared(machine, legacy, java.util.Optional.empty());
    }
    var report = coveringReport(holder, spec.transactionId(), ReportKind.IMPORT);
    if (!reports.coversSerial(report, spec.make().strip(), serial)) {
      throw new ConflictingState(
          "import transaction report "
              + report.id()
              + " does not cover "
              + spec.make().strip()
              + " serial "
              + serial
              + ": an import names the report that lists the equipment");
    }
    // The import's report is the transaction report filed before the movement.
    return new Prepared(
        machine,
        legacy,
        java.util.Optional.of(report.filedOn().atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  /** The holder reports a sale shipped to a buyer whose registration it checked. */
  @Transactional
  public MachineView transfer(AccessContext context, String machineId, Transfer transfer) {
    RegistrantView seller = actingRegistrant(context);
    Machines.Held held =
        machines
            .loadHeld(machineId)
            .filter(m -> m.machine().holder().equals(seller.id()))
            .orElseThrow(() -> new NotFound(Machines.KIND.name(), machineId));
    Machine machine = held.machine();
    // The sale's records and the buyer are checked both before either is refused.
    var problems = new Problems();
    SaleRecord sale = problems.value(() -> saleRecord(transfer));
    RegistrantView buyer =
        problems.value(() -> transfer(seller, machine, transfer, registrants::byRegistration));
    problems.throwIfAny();
    Instant now = clock.instant();
    record(context, machine, buyer.agencyCode(), now, true, now, null);
    // The buyer confirms or disputes receipt (TransferReceipts).
    receipts.openForLastEvent(machine.id(), seller.id(), buyer.id(), sale, now);
    return held.afterChange();
  }

  /** The seller's records of a sale, checked; its receipt is still to come. */
  private SaleRecord saleRecord(Transfer transfer) {
    var problems = new Problems();
    String method =
        problems.value(
            () -> choice(TransferMethod.class, transfer.methodOfTransfer(), "methodOfTransfer"));
    String idType =
        problems.value(
            () -> choice(PurchaserIdType.class, transfer.purchaserIdType(), "purchaserIdType"));
    String idNumber =
        transfer.purchaserIdNumber() == null || transfer.purchaserIdNumber().isBlank()
            ? null
            : problems.value(
                () ->
                    required(
                        transfer.purchaserIdNumber(),
                        "purchaserIdNumber",
                        "purchaserIdNumber",
                        40));
    if (idNumber != null && idType == null && !problems.refused("purchaserIdType")) {
      problems.add(
          "purchaserIdType", "give the type of the purchaser's identification with its number");
    }
    if (idType != null && idNumber == null && !problems.refused("purchaserIdNumber")) {
      problems.add(
          "purchaserIdNumber", "give the number of the purchaser's " + idType + " identification");
    }
    LocalDate ordered =
        transfer.orderedOn() == null
            ? null
            : problems.value(() -> day(transfer.orderedOn(), "orderedOn"));
    if (ordered != null && transfer.shippedOn() != null && ordered.isAfter(transfer.shippedOn())) {
      problems.add(
          "orderedOn",
          "orderedOn " + ordered + " is after the shipment on " + transfer.shippedOn());
    }
    if (transfer.oralNoticeAt() != null && transfer.oralNoticeAt().isAfter(clock.instant())) {
      problems.add("oralNoticeAt", "oralNoticeAt cannot lie in the future");
    }
    problems.throwIfAny();
    return new SaleRecord(
        method, idType, idNumber, ordered, transfer.oralNoticeAt(), ReceiptStatus.PENDING);
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
   * Checks a sale and records it on {@code machine}; returns the buyer.
   *
   * @param buyers looks a buyer up by registration or DEA number
   */
  RegistrantView transfer(
      RegistrantView seller,
      Machine machine,
      Transfer transfer,
      java.util.function.Function<String, java.util.Optional<RegistrantView>> buyers) {
    RegistrantView buyer = buyerOf(transfer, buyers);
    machine.transferTo(
        seller,
        buyer,
        transfer.buyerRegistration(),
        transfer.buyerCheckedAt(),
        day(transfer.shippedOn(), "shippedOn"));
    return buyer;
  }

  /**
   * Every problem of a transfer's fields, found as {@link #transfer(AccessContext, String,
   * Transfer)} finds them, with nothing recorded: for a form that found problems of its own and
   * shows them with these.
   */
  @Transactional(readOnly = true)
  public void checkTransfer(AccessContext context, String machineId, Transfer transfer) {
    RegistrantView seller = actingRegistrant(context);
    machines
        .current(machineId)
        .filter(m -> m.holder().equals(seller.id()))
        .orElseThrow(() -> new NotFound(Machines.KIND.name(), machineId));
    var problems = new Problems();
    problems.check(() -> saleRecord(transfer));
    problems.check(() -> buyerOf(transfer, registrants::byRegistration));
    problems.throwIfAny();
  }

  /** The buyer a transfer names, with the check of its registration and the shipment's day. */
  private RegistrantView buyerOf(
      Transfer transfer,
      java.util.function.Function<String, java.util.Optional<RegistrantView>> buyers) {
    var problems = new Problems();
    RegistrantView buyer = null;
    if (transfer.buyerRegistration() == null || transfer.buyerRegistration().isBlank()) {
      problems.add("buyerRegistration", "the buyer's registration number is required");
    } else {
      buyer = buyers.apply(transfer.buyerRegistration().strip()).orElse(null);
      if (buyer == null) {
        problems.add(
            "buyerRegistration",
            "no registrant has registration number '" + transfer.buyerRegistration().strip() + "'");
      }
    }
    if (transfer.buyerCheckedAt() == null) {
      problems.add(
          "buyerCheckedAt", "the seller must record when it checked the buyer's registration");
    } else if (transfer.buyerCheckedAt().isAfter(clock.instant())) {
      problems.add("buyerCheckedAt", "the check cannot lie in the future");
    }
    problems.check(() -> day(transfer.shippedOn(), "shippedOn"));
    problems.throwIfAny();
    return buyer;
  }

  /** The holder moved the equipment; the report's details are the new location. */
  @Transactional
  public MachineView relocate(AccessContext context, String machineId, CustodyReport report) {
    RegistrantView holder = actingRegistrant(context);
    Machine machine = heldBy(holder, machineId);
    machine.relocate(holder, report.details(), day(report.occurredOn(), "occurredOn"));
    return stored(context, machine, holder.agencyCode(), clock.instant(), true);
  }

  /** The holder reports the equipment lost. */
  @Transactional
  public MachineView reportLost(AccessContext context, String machineId, CustodyReport report) {
    RegistrantView holder = actingRegistrant(context);
    Machine machine = heldBy(holder, machineId);
    machine.reportLost(
        holder,
        report.details(),
        day(report.occurredOn(), "occurredOn"),
        discovered(report.discoveredOn()));
    return stored(context, machine, holder.agencyCode(), clock.instant(), true);
  }

  /** The holder reports the equipment stolen. */
  @Transactional
  public MachineView reportStolen(AccessContext context, String machineId, CustodyReport report) {
    RegistrantView holder = actingRegistrant(context);
    Machine machine = heldBy(holder, machineId);
    machine.reportStolen(
        holder,
        report.details(),
        day(report.occurredOn(), "occurredOn"),
        discovered(report.discoveredOn()));
    return stored(context, machine, holder.agencyCode(), clock.instant(), true);
  }

  /** The holder exports the equipment under its filed export report. */
  @Transactional
  public MachineView export(AccessContext context, String machineId, Export export) {
    RegistrantView holder = actingRegistrant(context);
    Machine machine = heldBy(holder, machineId);
    LocalDate movement = day(export.movementOn(), "movementOn");
    var report = coveringReport(holder, export.transactionId(), ReportKind.EXPORT);
    if (!reports.coversMachine(report, machine.id())) {
      throw new ConflictingState(
          "export transaction report "
              + report.id()
              + " does not cover "
              + "machine "
              + machine.serial()
              + ": an export names the report that lists the equipment");
    }
    deadlines.requireFiledInAdvance(ReportKind.EXPORT, movement, report.filedOn());
    machine.export(holder, report.id(), export.country(), movement);
    // The export's report is the transaction report filed before the movement.
    Instant filed = report.filedOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    return stored(context, machine, holder.agencyCode(), clock.instant(), true, filed);
  }

  /**
   * The equipment is back with its last lawful holder; reported by that holder or by an
   * investigator.
   */
  @Transactional
  public MachineView recover(AccessContext context, String machineId, CustodyReport report) {
    Machine machine = forGovernmentOrHolder(context, machineId);
    RegistrantView holder = registrant(machine.holder());
    machine.recover(holder, report.details(), day(report.occurredOn(), "occurredOn"));
    return stored(context, machine, holder.agencyCode(), clock.instant(), true);
  }

  /**
   * An investigator's agency seized the equipment; the custody event is the agency's own statement,
   * marked TLP:AMBER // CUI//LEI for it, so the holder sees only that its press was seized.
   */
  @Transactional
  public MachineView seize(AccessContext context, String machineId, CustodyReport report) {
    return seize(context, machineId, report, null);
  }

  /**
   * Seizure written from other records (a seizure report): the custody event carries {@code
   * marking}, the join of its sources' markings, and is read in full only by those who may read
   * every source.
   */
  @Transactional
  public MachineView seize(
      AccessContext context, String machineId, CustodyReport report, DerivedMarking marking) {
    String agency = requireGovernment(context);
    Machine machine = anyMachine(machineId);
    machine.seize(agency, report.details(), day(report.occurredOn(), "occurredOn"));
    return stored(context, machine, holderAgency(machine), clock.instant(), true, marking);
  }

  /** Seized equipment was forfeited to the government. */
  @Transactional
  public MachineView forfeit(AccessContext context, String machineId, CustodyReport report) {
    String agency = requireGovernment(context);
    Machine machine = anyMachine(machineId);
    machine.forfeit(agency, report.details(), day(report.occurredOn(), "occurredOn"));
    return stored(context, machine, holderAgency(machine), clock.instant(), true);
  }

  /** Destroyed: by its holder, or by the agency holding it after seizure. */
  @Transactional
  public MachineView destroy(AccessContext context, String machineId, CustodyReport report) {
    LocalDate on = day(report.occurredOn(), "occurredOn");
    Machine machine;
    if (context.caller().has(Role.REGISTRANT)) {
      RegistrantView holder = actingRegistrant(context);
      machine = heldBy(holder, machineId);
      machine.destroyByHolder(holder, report.details(), on);
    } else {
      String agency = requireGovernment(context);
      machine = anyMachine(machineId);
      machine.destroyByAgency(agency, report.details(), on);
    }
    return stored(context, machine, holderAgency(machine), clock.instant(), true);
  }

  /** Someone saw the serial altered, removed or obliterated. */
  @Transactional
  public MachineView reportSerialTampering(
      AccessContext context, String machineId, CustodyReport report) {
    Machine machine = forGovernmentOrHolder(context, machineId);
    machine.reportSerialTampering(
        context.caller().agency(), report.details(), day(report.occurredOn(), "occurredOn"));
    return stored(context, machine, holderAgency(machine), clock.instant(), true);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * The holder's own, not withdrawn transaction report of {@code direction} with this id; an
   * unknown id, or another registrant's report, is a bad transaction id.
   */
  private TransactionReport coveringReport(
      RegistrantView holder, String transactionId, ReportKind direction) {
    String name = direction.name().toLowerCase(Locale.ROOT);
    if (transactionId == null || transactionId.isBlank()) {
      throw new InvalidRequest(
          "transactionId", "an " + name + " needs the transaction id issued for its filed report");
    }
    var report =
        reports
            .load(TransactionReportId.parse(transactionId, "transactionId").value())
            .filter(r -> r.registrantId().equals(holder.id()) && r.direction() == direction)
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "transactionId",
                        "'"
                            + transactionId.strip()
                            + "' is not a transaction id of an "
                            + name
                            + " report you filed"));
    if (report.status() == TransactionReportStatus.WITHDRAWN) {
      throw new ConflictingState(
          name
              + " transaction report "
              + report.id()
              + " is WITHDRAWN: equipment does not move under a withdrawn report");
    }
    return report;
  }

  private MachineView stored(
      AccessContext context, Machine machine, String ownerAgency, Instant now, boolean update) {
    return stored(context, machine, ownerAgency, now, update, now, null);
  }

  private MachineView stored(
      AccessContext context,
      Machine machine,
      String ownerAgency,
      Instant now,
      boolean update,
      DerivedMarking marking) {
    return stored(context, machine, ownerAgency, now, update, now, marking);
  }

  private MachineView stored(
      AccessContext context,
      Machine machine,
      String ownerAgency,
      Instant now,
      boolean update,
      Instant reportedAt) {
    return stored(context, machine, ownerAgency, now, update, reportedAt, null);
  }

  private MachineView stored(
      AccessContext context,
      Machine machine,
      String ownerAgency,
      Instant now,
      boolean update,
      Instant reportedAt,
      DerivedMarking marking) {
    record(context, machine, ownerAgency, now, update, reportedAt, marking);
    // Read back without a second audit entry: the write was audited.
    return machines.written(machine.id());
  }

  /** Stores the machine's recorded events (and, with {@code update}, its new state). */
  private void record(
      AccessContext context,
      Machine machine,
      String ownerAgency,
      Instant now,
      boolean update,
      Instant reportedAt,
      DerivedMarking marking) {
    if (update) {
      machines.update(machine, ownerAgency, now);
    }
    machines
        .append(machine, context.caller().username(), reportedAt, eventMarking(context, marking))
        .forEach(stored -> announce(context, stored));
  }

  /**
   * The marking of custody events an agency writes: the given join of their sources, else the
   * agency's own statement, TLP:AMBER // CUI//LEI. A registrant's report carries none: it is read
   * with its machine.
   */
  private DerivedMarking eventMarking(AccessContext context, DerivedMarking given) {
    if (given != null) {
      return given;
    }
    // The caller carries its agency's kind as the directory stored it (an agency's kind never
    // changes), so no read of the agency is needed on every write.
    if (context.caller().agencyKind() == AgencyKind.REGISTRANT) {
      return null;
    }
    return derivations.authored(
        context, new Marking(context.caller().agency(), Tlp.AMBER, "LEI", false, null, null));
  }

  /**
   * Audits a stored custody event and publishes it, as stored (the ledger queues it in the same
   * transaction) and as the event it is.
   */
  void announce(AccessContext context, CustodyStored stored) {
    CustodyEvent event = stored.event();
    audit.record(
        context, "CUSTODY", Machines.KIND.name(), event.machineId(), "WRITTEN", describe(event));
    events.publishEvent(stored);
    events.publishEvent(event);
  }

  private static String describe(CustodyEvent event) {
    var text = new StringBuilder(event.type()).append(" on ").append(event.occurredOn());
    if (event.fromRegistrant() != null) {
      text.append(" from ").append(event.fromRegistrant());
    }
    if (event.toRegistrant() != null) {
      text.append(" to ").append(event.toRegistrant());
    }
    if (event.agency() != null) {
      text.append(" by ").append(event.agency());
    }
    return text.toString();
  }

  private RegistrantView actingRegistrant(AccessContext context) {
    return registrantOf(context.caller())
        .orElseThrow(
            () ->
                new AccessDeniedException(
                    "only users of a registered registrant report for its equipment"));
  }

  /** The machine, if {@code holder} holds it; otherwise it is not found (existence is hidden). */
  private Machine heldBy(RegistrantView holder, String machineId) {
    return machines
        .load(machineId)
        .filter(m -> m.holder().equals(holder.id()))
        .orElseThrow(() -> new NotFound(Machines.KIND.name(), machineId));
  }

  private Machine anyMachine(String machineId) {
    return machines
        .load(machineId)
        .orElseThrow(() -> new NotFound(Machines.KIND.name(), machineId));
  }

  private Machine forGovernmentOrHolder(AccessContext context, String machineId) {
    if (context.caller().has(Role.REGISTRANT)) {
      return heldBy(actingRegistrant(context), machineId);
    }
    requireGovernment(context);
    return anyMachine(machineId);
  }

  private String holderAgency(Machine machine) {
    return registrant(machine.holder()).agencyCode();
  }

  private static String requireGovernment(AccessContext context) {
    Caller caller = context.caller();
    boolean domestic =
        caller.agencyKind() == AgencyKind.FEDERAL
            || caller.agencyKind() == AgencyKind.STATE
            || caller.agencyKind() == AgencyKind.LOCAL;
    if (!domestic || !(caller.has(Role.INVESTIGATOR) || caller.has(Role.SUPERVISOR))) {
      throw new AccessDeniedException(
          "only investigators and supervisors of domestic agencies seize, forfeit or destroy"
              + " seized equipment");
    }
    return caller.agency();
  }

  void requireOperatorAdministrator(AccessContext context) {
    Caller caller = context.caller();
    if (!caller.has(Role.ADMINISTRATOR) || !caller.agency().equals(directory.operatorAgency())) {
      throw new AccessDeniedException(
          "only administrators of " + directory.operatorAgency() + " manage registrants");
    }
  }

  private LocalDate day(LocalDate given, String field) {
    if (given == null) {
      throw new InvalidRequest(field, field + " is required");
    }
    if (given.isAfter(today())) {
      throw new InvalidRequest(field, field + " " + given + " is in the future");
    }
    return given;
  }

  private LocalDate discovered(LocalDate given) {
    return given == null ? null : day(given, "discoveredOn");
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String required(String text, String field, String name) {
    return required(text, field, name, NAME_LIMIT);
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

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
