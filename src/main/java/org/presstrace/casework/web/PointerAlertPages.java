package org.presstrace.casework.web;

import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.casework.PointerAlerts;
import org.presstrace.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deconfliction inbox: the pointer alerts of the user's agency that the user may read (targets
 * and events), each with the other agency and its case reference and point of contact, or its duty
 * contact only, and their acknowledgement.
 */
@Controller
@RequestMapping("/resolution/alerts")
class PointerAlertPages {

  private final PointerAlerts alerts;
  private final Callers callers;

  PointerAlertPages(PointerAlerts alerts, Callers callers) {
    this.alerts = alerts;
    this.callers = callers;
  }

  @GetMapping
  String inbox(@RequestParam(defaultValue = "open") String show, Model model) {
    boolean open = !"all".equals(show);
    model.addAttribute("show", open ? "open" : "all");
    model.addAttribute("alerts", alerts.mine(callers.context(Channel.PAGE, null), open));
    return "casework/alerts";
  }

  @PostMapping("/{id}/acknowledge")
  String acknowledge(@PathVariable String id, RedirectAttributes redirect) {
    try {
      var alert = alerts.acknowledge(callers.context(Channel.PAGE, null), id);
      redirect.addFlashAttribute(
          "message", "Acknowledged the alert on " + alert.ownReference() + ". " + alert.text());
    } catch (NotFound notOurs) {
      redirect.addFlashAttribute("error", "There is no such alert for your agency.");
    }
    return "redirect:/resolution/alerts";
  }
}
