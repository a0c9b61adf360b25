package org.presstrace.registry.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.EquipmentFilter;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.presstrace.registry.Transfer;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageLinks;
import org.presstrace.shared.PageQuery;
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
        model.addAttribute(
            "results",
            trace.trace(context, pattern ? Trace.Query.pattern(q) : Trace.Query.serial(q)));
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
    try {
      var transfer =
          new Transfer(
              form.buyerRegistration,
              parseInstant(form.checkedAt, "buyerCheckedAt"),
              parseDay(form.shippedOn, "shippedOn"),
              form.methodOfTransfer,
              form.purchaserIdType,
              form.purchaserIdNumber,
              parseDay(form.orderedOn, "orderedOn"),
              parseInstant(form.oralNoticeAt, "oralNoticeAt"));
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
      model.addAttribute(
          "fieldErrors", Map.of(e.field() == null ? "form" : e.field(), e.getMessage()));
    } catch (ConflictingState | NotFound e) {
      model.addAttribute("fieldErrors", Map.of("form", e.getMessage()));
    }
    return equipmentPage(context, list, model);
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
