package org.presstrace.registry.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.EquipmentFilter;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.presstrace.registry.Transfer;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.FormErrors;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageLinks;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for the registry: trace for investigators, my equipment and transfers for registrants. */
@Controller
@RequestMapping("/registry")
class RegistryPages {

  private final Registry registry;
  private final Trace trace;

  RegistryPages(Registry registry, Trace trace) {
    this.registry = registry;
    this.trace = trace;
  }

  /** The form behind "Report a transfer". */
  static final class TransferForm {
    public String machineId = "";
    public String buyerRegistration = "";
    public String checkedAt = "";
    public String shippedOn = "";
    public String methodOfTransfer = "";
    public String purchaserIdType = "";
    public String purchaserIdNumber = "";
    public String orderedOn = "";
    public String oralNoticeAt = "";
  }

  /** The form's public fields are bound directly; it has no setters. */
  @InitBinder("form")
  void bindFieldsDirectly(WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  @GetMapping("/trace")
  String trace(@RequestParam(required = false) String q, AccessContext context, Model model) {
    model.addAttribute("q", q == null ? "" : q);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "registry/trace";
    }
    if (q != null && !q.isBlank()) {
      boolean pattern = q.contains("?") || q.contains("*");
      try {
        var results =
            trace.trace(context, pattern ? Trace.Query.pattern(q) : Trace.Query.serial(q));
        model.addAttribute("results", results);
        model.addAttribute(
            "names",
            registry.registrantNames(
                context.caller(),
                results.stream()
                    .flatMap(
                        found ->
                            java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(
                                    found.lastLawfulHolder() == null
                                        ? null
                                        : found.lastLawfulHolder().id()),
                                found.custody().stream()
                                    .flatMap(
                                        entry ->
                                            java.util.stream.Stream.of(
                                                entry.fromRegistrant(), entry.toRegistrant()))))
                    .filter(java.util.Objects::nonNull)
                    .toList()));
      } catch (InvalidRequest e) {
        model.addAttribute("qError", e.getMessage());
      }
    }
    return "registry/trace";
  }

  /** Rows per page of the equipment list. */
  static final int EQUIPMENT_PER_PAGE = 50;

  /**
   * The equipment list's filters as given in the query string ({@code type}, {@code status}, {@code
   * q}, {@code page}), in the order links carry them; the names differ from every field of the
   * transfer and loss forms, which post to a URL that carries them.
   */
  static Map<String, String> listQuery(String type, String status, String q, String page) {
    var filters = new LinkedHashMap<String, String>();
    filters.put("type", type);
    filters.put("status", status);
    filters.put("q", q);
    filters.put("page", page);
    return filters;
  }

  @GetMapping("/equipment")
  String equipment(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String page,
      AccessContext context,
      Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new TransferForm());
    }
    return equipmentPage(context, listQuery(type, status, q, page), model);
  }

  @PostMapping("/equipment/transfer")
  String transfer(
      @ModelAttribute("form") TransferForm form,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String page,
      AccessContext context,
      Model model,
      RedirectAttributes redirect) {
    var list = listQuery(type, status, q, page);
    var problems = new Problems();
    var transfer =
        new Transfer(
            form.buyerRegistration,
            problems.value(() -> parseInstant(form.checkedAt, "buyerCheckedAt")),
            problems.value(() -> parseDay(form.shippedOn, "shippedOn")),
            form.methodOfTransfer,
            form.purchaserIdType,
            form.purchaserIdNumber,
            problems.value(() -> parseDay(form.orderedOn, "orderedOn")),
            problems.value(() -> parseInstant(form.oralNoticeAt, "oralNoticeAt")));
    try {
      if (problems.any()) {
        // A value the form could not read is refused with what the registry finds in the others.
        registry.checkTransfer(context, form.machineId, transfer);
        throw problems.refusal();
      }
      var moved = registry.transfer(context, form.machineId, transfer);
      redirect.addFlashAttribute(
          "notice",
          "Transfer of serial "
              + moved.serial()
              + " to "
              + form.buyerRegistration.strip()
              + " recorded.");
      return "redirect:/registry/equipment" + PageLinks.query(list);
    } catch (InvalidRequest e) {
      var found = new Problems();
      problems.refusalIfAny().ifPresent(found::add);
      e.all().stream().filter(p -> !problems.refused(p.field())).forEach(found::add);
      model.addAttribute("fieldErrors", transferErrors(found.refusal()));
    } catch (ConflictingState | NotFound e) {
      model.addAttribute("fieldErrors", Map.of("form", e.getMessage()));
    }
    return equipmentPage(context, list, model);
  }

  /** The words a user reads beside each field of the transfer form, in the form's order. */
  static Map<String, String> transferErrors(InvalidRequest refused) {
    return FormErrors.of(
        refused,
        field -> field.equals("buyerCheckedAt") ? "checkedAt" : field,
        Map.of(
            "checkedAt",
            "Give the day and time (UTC) you checked the buyer's registration, not in the future",
            "shippedOn",
            "Give the day the item was shipped, not in the future",
            "orderedOn",
            "Give the day the order was placed, on or before the day it was shipped",
            "oralNoticeAt",
            "Give the day and time (UTC) you told DEA of the order, not in the future",
            "methodOfTransfer",
            "Choose a method of transfer from the list",
            "purchaserIdNumber",
            "Give the number of the purchaser's identification, at most 40 characters",
            "purchaserIdType",
            "Choose the type of the purchaser's identification"),
        List.of(
            "machineId",
            "buyerRegistration",
            "checkedAt",
            "shippedOn",
            "methodOfTransfer",
            "purchaserIdType",
            "purchaserIdNumber",
            "orderedOn",
            "oralNoticeAt"));
  }

  private String equipmentPage(AccessContext context, Map<String, String> list, Model model) {
    var registrant =
        registry
            .registrantOf(context.caller())
            .orElseThrow(
                () -> new AccessDeniedException("only registrant users have equipment pages"));
    model.addAttribute("registrant", registrant);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "registry/equipment";
    }
    var errors = new LinkedHashMap<String, String>();
    EquipmentKind kind = choice(EquipmentKind.class, list.get("type"), "type", "kind", errors);
    CustodyState state = choice(CustodyState.class, list.get("status"), "status", "status", errors);
    EquipmentFilter filter;
    try {
      filter = new EquipmentFilter(kind, state, list.get("q"));
    } catch (InvalidRequest e) {
      errors.put("q", e.getMessage().replaceFirst("^serial ", "serial text "));
      filter = new EquipmentFilter(kind, state, null);
    }
    PageQuery pageQuery;
    try {
      pageQuery = PageQuery.parse(list.get("page"), EQUIPMENT_PER_PAGE);
    } catch (InvalidRequest e) {
      errors.put("page", e.getMessage());
      pageQuery = new PageQuery(0, EQUIPMENT_PER_PAGE);
    }
    var machines = trace.heldBy(context, registrant.id(), filter, pageQuery);
    var filters = new LinkedHashMap<>(list);
    filters.remove("page");
    var links = PageLinks.of("/registry/equipment", filters, machines);
    model.addAttribute("machines", machines);
    if (model.getAttribute("form") instanceof TransferForm form) {
      machines.items().stream()
          .filter(machine -> machine.id().equals(form.machineId))
          .findFirst()
          .ifPresent(machine -> model.addAttribute("chosenSerial", machine.serial()));
    }
    model.addAttribute("links", links);
    model.addAttribute("here", PageLinks.query(list));
    model.addAttribute("filters", filters);
    model.addAttribute("filterErrors", errors);
    model.addAttribute("kinds", EquipmentKind.values());
    model.addAttribute("states", CustodyState.values());
    return "registry/equipment";
  }

  /** The constant named by {@code text}; an unknown name is said beside {@code field}. */
  private static <E extends Enum<E>> E choice(
      Class<E> type, String text, String field, String noun, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException e) {
      errors.put(
          field,
          noun
              + " '"
              + text
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  private static java.time.Instant parseInstant(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(
          field, "'" + text + "' is not a date and time such as 2026-03-04T14:30");
    }
  }

  private static LocalDate parseDay(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(field, "'" + text + "' is not a day such as 2026-03-04");
    }
  }
}
