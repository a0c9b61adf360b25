package org.presstrace.web;

import java.time.ZoneId;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.shared.InvalidRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The time zone the pages show times in: each user chooses their own under {@code
 * /account/time-zone}; an administrator chooses a user's under {@code /admin/users/{u}/time-zone}.
 * Without a choice the instance's {@code presstrace.pages.time-zone} applies.
 */
@Controller
class TimeZonePages {

  private final Directory directory;
  private final Callers callers;
  private final ReaderZone zones;

  TimeZonePages(Directory directory, Callers callers, ReaderZone zones) {
    this.directory = directory;
    this.callers = callers;
    this.zones = zones;
  }

  @GetMapping("/account/time-zone")
  String own(Model model) {
    return page(context().caller().username(), "/account/time-zone", model, null);
  }

  @PostMapping("/account/time-zone")
  String setOwn(
      @RequestParam(required = false) String timeZone, Model model, RedirectAttributes redirect) {
    return set(context().caller().username(), "/account/time-zone", timeZone, model, redirect);
  }

  @GetMapping("/admin/users/{username}/time-zone")
  String users(@PathVariable String username, Model model) {
    return page(username, "/admin/users/" + username + "/time-zone", model, null);
  }

  @PostMapping("/admin/users/{username}/time-zone")
  String setUsers(
      @PathVariable String username,
      @RequestParam(required = false) String timeZone,
      Model model,
      RedirectAttributes redirect) {
    return set(username, "/admin/users/" + username + "/time-zone", timeZone, model, redirect);
  }

  private String set(
      String username, String path, String timeZone, Model model, RedirectAttributes redirect) {
    try {
      directory.setTimeZone(context(), username, timeZone);
    } catch (InvalidRequest e) {
      return page(username, path, model, e.getMessage());
    }
    redirect.addFlashAttribute(
        "notice",
        timeZone == null || timeZone.isBlank()
            ? "Times are shown in the instance's zone, " + zones.instanceZone().getId() + "."
            : "Times are shown in " + timeZone.strip() + ".");
    return "redirect:" + path;
  }

  private String page(String username, String path, Model model, String error) {
    AccessContext context = context();
    ZoneId chosen = directory.timeZone(context, username).orElse(null);
    model.addAttribute("username", username);
    model.addAttribute("own", username.equals(context.caller().username()));
    model.addAttribute("action", path);
    model.addAttribute("chosen", chosen == null ? "" : chosen.getId());
    model.addAttribute("instanceZone", zones.instanceZone().getId());
    model.addAttribute(
        "zones",
        ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/")).sorted().toList());
    if (error != null) {
      model.addAttribute("timeZoneError", error);
    }
    return "time-zone";
  }

  private AccessContext context() {
    return callers.context(Channel.PAGE, null);
  }
}
