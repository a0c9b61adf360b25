package org.presstrace.exchange.web;

import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.exchange.Quarantine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' page of quarantined partner messages, with a replay button on each. */
@Controller
@RequestMapping("/exchange/quarantine")
class QuarantinePages {

  private final Quarantine quarantine;
  private final Callers callers;

  QuarantinePages(Quarantine quarantine, Callers callers) {
    this.quarantine = quarantine;
    this.callers = callers;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("messages", quarantine.list(callers.context(Channel.PAGE, null)));
    return "exchange/quarantine";
  }

  @PostMapping("/{partnerId}/{messageId}/replay")
  String replay(
      @PathVariable String partnerId, @PathVariable String messageId, RedirectAttributes redirect) {
    var outcome = quarantine.replay(callers.context(Channel.PAGE, null), partnerId, messageId);
    redirect.addFlashAttribute(
        "notice",
        switch (outcome) {
          case APPLIED -> "Message " + messageId + " applied; it has left quarantine.";
          case ALREADY_APPLIED -> "Message " + messageId + " was applied already; nothing done.";
          case STILL_FAILING -> "Message " + messageId + " failed again; it stays quarantined.";
        });
    return "redirect:/exchange/quarantine";
  }
}
