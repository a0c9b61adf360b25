package org.presstrace.exchange.web;

import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.RecordPage;
import org.presstrace.exchange.Incidents;
import org.presstrace.exchange.OutgoingMessage;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Incident pages: the inbox of incidents partners sent (those the reader may read), one incident
 * with its origin and marking banner, and the form that sends a seizure to a partner, with a
 * refusal shown beside the field it concerns.
 */
@Controller
@RequestMapping("/exchange/incidents")
class IncidentPages implements RecordPage {

  private final Incidents incidents;

  IncidentPages(Incidents incidents) {
    this.incidents = incidents;
  }

  @GetMapping
  String list(AccessContext context, Model model) {
    model.addAttribute("incidents", incidents.list(context));
    return "exchange/incidents";
  }

  @GetMapping("/send")
  String form(@RequestParam(required = false) String seizure, AccessContext context, Model model) {
    model.addAttribute("seizureId", seizure);
    model.addAttribute("partnerId", null);
    model.addAttribute("partners", incidents.partners(context));
    return "exchange/incident-send";
  }

  @PostMapping("/send")
  String send(
      @RequestParam(required = false) String partnerId,
      @RequestParam(required = false) String seizureId,
      AccessContext context,
      Model model,
      RedirectAttributes redirect) {
    String field;
    String message;
    try {
      OutgoingMessage sent = incidents.send(context, partnerId, seizureId);
      redirect.addFlashAttribute(
          "notice",
          "Seizure sent to partner "
              + sent.partnerId()
              + " as incident message "
              + sent.messageId()
              + " ("
              + sent.marking().banner()
              + ").");
      return "redirect:/exchange/incidents/send";
    } catch (InvalidRequest e) {
      field = e.field();
      message = e.getMessage();
    } catch (NotFound e) {
      field = "seizureId";
      message = "no seizure " + seizureId + " that you may read";
    } catch (AccessDeniedException | ConflictingState e) {
      // the release check refused: the seizure is what may not go
      field = "seizureId";
      message = e.getMessage();
    }
    model.addAttribute("fieldErrors", Map.of(field == null ? "seizureId" : field, message));
    model.addAttribute("seizureId", seizureId);
    model.addAttribute("partnerId", partnerId);
    model.addAttribute("partners", incidents.partners(context));
    return "exchange/incident-send";
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, AccessContext context, Model model) {
    model.addAttribute("i", incidents.get(context, id));
    return "exchange/incident";
  }

  @Override
  public ProtectedKind kind() {
    return Incidents.KIND;
  }

  @Override
  public String pathOf(String recordId) {
    return "/exchange/incidents/" + recordId;
  }
}
