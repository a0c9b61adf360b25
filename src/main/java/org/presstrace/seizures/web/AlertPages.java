package org.presstrace.seizures.web;

import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.seizures.Alerts;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The alerts of the signed-in user's agency, with acknowledgement. */
@Controller
@RequestMapping("/alerts")
class AlertPages {

  private final Alerts alerts;
  private final Callers callers;

  AlertPages(Alerts alerts, Callers callers) {
    this.alerts = alerts;
    this.callers = callers;
  }

  @GetMapping
  String list(
      @RequestParam(required = false, defaultValue = "OPEN") String status,
      @RequestParam(required = false) Integer page,
      Model model) {
    model.addAttribute("status", status);
    model.addAttribute(
        "results",
        alerts.page(callers.context(Channel.PAGE, null), status, PageQuery.of(page, 50)));
    return "seizures/alerts";
  }

  @PostMapping("/{id}/acknowledge")
  String acknowledge(@PathVariable String id, RedirectAttributes redirect) {
    try {
      alerts.acknowledge(callers.context(Channel.PAGE, null), id);
      redirect.addFlashAttribute("message", "Alert acknowledged.");
    } catch (ConflictingState e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/alerts";
  }
}
