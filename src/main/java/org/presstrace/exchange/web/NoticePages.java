package org.presstrace.exchange.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.RecordPage;
import org.presstrace.exchange.Notice;
import org.presstrace.exchange.NoticeDraft;
import org.presstrace.exchange.Notices;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pre-export notice pages: the outbox (filed here) and inbox (received) with deadlines, filing a
 * notice, and one notice with its answers and, on the importing side, the answer form.
 */
@Controller
@RequestMapping("/exchange/notices")
class NoticePages implements RecordPage {

  static final String[] FIELDS = {
    "partnerId",
    "exporter",
    "importer",
    "consignee",
    "substance",
    "quantity",
    "unit",
    "packages",
    "invoice",
    "route",
    "exitPoint",
    "entryPoint",
    "dispatchDate",
    "transport",
    "responseDeadline"
  };

  private final Notices notices;
  private final Callers callers;

  NoticePages(Notices notices, Callers callers) {
    this.notices = notices;
    this.callers = callers;
  }

  @GetMapping
  String list(Model model) {
    AccessContext context = context();
    model.addAttribute("outgoing", notices.list(context, Notice.Direction.OUTGOING));
    model.addAttribute("incoming", notices.list(context, Notice.Direction.INCOMING));
    model.addAttribute("today", LocalDate.now(ZoneOffset.UTC));
    return "exchange/notices";
  }

  @GetMapping("/new")
  String form(Model model) {
    model.addAttribute("form", new LinkedHashMap<String, String>());
    return newForm(model);
  }

  @GetMapping("/{id}/amend")
  String amendForm(@PathVariable String id, AccessContext context, Model model) {
    Notice n = notices.get(context, id);
    var form = new LinkedHashMap<String, String>();
    form.put("partnerId", n.partnerId());
    form.put("exporter", n.exporter());
    form.put("importer", n.importer());
    form.put("consignee", n.consignee());
    form.put("substance", n.cas() != null ? n.cas() : n.substanceName());
    form.put("quantity", n.quantity().toPlainString());
    form.put("unit", n.unit());
    form.put("packages", String.valueOf(n.packages()));
    form.put("invoice", n.invoice());
    form.put("route", n.route());
    form.put("exitPoint", n.exitPoint());
    form.put("entryPoint", n.entryPoint());
    form.put("dispatchDate", n.dispatchDate().toString());
    form.put("transport", n.transport());
    form.put("responseDeadline", n.responseDeadline().toString());
    model.addAttribute("form", form);
    model.addAttribute("amending", n.id());
    return newForm(model);
  }

  @PostMapping("/{id}/amendments")
  String amend(
      @PathVariable String id,
      @RequestParam Map<String, String> params,
      Model model,
      RedirectAttributes redirect) {
    var form = new LinkedHashMap<String, String>();
    for (String field : FIELDS) {
      form.put(field, params.getOrDefault(field, ""));
    }
    try {
      Notice notice = notices.amend(context(), id, draft(form));
      redirect.addFlashAttribute(
          "notice", "Version " + notice.version() + " sent; it awaits an answer again.");
      return "redirect:/exchange/notices/" + id;
    } catch (InvalidRequest | ConflictingState e) {
      String field = e instanceof InvalidRequest invalid ? invalid.field() : null;
      model.addAttribute("fieldErrors", Map.of(field == null ? "form" : field, e.getMessage()));
      model.addAttribute("form", form);
      model.addAttribute("amending", id);
      return newForm(model);
    }
  }

  @PostMapping
  String file(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
    var form = new LinkedHashMap<String, String>();
    for (String field : FIELDS) {
      form.put(field, params.getOrDefault(field, ""));
    }
    try {
      Notice notice = notices.file(context(), draft(form));
      redirect.addFlashAttribute(
          "notice", "Notice filed for " + notice.substanceName() + "; it is on its way.");
      return "redirect:/exchange/notices/" + notice.id();
    } catch (InvalidRequest | ConflictingState e) {
      String field = e instanceof InvalidRequest invalid ? invalid.field() : null;
      model.addAttribute("fieldErrors", Map.of(field == null ? "form" : field, e.getMessage()));
      model.addAttribute("form", form);
      return newForm(model);
    }
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, AccessContext context, Model model) {
    Notice notice = notices.get(context, id);
    model.addAttribute("n", notice);
    if (context.purpose() == null) {
      model.addAttribute(
          "partyHitsNote",
          "State a purpose for the session to screen the parties against your case subjects.");
      model.addAttribute("partyHits", java.util.List.of());
      model.addAttribute("redFlagHits", java.util.List.of());
    } else {
      model.addAttribute("partyHits", notices.screenParties(context, notice));
      model.addAttribute("redFlagHits", notices.screenRedFlags(context, notice));
    }
    model.addAttribute("today", LocalDate.now(ZoneOffset.UTC));
    return "exchange/notice";
  }

  @PostMapping("/{id}/answers")
  String answer(
      @PathVariable String id,
      AccessContext pageContext,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String reason,
      Model model,
      RedirectAttributes redirect) {
    try {
      notices.answer(context(), id, kind, reason);
      redirect.addFlashAttribute("notice", "Answer sent to the exporting authority.");
      return "redirect:/exchange/notices/" + id;
    } catch (InvalidRequest | ConflictingState e) {
      model.addAttribute("answerError", e.getMessage());
      model.addAttribute("reason", reason);
      return show(id, pageContext, model);
    }
  }

  private static NoticeDraft draft(Map<String, String> form) {
    return new NoticeDraft(
        form.get("partnerId"),
        form.get("exporter"),
        form.get("importer"),
        form.get("consignee"),
        form.get("substance"),
        form.get("quantity"),
        form.get("unit"),
        integer("packages", form.get("packages")),
        form.get("invoice"),
        form.get("route"),
        form.get("exitPoint"),
        form.get("entryPoint"),
        date("dispatchDate", form.get("dispatchDate")),
        form.get("transport"),
        date("responseDeadline", form.get("responseDeadline")));
  }

  private String newForm(Model model) {
    model.addAttribute("partners", notices.partners(context()));
    return "exchange/notice-new";
  }

  private static Integer integer(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequest(field, field + " '" + text + "' is not a whole number");
    }
  }

  private static LocalDate date(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(field, field + " '" + text + "' is not YYYY-MM-DD");
    }
  }

  private AccessContext context() {
    return callers.context(Channel.PAGE, null);
  }

  @Override
  public ProtectedKind kind() {
    return Notices.KIND;
  }

  @Override
  public String pathOf(String recordId) {
    return "/exchange/notices/" + recordId;
  }
}
