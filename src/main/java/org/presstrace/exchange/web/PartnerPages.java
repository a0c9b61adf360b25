package org.presstrace.exchange.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.exchange.InstanceIdentity;
import org.presstrace.exchange.Partner;
import org.presstrace.exchange.Partners;
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
 * The administrators' partner page: this instance's pairing text, the partners with what is agreed
 * with each and where its outbox stands (pending, last error, next attempt), pairing from a
 * partner's text, and enabling or disabling a partner.
 */
@Controller
@RequestMapping("/exchange/partners")
class PartnerPages {

  private final Partners partners;
  private final InstanceIdentity identity;
  private final Callers callers;

  PartnerPages(Partners partners, InstanceIdentity identity, Callers callers) {
    this.partners = partners;
    this.identity = identity;
    this.callers = callers;
  }

  @GetMapping
  String list(Model model) {
    AccessContext context = context();
    model.addAttribute("partners", partners.list(context));
    model.addAttribute("outboxes", partners.outboxes(context));
    model.addAttribute("identity", identity.pairing().toJson());
    return "exchange/partners";
  }

  @PostMapping
  String pair(
      @RequestParam(required = false) String pairing,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String custodian,
      @RequestParam(required = false) String messageTypes,
      Model model,
      RedirectAttributes redirect) {
    try {
      Partner partner = partners.pair(context(), pairing, agency, custodian, types(messageTypes));
      redirect.addFlashAttribute(
          "notice", "Paired with " + partner.id() + " (" + partner.country() + ").");
      return "redirect:/exchange/partners";
    } catch (InvalidRequest | ConflictingState e) {
      String field =
          e instanceof InvalidRequest invalid && "messageTypes".equals(prefix(invalid.field()))
              ? "messageTypes"
              : e instanceof InvalidRequest invalid && "agency".equals(invalid.field())
                  ? "agency"
                  : e instanceof InvalidRequest invalid && "custodian".equals(invalid.field())
                      ? "custodian"
                      : "pairing";
      model.addAttribute("fieldErrors", Map.of(field, e.getMessage()));
      model.addAttribute(
          "form",
          Map.of(
              "pairing", pairing == null ? "" : pairing,
              "agency", agency == null ? "" : agency,
              "custodian", custodian == null ? "" : custodian,
              "messageTypes", messageTypes == null ? "" : messageTypes));
      return list(model);
    }
  }

  @PostMapping("/{id}/enabled")
  String enable(
      @PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
    AccessContext context = context();
    Partner partner = partners.get(context, id);
    partners.update(context, id, partner.messageTypes(), enabled);
    redirect.addFlashAttribute(
        "notice", "Partner " + id + (enabled ? " enabled." : " disabled: nothing is sent to it."));
    return "redirect:/exchange/partners";
  }

  @PostMapping("/{id}/custodian")
  String custodian(
      @PathVariable String id,
      @RequestParam(required = false) String custodian,
      Model model,
      RedirectAttributes redirect) {
    try {
      Partner partner = partners.setCustodian(context(), id, custodian);
      redirect.addFlashAttribute(
          "notice",
          "Members of "
              + partner.custodian()
              + " now read what partner "
              + id
              + " sends, under its marking.");
      return "redirect:/exchange/partners";
    } catch (InvalidRequest e) {
      model.addAttribute("custodianErrors", Map.of(id, e.getMessage()));
      return list(model);
    }
  }

  private static List<String> types(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,\\s]+")).filter(type -> !type.isEmpty()).toList();
  }

  private static String prefix(String field) {
    if (field == null) {
      return null;
    }
    int bracket = field.indexOf('[');
    return bracket < 0 ? field : field.substring(0, bracket);
  }

  private AccessContext context() {
    return callers.context(Channel.PAGE, null);
  }
}
