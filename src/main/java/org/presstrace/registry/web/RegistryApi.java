package org.presstrace.registry.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.Callers;
import org.presstrace.registry.CustodyEntry;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.EquipmentPower;
import org.presstrace.registry.Export;
import org.presstrace.registry.MachineView;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.ReceiptAnswer;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.StatusChange;
import org.presstrace.registry.Trace;
import org.presstrace.registry.TracedMachine;
import org.presstrace.registry.Transfer;
import org.presstrace.registry.TransferReceipt;
import org.presstrace.registry.TransferReceipts;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry over the API. Reads of equipment state their purpose in {@code PressTrace-Purpose}
 * (or a {@code purpose} parameter); registrant status is open to every signed-in user.
 */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registry")
class RegistryApi {

  private final Registry registry;
  private final Trace trace;
  private final Callers callers;
  private final TransferReceipts receipts;

  RegistryApi(Registry registry, Trace trace, Callers callers, TransferReceipts receipts) {
    this.receipts = receipts;
    this.registry = registry;
    this.trace = trace;
    this.callers = callers;
  }

  /** An application to register. */
  record RegistrantRequest(
      String legalName,
      String tradeName,
      RegistrantCategory category,
      String deaNumber,
      String address,
      String contact,
      String country,
      String timeZone) {}

  /** A status change with its reason. */
  record StatusRequest(String reason) {}

  /** Equipment to register. */
  record MachineRequest(
      String serial,
      Boolean legacy,
      String make,
      String model,
      EquipmentKind kind,
      String imprint,
      String location,
      EquipmentOrigin origin,
      String transactionId,
      LocalDate occurredOn,
      String installedIn,
      EquipmentPower power,
      Integer ratedOutputPerHour) {}

  /** A sale reported by the seller. */
  record TransferRequest(
      String buyerRegistration,
      Instant buyerCheckedAt,
      LocalDate shippedOn,
      String methodOfTransfer,
      String purchaserIdType,
      String purchaserIdNumber,
      LocalDate orderedOn,
      Instant oralNoticeAt) {}

  /** A loss or theft report. */
  record LossReportRequest(
      String kind, LocalDate occurredOn, String details, LocalDate discoveredOn) {}

  /** A day and a note. */
  record ReportRequest(LocalDate occurredOn, String details) {}

  /** An export under a filed report. */
  record ExportRequest(String transactionId, String country, LocalDate movementOn) {}

  // ---- registrants ---------------------------------------------------------------------------

  @PostMapping("/registrants")
  @Operation(summary = "Register an applicant (administrators of the operator agency)")
  ResponseEntity<RegistrantView> register(
      @RequestBody RegistrantRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    var registrant =
        registry.register(
            context,
            new NewRegistrant(
                request.legalName(),
                request.tradeName(),
                request.category(),
                request.deaNumber(),
                request.address(),
                request.contact(),
                request.country(),
                request.timeZone()));
    return ResponseEntity.created(URI.create("/api/v1/registry/registrants/" + registrant.id()))
        .body(registrant);
  }

  @PostMapping("/registrants/{id}/activate")
  @Operation(summary = "Activate or renew a registration for a year")
  RegistrantView activate(
      @PathVariable String id,
      @RequestBody StatusRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.activate(context, id, request.reason());
  }

  @PostMapping("/registrants/{id}/suspend")
  @Operation(summary = "Suspend an active registration")
  RegistrantView suspend(
      @PathVariable String id,
      @RequestBody StatusRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.suspend(context, id, request.reason());
  }

  @PostMapping("/registrants/{id}/revoke")
  @Operation(summary = "Revoke a registration")
  RegistrantView revoke(
      @PathVariable String id,
      @RequestBody StatusRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.revoke(context, id, request.reason());
  }

  @GetMapping("/registrants")
  @Operation(summary = "Look registrants up by name or registration number")
  List<RegistrantView> registrants(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Caller caller = registryReader();
    var paging = PageQuery.of(page, size);
    return registry.registrants(q, paging.size(), paging.offset()).stream()
        .map(registrant -> shown(caller, registrant))
        .toList();
  }

  @GetMapping("/registrants/{id}")
  @Operation(summary = "One registrant's registration status")
  RegistrantView registrant(@PathVariable String id) {
    return shown(registryReader(), registry.registrant(id));
  }

  @GetMapping("/registrants/{id}/history")
  @Operation(summary = "One registrant's status history")
  List<StatusChange> statusHistory(@PathVariable String id) {
    Caller caller = registryReader();
    RegistrantView registrant = registry.registrant(id);
    if (caller.agencyKind() == AgencyKind.REGISTRANT
        && !registrant.agencyCode().equals(caller.agency())) {
      throw new NotFound("registrant", id);
    }
    return registry.statusHistory(id);
  }

  /**
   * Who reads the registry of registrants: domestic government users and the administrators who
   * register them in full; registrants read their own record in full and another's public part
   * (name, numbers, category, status, expiry: what a seller checks before a sale); auditors and
   * foreign partners read none of it.
   */
  private Caller registryReader() {
    Caller caller = callers.current();
    boolean reads = Registry.readsRegistrants(caller);
    if (!reads) {
      throw new org.springframework.security.access.AccessDeniedException(
          "the registry of registrants is read by domestic agencies' investigators, analysts,"
              + " supervisors and administrators, and by registrants");
    }
    return caller;
  }

  private static RegistrantView shown(Caller caller, RegistrantView registrant) {
    if (caller.agencyKind() != AgencyKind.REGISTRANT
        || registrant.agencyCode().equals(caller.agency())) {
      return registrant;
    }
    return new RegistrantView(
        registrant.id(),
        registrant.registrationNumber(),
        null,
        registrant.legalName(),
        registrant.tradeName(),
        registrant.category(),
        null,
        null,
        registrant.status(),
        registrant.expiresOn());
  }

  // ---- equipment -----------------------------------------------------------------------------

  @PostMapping("/machines")
  @Operation(summary = "Register equipment your registrant holds")
  ResponseEntity<RegisteredMachine> registerMachine(
      @RequestBody MachineRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    var registration =
        registry.registerEquipment(
            context,
            new NewMachine(
                request.serial(),
                Boolean.TRUE.equals(request.legacy()),
                request.make(),
                request.model(),
                request.kind(),
                request.imprint(),
                request.location(),
                request.origin(),
                request.transactionId(),
                request.occurredOn(),
                request.installedIn(),
                request.power(),
                request.ratedOutputPerHour()));
    var machine = registration.machine();
    return ResponseEntity.created(URI.create("/api/v1/registry/machines/" + machine.id()))
        .body(new RegisteredMachine(machine, registration.warnings()));
  }

  /**
   * The registered item as {@link MachineView} gives it, with {@code warnings}: what the registrant
   * should check, e.g. a similar serial of the same make.
   */
  record RegisteredMachine(@JsonUnwrapped MachineView machine, List<String> warnings) {}

  @GetMapping("/machines")
  @Operation(summary = "The equipment you may read (registrants: their own)")
  Page<MachineView> machines(
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    return trace.page(context, PageQuery.of(page, size));
  }

  @GetMapping("/machines/{id}")
  @Operation(summary = "One registered item")
  MachineView machine(@PathVariable String id, AccessContext context) {
    return trace.machine(context, id);
  }

  @GetMapping("/machines/{id}/custody")
  @Operation(summary = "One item's chain of custody")
  List<CustodyEntry> custody(@PathVariable String id, AccessContext context) {
    return trace.custody(context, id);
  }

  @PostMapping("/machines/{id}/transfers")
  @Operation(summary = "Report a sale you shipped (dealers and manufacturers)")
  MachineView transfer(
      @PathVariable String id,
      @RequestBody TransferRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.transfer(
        context,
        id,
        new Transfer(
            request.buyerRegistration(),
            request.buyerCheckedAt(),
            request.shippedOn(),
            request.methodOfTransfer(),
            request.purchaserIdType(),
            request.purchaserIdNumber(),
            request.orderedOn(),
            request.oralNoticeAt()));
  }

  /** The buyer's answer to a sale recorded to it. */
  record ReceiptRequest(String outcome, String serial, String note) {}

  @PostMapping("/machines/{id}/receipt")
  @Operation(
      summary =
          "Confirm (CONFIRMED, with the serial read off the plate) or dispute (DISPUTED, with a"
              + " note) receipt of a machine sold to your registrant")
  TransferReceipt receipt(
      @PathVariable String id,
      @RequestBody ReceiptRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return receipts.answer(
        context, id, new ReceiptAnswer(request.outcome(), request.serial(), request.note()));
  }

  @PostMapping("/machines/{id}/relocations")
  @Operation(summary = "Report a new storage location (details: the location)")
  MachineView relocate(
      @PathVariable String id,
      @RequestBody ReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.relocate(context, id, report(request));
  }

  @PostMapping("/machines/{id}/loss-reports")
  @Operation(summary = "Report equipment lost (kind LOST) or stolen (kind STOLEN)")
  MachineView lossReport(
      @PathVariable String id,
      @RequestBody LossReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    var report = new CustodyReport(request.occurredOn(), request.details(), request.discoveredOn());
    String kind = request.kind() == null ? "" : request.kind().strip();
    return switch (kind.toUpperCase(java.util.Locale.ROOT)) {
      case "LOST" -> registry.reportLost(context, id, report);
      case "STOLEN" -> registry.reportStolen(context, id, report);
      default ->
          throw new org.presstrace.shared.InvalidRequest(
              "kind", "kind '" + request.kind() + "' must be LOST or STOLEN");
    };
  }

  @PostMapping("/machines/{id}/recoveries")
  @Operation(summary = "Report lost, stolen or seized equipment back with its holder")
  MachineView recover(
      @PathVariable String id,
      @RequestBody ReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.recover(context, id, report(request));
  }

  @PostMapping("/machines/{id}/seizures")
  @Operation(summary = "Record a seizure by your agency")
  MachineView seize(
      @PathVariable String id,
      @RequestBody ReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.seize(context, id, report(request));
  }

  @PostMapping("/machines/{id}/forfeitures")
  @Operation(summary = "Record the forfeiture of seized equipment")
  MachineView forfeit(
      @PathVariable String id,
      @RequestBody ReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.forfeit(context, id, report(request));
  }

  @PostMapping("/machines/{id}/destructions")
  @Operation(summary = "Record destruction by the holder, or by the agency holding it")
  MachineView destroy(
      @PathVariable String id,
      @RequestBody ReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.destroy(context, id, report(request));
  }

  @PostMapping("/machines/{id}/tampering-reports")
  @Operation(summary = "Report an altered, removed or obliterated serial")
  MachineView tampering(
      @PathVariable String id,
      @RequestBody ReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.reportSerialTampering(context, id, report(request));
  }

  @PostMapping("/machines/{id}/exports")
  @Operation(summary = "Report an export under its filed transaction report")
  MachineView export(
      @PathVariable String id,
      @RequestBody ExportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.export(
        context, id, new Export(request.transactionId(), request.country(), request.movementOn()));
  }

  // ---- trace ---------------------------------------------------------------------------------

  @GetMapping("/trace")
  @Operation(summary = "Trace by serial, by pattern (? one character, * any run), or make+model")
  List<TracedMachine> trace(
      @RequestParam(required = false) String serial,
      @RequestParam(required = false) String pattern,
      @RequestParam(required = false) String make,
      @RequestParam(required = false) String model,
      AccessContext context) {
    return trace.trace(context, new Trace.Query(serial, pattern, make, model));
  }

  private static CustodyReport report(ReportRequest request) {
    return new CustodyReport(request.occurredOn(), request.details());
  }
}
