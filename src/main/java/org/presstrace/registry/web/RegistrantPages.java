package org.presstrace.registry.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Purpose;
import org.presstrace.registry.Certificates;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.Deadlines;
import org.presstrace.registry.RegistrantStatus;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.ReportKind;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A registrant's own pages: my registration (details, status history, certificates, renewal) and
 * loss or theft reports from the equipment page; and the certificate check open to everyone signed
 * in.
 */
@Controller
@RequestMapping("/registry")
class RegistrantPages {

  private final Registry registry;
  private final Certificates certificates;
  private final Callers callers;
  private final Clock clock;

  RegistrantPages(Registry registry, Certificates certificates, Callers callers, Clock clock) {
    this.registry = registry;
    this.certificates = certificates;
    this.callers = callers;
    this.clock = clock;
  }

  /** The form beside each machine on the equipment page. */
  static final class LossForm {
    public String machineId = "";
    public String kind = "STOLEN";
    public String occurredOn = "";
    public String discoveredOn = "";
    public String details = "";
  }

  @InitBinder("lossForm")
  void bindFieldsDirectly(WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  // ---- my registration -----------------------------------------------------------------------

  @GetMapping("/registration")
  String registration(Model model) {
    RegistrantView registrant = own();
    AccessContext context = callers.context(Channel.PAGE, null);
    model.addAttribute("registrant", registrant);
    model.addAttribute(
        "history", TransactionReportPages.newestFirst(registry.statusHistory(registrant.id())));
    model.addAttribute("certificates", certificates.ofRegistrant(context, registrant.id()));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    boolean lapsed = registrant.status() == RegistrantStatus.EXPIRED;
    boolean active = registrant.status() == RegistrantStatus.ACTIVE;
    LocalDate opens =
        registrant.expiresOn() == null
            ? null
            : registry.terms().renewalOpens(registrant.expiresOn());
    model.addAttribute("renewable", lapsed || (active && !opens.isAfter(today)));
    model.addAttribute("renewalOpens", active ? opens : null);
    return "registry/registration";
  }

  @PostMapping("/registration/renewal")
  String renew(RedirectAttributes redirect) {
    RegistrantView registrant = own();
    try {
      var renewed = registry.renew(callers.context(Channel.PAGE, null), registrant.id(), null);
      redirect.addFlashAttribute(
          "notice",
          "Registration renewed until "
              + renewed.expiresOn()
              + ". Your new certificate is below; the previous one is superseded.");
    } catch (ConflictingState e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/registry/registration";
  }

  @GetMapping("/certificates/{id}/pdf")
  ResponseEntity<byte[]> download(@PathVariable String id) {
    return CertificatesApi.pdfResponse(
        id, certificates.pdf(callers.context(Channel.PAGE, null), id));
  }

  // ---- certificate check ---------------------------------------------------------------------

  @GetMapping("/certificates/verify")
  String verify(@RequestParam(required = false) String code, Model model) {
    model.addAttribute("code", code == null ? "" : code);
    if (code != null) {
      try {
        model.addAttribute("check", certificates.verify(callers.context(Channel.PAGE, null), code));
      } catch (InvalidRequest e) {
        model.addAttribute("codeError", e.getMessage());
      }
    }
    return "registry/verify";
  }

  // ---- loss and theft ------------------------------------------------------------------------

  /** Reports a machine lost or stolen; errors go back to the form beside that machine. */
  @PostMapping("/equipment/loss-report")
  String reportLoss(
      @ModelAttribute("lossForm") LossForm form,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String page,
      HttpSession session,
      RedirectAttributes redirect) {
    Object purpose = session.getAttribute(Purpose.SESSION_ATTRIBUTE);
    AccessContext context =
        callers.context(Channel.PAGE, purpose == null ? null : purpose.toString());
    try {
      var report =
          new CustodyReport(
              day(form.occurredOn, "occurredOn"),
              blankToNull(form.details),
              form.discoveredOn == null || form.discoveredOn.isBlank()
                  ? null
                  : day(form.discoveredOn, "discoveredOn"));
      var machine =
          switch (form.kind == null ? "" : form.kind) {
            case "LOST" -> registry.reportLost(context, form.machineId, report);
            case "STOLEN" -> registry.reportStolen(context, form.machineId, report);
            default -> throw new InvalidRequest("kind", "choose lost or stolen");
          };
      redirect.addFlashAttribute(
          "notice",
          "Serial "
              + machine.serial()
              + " reported "
              + machine.state().name().toLowerCase(java.util.Locale.ROOT)
              + ". Investigators can now see the report when they trace it.");
    } catch (InvalidRequest e) {
      failed(redirect, form, e.field() == null ? "form" : e.field(), e.getMessage());
    } catch (ConflictingState | NotFound e) {
      failed(redirect, form, "form", e.getMessage());
    }
    return "redirect:/registry/equipment"
        + PageLinks.query(RegistryPages.listQuery(type, status, q, page));
  }

  private static void failed(
      RedirectAttributes redirect, LossForm form, String field, String message) {
    redirect.addFlashAttribute("lossForm", form);
    redirect.addFlashAttribute("lossErrors", Map.of(field, message));
  }

  /** The loss form's defaults and deadline on every equipment page. */
  @org.springframework.web.bind.annotation.ControllerAdvice(assignableTypes = RegistryPages.class)
  static class EquipmentPageModel {

    private final Deadlines deadlines;
    private final Clock clock;

    EquipmentPageModel(Deadlines deadlines, Clock clock) {
      this.deadlines = deadlines;
      this.clock = clock;
    }

    @ModelAttribute("lossForm")
    LossForm lossForm() {
      return new LossForm();
    }

    /** The last day to report a loss or theft discovered today. */
    @ModelAttribute("lossDue")
    LocalDate lossDue() {
      return deadlines.due(ReportKind.LOSS, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private RegistrantView own() {
    return registry
        .registrantOf(callers.current())
        .orElseThrow(() -> new AccessDeniedException("only registrant users have these pages"));
  }

  private static LocalDate day(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequest(field, "the day it happened is required");
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(field, "'" + text + "' is not a day such as 2026-03-04");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
