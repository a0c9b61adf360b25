package org.presstrace.access.web;

import java.util.NoSuchElementException;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.MarkingChanges;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervisors approve or reject pending marking changes from the releases page. */
@Controller
class MarkingChangePages {

  private final MarkingChanges changes;
  private final Callers callers;

  MarkingChangePages(MarkingChanges changes, Callers callers) {
    this.changes = changes;
    this.callers = callers;
  }

  @PostMapping("/marking-changes/{id}/{decision}")
  String decide(
      @PathVariable String id,
      @PathVariable String decision,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    AccessContext context = callers.context(Channel.PAGE, null);
    try {
      switch (decision) {
        case "approve" -> changes.approve(context, id, reason);
        case "reject" -> changes.reject(context, id, reason);
        default -> throw new NoSuchElementException("no such decision " + decision);
      }
      redirect.addFlashAttribute("notice", "Marking change " + decision + "d.");
    } catch (InvalidRequest | ConflictingState | AccessDeniedException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/releases";
  }
}
