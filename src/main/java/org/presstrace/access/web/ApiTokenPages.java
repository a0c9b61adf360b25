package org.presstrace.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.presstrace.access.AccessContext;
import org.presstrace.access.ApiTokens;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.IssuedApiToken;
import org.presstrace.access.NewApiToken;
import org.presstrace.access.Role;
import org.presstrace.access.UserView;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "API tokens" pages: your own tokens under {@code /account/tokens}, and a user's tokens for
 * administrators of the user's agency under {@code /admin/users/{username}/tokens}. A new token's
 * secret is shown in the answer to the form, once, never stored in the session.
 */
@Controller
class ApiTokenPages {

  private static final int DEFAULT_DAYS = 90;

  private final ApiTokens tokens;
  private final Directory directory;
  private final Callers callers;

  ApiTokenPages(ApiTokens tokens, Directory directory, Callers callers) {
    this.tokens = tokens;
    this.directory = directory;
    this.callers = callers;
  }

  @GetMapping("/account/tokens")
  String own(Model model) {
    return page(null, model);
  }

  @GetMapping("/admin/users/{username}/tokens")
  String ofUser(@PathVariable String username, Model model) {
    return page(username, model);
  }

  @PostMapping("/account/tokens")
  String issueOwn(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String[] roles,
      @RequestParam(required = false) String days,
      Model model,
      HttpServletResponse response) {
    return issue(null, name, roles, days, model, response);
  }

  @PostMapping("/admin/users/{username}/tokens")
  String issueFor(
      @PathVariable String username,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String[] roles,
      @RequestParam(required = false) String days,
      Model model,
      HttpServletResponse response) {
    return issue(username, name, roles, days, model, response);
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revokeOwn(@PathVariable String id, RedirectAttributes redirect) {
    var token = tokens.revoke(context(), id);
    redirect.addFlashAttribute("notice", "Token '" + token.name() + "' revoked.");
    return "redirect:/account/tokens";
  }

  @PostMapping("/admin/users/{username}/tokens/{id}/revoke")
  String revokeFor(
      @PathVariable String username, @PathVariable String id, RedirectAttributes redirect) {
    var token = tokens.revoke(context(), id);
    redirect.addFlashAttribute("notice", "Token '" + token.name() + "' revoked.");
    return "redirect:/admin/users/" + token.username() + "/tokens";
  }

  private String issue(
      String username,
      String name,
      String[] roles,
      String days,
      Model model,
      HttpServletResponse response) {
    AccessContext context = context();
    try {
      Set<Role> parsed = EnumSet.noneOf(Role.class);
      if (roles != null) {
        Arrays.stream(roles).forEach(role -> parsed.add(Role.parse(role)));
      }
      IssuedApiToken issued =
          tokens.issue(context, new NewApiToken(username, name, parsed, expiry(days)));
      response.setHeader("Cache-Control", "no-store");
      model.addAttribute("issued", issued);
    } catch (InvalidRequest | ConflictingState e) {
      String field = e instanceof InvalidRequest invalid ? invalid.field() : "form";
      model.addAttribute(
          "fieldErrors",
          Map.of(field == null ? "form" : field.replace("expiresAt", "days"), e.getMessage()));
      model.addAttribute(
          "form", Map.of("name", name == null ? "" : name, "days", days == null ? "" : days));
    }
    return page(username, model);
  }

  private String page(String username, Model model) {
    AccessContext context = context();
    boolean own = username == null || username.equals(context.caller().username());
    UserView holder =
        directory
            .user(own ? context.caller().username() : username)
            .orElseThrow(() -> new NotFound("user", username));
    model.addAttribute("holder", holder);
    model.addAttribute("own", own);
    model.addAttribute("tokens", tokens.of(context, holder.username()));
    model.addAttribute(
        "roles",
        own ? holder.roles() : holder.roles().stream().filter(context.caller()::has).toList());
    model.addAttribute(
        "base", own ? "/account/tokens" : "/admin/users/" + holder.username() + "/tokens");
    model.addAttribute("defaultDays", DEFAULT_DAYS);
    return "access/tokens";
  }

  private static Instant expiry(String days) {
    int parsed;
    try {
      parsed = Integer.parseInt(days == null ? "" : days.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequest("days", "days '" + days + "' is not a whole number of days");
    }
    if (parsed < 1) {
      throw new InvalidRequest("days", "days must be at least 1");
    }
    return Instant.now().plus(Duration.ofDays(parsed));
  }

  private AccessContext context() {
    return callers.context(Channel.PAGE, null);
  }
}
