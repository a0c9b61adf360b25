package org.presstrace.registry.web;

import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.registry.ComplianceItem;
import org.presstrace.registry.ComplianceQueue;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The compliance queue page: open items, each with a form to assign it and one to resolve it. */
@Controller
@RequestMapping("/registry/compliance")
class CompliancePages {

  /** The purpose under which the queue's page reads the equipment its items name. */
  static final String PURPOSE = "Compliance queue: the equipment open items name";

  private final ComplianceQueue queue;
  private final Callers callers;
  private final Registry registry;
  private final Trace trace;

  CompliancePages(ComplianceQueue queue, Callers callers, Registry registry, Trace trace) {
    this.queue = queue;
    this.callers = callers;
    this.registry = registry;
    this.trace = trace;
  }

  @GetMapping
  String open(@RequestParam(required = false) Integer page, Model model) {
    return page(context(), page, model);
  }

  @PostMapping("/{id}/assign")
  String assign(
      @PathVariable String id,
      @RequestParam(required = false) String assignee,
      Model model,
      RedirectAttributes redirect) {
    AccessContext context = context();
    try {
      var item = queue.assign(context, id, assignee);
      redirect.addFlashAttribute("notice", "Item assigned to " + item.assignedTo() + ".");
      return "redirect:/registry/compliance";
    } catch (InvalidRequest e) {
      failed(model, id, e.field() == null ? "form" : e.field(), e.getMessage(), assignee, null);
    } catch (ConflictingState | NotFound e) {
      failed(model, id, "form", e.getMessage(), assignee, null);
    }
    return page(context, null, model);
  }

  @PostMapping("/{id}/resolve")
  String resolve(
      @PathVariable String id,
      @RequestParam(required = false) String note,
      Model model,
      RedirectAttributes redirect) {
    AccessContext context = context();
    try {
      queue.resolve(context, id, note);
      redirect.addFlashAttribute("notice", "Item resolved.");
      return "redirect:/registry/compliance";
    } catch (InvalidRequest e) {
      failed(model, id, e.field() == null ? "form" : e.field(), e.getMessage(), null, note);
    } catch (ConflictingState | NotFound e) {
      failed(model, id, "form", e.getMessage(), null, note);
    }
    return page(context, null, model);
  }

  private static void failed(
      Model model, String id, String field, String message, String assignee, String note) {
    model.addAttribute("errorItem", id);
    model.addAttribute("fieldErrors", Map.of(field, message));
    model.addAttribute("assignee", assignee == null ? "" : assignee);
    model.addAttribute("note", note == null ? "" : note);
  }

  private String page(AccessContext context, Integer page, Model model) {
    var items = queue.list(context, "OPEN", null, PageQuery.of(page, 100));
    model.addAttribute("items", items);
    var names =
        new java.util.HashMap<String, String>(
            registry.registrantNames(
                context.caller(), items.stream().map(ComplianceItem::registrantId).toList()));
    names.putAll(
        trace.equipmentNames(
            callers.context(Channel.PAGE, PURPOSE),
            items.stream().map(ComplianceItem::machineId).toList()));
    model.addAttribute("names", names);
    return "registry/compliance";
  }

  private AccessContext context() {
    return callers.context(Channel.PAGE, null);
  }
}
