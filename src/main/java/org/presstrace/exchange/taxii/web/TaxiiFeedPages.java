package org.presstrace.exchange.taxii.web;

import java.util.HashMap;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Role;
import org.presstrace.exchange.taxii.TaxiiFeeds;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' page of scheduled TAXII feeds: each feed's state, and adding one. */
@Controller
class TaxiiFeedPages {

  private static final String PAGE = "/exchange/taxii-feeds";

  private final TaxiiFeeds feeds;
  private final Callers callers;

  TaxiiFeedPages(TaxiiFeeds feeds, Callers callers) {
    this.feeds = feeds;
    this.callers = callers;
  }

  @GetMapping(PAGE)
  String list(Model model) {
    AccessContext context = context();
    model.addAttribute("feeds", feeds.list(context).stream().map(FeedView::of).toList());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of("interval", "PT1H", "auth", "NONE"));
    }
    return "exchange/taxii-feeds";
  }

  @PostMapping(PAGE)
  String add(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String collectionUrl,
      @RequestParam(required = false) String importAs,
      @RequestParam(required = false) String auth,
      @RequestParam(required = false) String authEnv,
      @RequestParam(required = false) String interval,
      Model model,
      RedirectAttributes redirect) {
    try {
      var feed =
          feeds.add(
              context(),
              new TaxiiFeeds.NewFeed(name, collectionUrl, importAs, auth, authEnv, interval));
      redirect.addFlashAttribute("notice", "Feed " + feed.name() + " added; it polls now.");
      return "redirect:" + PAGE;
    } catch (InvalidRequest | ConflictingState e) {
      String field =
          e instanceof InvalidRequest invalid && invalid.field() != null ? invalid.field() : "name";
      model.addAttribute("fieldErrors", Map.of(field, e.getMessage()));
      var form = new HashMap<String, String>();
      form.put("name", name);
      form.put("collectionUrl", collectionUrl);
      form.put("importAs", importAs);
      form.put("auth", auth);
      // authEnv is not shown again when refused: what was typed may be the credential itself.
      form.put("authEnv", "authEnv".equals(field) ? "" : authEnv);
      form.put("interval", interval);
      model.addAttribute("form", form);
      return list(model);
    }
  }

  @PostMapping(PAGE + "/{id}/enabled")
  String setEnabled(
      @PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
    var feed = feeds.setEnabled(context(), id, enabled);
    redirect.addFlashAttribute(
        "notice", "Feed " + feed.name() + (enabled ? " enabled." : " disabled."));
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/{id}/remove")
  String remove(@PathVariable String id, RedirectAttributes redirect) {
    var feed = feeds.get(context(), id);
    feeds.remove(context(), id);
    redirect.addFlashAttribute("notice", "Feed " + feed.name() + " removed.");
    return "redirect:" + PAGE;
  }

  private AccessContext context() {
    if (!callers.current().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("this page is for the administrator role");
    }
    return callers.context(Channel.PAGE, null);
  }
}
