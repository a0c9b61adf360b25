package org.presstrace.redflags.web;

import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.redflags.RedFlagStatus;
import org.presstrace.redflags.RedFlags;
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

/** The red flags of the signed-in user's agency, with their explanations and review actions. */
@Controller
@RequestMapping("/resolution/red-flags")
class RedFlagPages {

  private final RedFlags redFlags;

  RedFlagPages(RedFlags redFlags) {
    this.redFlags = redFlags;
  }

  @GetMapping
  String list(
      @RequestParam(defaultValue = "OPEN") String status,
      @RequestParam(required = false) Integer page,
      AccessContext context,
      Model model) {
    model.addAttribute("status", status);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "redflags/red-flags";
    }
    try {
      RedFlagStatus wanted =
          "all".equalsIgnoreCase(status) ? null : RedFlagStatus.parse("status", status);
      model.addAttribute("results", redFlags.page(context, wanted, null, PageQuery.of(page, 50)));
    } catch (InvalidRequest e) {
      model.addAttribute("fieldErrors", Map.of(e.field(), e.getMessage()));
    }
    return "redflags/red-flags";
  }

  @PostMapping("/run")
  String run(AccessContext context, RedirectAttributes redirect) {
    var run = redFlags.run(context);
    redirect.addFlashAttribute(
        "message",
        "Rules evaluated over "
            + run.parties()
            + " parties and "
            + run.payments()
            + " payments: "
            + run.fired()
            + " fired, "
            + run.raised()
            + " new, "
            + run.cleared()
            + " cleared.");
    return "redirect:/resolution/red-flags";
  }

  @PostMapping("/{id}/{decision:acknowledge|dismiss}")
  String decide(
      @PathVariable String id,
      @PathVariable String decision,
      @RequestParam(defaultValue = "") String note,
      AccessContext context,
      RedirectAttributes redirect) {
    try {
      if (decision.equals("dismiss")) {
        redFlags.dismiss(context, id, note);
      } else {
        redFlags.acknowledge(context, id, note);
      }
      redirect.addFlashAttribute("message", "Red flag " + decision + "d.");
    } catch (InvalidRequest e) {
      redirect.addFlashAttribute("noteErrors", Map.of(id, e.getMessage()));
    } catch (ConflictingState | NotFound e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/resolution/red-flags";
  }
}
