package org.presstrace.registry.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.presstrace.registry.Transfer;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
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

  @GetMapping("/equipment")
  String equipment(
      @RequestParam(required = false) Integer page, AccessContext context, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new TransferForm());
    }
    return equipmentPage(context, page, model);
  }

  @PostMapping("/equipment/transfer")
  String transfer(
      @ModelAttribute("form") TransferForm form,
      AccessContext context,
      Model model,
      RedirectAttributes redirect) {
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
      return "redirect:/registry/equipment";
    } catch (InvalidRequest e) {
      model.addAttribute(
          "fieldErrors", Map.of(e.field() == null ? "form" : e.field(), e.getMessage()));
    } catch (ConflictingState | NotFound e) {
      model.addAttribute("fieldErrors", Map.of("form", e.getMessage()));
    }
    return equipmentPage(context, null, model);
  }

  private String equipmentPage(AccessContext context, Integer page, Model model) {
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
    model.addAttribute("machines", trace.heldBy(context, registrant.id(), PageQuery.of(page, 50)));
    return "registry/equipment";
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
