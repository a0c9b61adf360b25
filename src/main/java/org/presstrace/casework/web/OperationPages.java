package org.presstrace.casework.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.presstrace.access.AccessContext;
import org.presstrace.casework.OperationDraft;
import org.presstrace.casework.OperationPlan;
import org.presstrace.casework.Operations;
import org.presstrace.casework.PointerAlerts;
import org.presstrace.casework.StoredAlert;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.TooManyRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Planned operations: the form (time window, place and radius, case reference, contact, marking),
 * the operations the user may read with the conflicts each raised, and any new conflict at once.
 */
@Controller
@RequestMapping("/resolution/operations")
class OperationPages {

  private final Operations operations;
  private final PointerAlerts alerts;

  OperationPages(Operations operations, PointerAlerts alerts) {
    this.operations = operations;
    this.alerts = alerts;
  }

  /** The form behind "Plan an operation"; times are local to {@code zone}. */
  static final class OperationForm extends PageForms.MarkingFields {
    public String caseReference = "";
    public String contact = "";
    public String start = "";
    public String end = "";
    public String zone = "UTC";
    public String latitude = "";
    public String longitude = "";
    public String radiusMetres = "";

    static OperationForm from(Map<String, String> params) {
      var form = new OperationForm();
      form.caseReference = params.getOrDefault("caseReference", "");
      form.contact = params.getOrDefault("contact", "");
      form.start = params.getOrDefault("start", "");
      form.end = params.getOrDefault("end", "");
      form.zone = params.getOrDefault("zone", "UTC");
      form.latitude = params.getOrDefault("latitude", "");
      form.longitude = params.getOrDefault("longitude", "");
      form.radiusMetres = params.getOrDefault("radiusMetres", "");
      form.markingFrom(params);
      return form;
    }

    OperationDraft toDraft(String agency) {
      ZoneId zoneId = zone();
      return new OperationDraft(
          caseReference,
          contact,
          instant(start, "start", zoneId),
          instant(end, "end", zoneId),
          number(latitude, "latitude"),
          number(longitude, "longitude"),
          number(radiusMetres, "radiusMetres"),
          marking(agency));
    }

    private ZoneId zone() {
      try {
        return ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
      } catch (DateTimeException e) {
        throw new InvalidRequest(
            "zone", "'" + zone + "' is not a time zone such as UTC or America/Phoenix");
      }
    }

    private static Instant instant(String text, String field, ZoneId zone) {
      if (text == null || text.isBlank()) {
        throw new InvalidRequest(field, field + " is required");
      }
      try {
        return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidRequest(
            field, "'" + text.strip() + "' is not a date and time such as 2026-12-01T06:00");
      }
    }

    private static Double number(String text, String field) {
      if (text == null || text.isBlank()) {
        throw new InvalidRequest(field, field + " is required");
      }
      return Decimals.parseSigned(text, field, 6, 9).doubleValue();
    }
  }

  @GetMapping
  String page(@RequestParam(required = false) Integer page, AccessContext context, Model model) {
    model.addAttribute("form", new OperationForm());
    return list(page, context, model);
  }

  @PostMapping
  String plan(
      @RequestParam Map<String, String> params,
      AccessContext context,
      Model model,
      RedirectAttributes redirect) {
    OperationForm form = OperationForm.from(params);
    try {
      OperationPlan plan = operations.plan(context, form.toDraft(context.caller().agency()));
      redirect.addFlashAttribute("planned", plan.operation().caseReference());
      redirect.addFlashAttribute("conflicts", plan.alerts());
      return "redirect:/resolution/operations";
    } catch (InvalidRequest e) {
      model.addAttribute("form", form);
      model.addAttribute("fieldErrors", PageForms.errorOf(e));
      return list(null, context, model);
    } catch (TooManyRequests e) {
      model.addAttribute("form", form);
      model.addAttribute(
          "fieldErrors",
          Map.of(
              "form",
              e.getMessage()
                  + "; try again in "
                  + Math.max(1, (e.retryAfterSeconds() + 59) / 60)
                  + " minutes"));
      return list(null, context, model);
    }
  }

  private String list(Integer page, AccessContext context, Model model) {
    model.addAttribute("tlpLevels", PageForms.TLP_LEVELS);
    model.addAttribute("cuiCategories", PageForms.CUI_CATEGORIES);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "casework/operations";
    }
    model.addAttribute("results", operations.page(context, PageQuery.of(page, 25)));
    Map<String, List<StoredAlert>> conflicts =
        alerts.mine(context, false).stream()
            .filter(alert -> "OPERATION".equals(alert.kind()))
            .collect(Collectors.groupingBy(StoredAlert::ownRecordId));
    model.addAttribute("conflictsOf", conflicts);
    return "casework/operations";
  }
}
