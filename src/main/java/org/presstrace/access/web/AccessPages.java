package org.presstrace.access.web;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.NoSuchElementException;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AuditQuery;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.GrantStatus;
import org.presstrace.access.Grants;
import org.presstrace.access.MarkingChangeStatus;
import org.presstrace.access.MarkingChanges;
import org.presstrace.access.NewUser;
import org.presstrace.access.Purpose;
import org.presstrace.access.ReleaseStatus;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.PageQuery;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Agency and user administration, the release inbox, and audit search. */
@Controller
class AccessPages {

  private final Directory directory;
  private final Releases releases;
  private final MarkingChanges markingChanges;
  private final AuditTrail audit;
  private final Grants grants;
  private final Callers callers;

  AccessPages(
      Directory directory,
      Releases releases,
      MarkingChanges markingChanges,
      Grants grants,
      AuditTrail audit,
      Callers callers) {
    this.directory = directory;
    this.releases = releases;
    this.markingChanges = markingChanges;
    this.grants = grants;
    this.audit = audit;
    this.callers = callers;
  }

  // ---- agencies ------------------------------------------------------------------------------

  @GetMapping("/admin/agencies")
  String agencies(Model model) {
    requireRole(Role.ADMINISTRATOR);
    model.addAttribute("agencies", directory.agencies());
    model.addAttribute("kinds", AgencyKind.values());
    model.addAttribute("operator", directory.operatorAgency());
    model.addAttribute("myAgency", callers.current().agency());
    return "access/agencies";
  }

  @PostMapping("/admin/agencies")
  String createAgency(
      @RequestParam String code,
      @RequestParam String name,
      @RequestParam String kind,
      @RequestParam String country,
      Model model,
      RedirectAttributes redirect) {
    try {
      AgencyKind agencyKind;
      try {
        agencyKind = AgencyKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequest(
            "kind", "kind '" + kind + "' is not one of " + Arrays.toString(AgencyKind.values()));
      }
      directory.createAgency(context(), code, name, agencyKind, country);
      redirect.addFlashAttribute("notice", "Agency " + code + " created.");
      return "redirect:/admin/agencies";
    } catch (InvalidRequest | ConflictingState e) {
      model.addAttribute("fieldErrors", Map.of(field(e), e.getMessage()));
      model.addAttribute(
          "form", Map.of("code", code, "name", name, "kind", kind, "country", country));
      return agencies(model);
    }
  }

  @PostMapping("/admin/agencies/{code}/duty-contact")
  String setDutyContact(
      @PathVariable String code,
      @RequestParam(required = false) String dutyContact,
      Model model,
      RedirectAttributes redirect) {
    try {
      directory.setDutyContact(context(), code, dutyContact);
      redirect.addFlashAttribute("notice", "Duty contact of " + code + " set.");
      return "redirect:/admin/agencies";
    } catch (InvalidRequest e) {
      model.addAttribute("dutyContactErrors", Map.of(code, e.getMessage()));
      return agencies(model);
    }
  }

  // ---- users ---------------------------------------------------------------------------------

  @GetMapping("/admin/users")
  String users(@RequestParam(required = false) String agency, Model model) {
    AccessContext context = context();
    String shown = agency == null || agency.isBlank() ? context.caller().agency() : agency;
    model.addAttribute("agency", shown);
    var users = directory.users(context, shown);
    model.addAttribute("users", users);
    var zones = new java.util.HashMap<String, String>();
    users.forEach(
        user ->
            directory
                .timeZone(user.username())
                .ifPresent(z -> zones.put(user.username(), z.getId())));
    model.addAttribute("zones", zones);
    model.addAttribute("roles", Role.values());
    model.addAttribute(
        "agencies",
        context.caller().agency().equals(directory.operatorAgency())
            ? directory.agencies()
            : directory.agency(context.caller().agency()).stream().toList());
    return "access/users";
  }

  @PostMapping("/admin/users")
  String createUser(
      @RequestParam String agency,
      @RequestParam String username,
      @RequestParam String displayName,
      @RequestParam(required = false) String[] roles,
      @RequestParam String password,
      Model model,
      RedirectAttributes redirect) {
    try {
      var parsed = EnumSet.noneOf(Role.class);
      if (roles != null) {
        Arrays.stream(roles).forEach(role -> parsed.add(Role.parse(role)));
      }
      directory.createUser(context(), new NewUser(username, displayName, agency, parsed, password));
      redirect.addFlashAttribute(
          "notice",
          parsed.stream().anyMatch(Role::readsRecords)
              ? "User "
                  + username
                  + " created; its roles take effect once a supervisor"
                  + " approves them under Grants."
              : "User " + username + " created.");
      return "redirect:/admin/users?agency=" + agency;
    } catch (InvalidRequest | ConflictingState e) {
      model.addAttribute("fieldErrors", Map.of(field(e), e.getMessage()));
      model.addAttribute("form", Map.of("username", username, "displayName", displayName));
      return users(agency, model);
    }
  }

  @PostMapping("/admin/users/{username}/unlock")
  String unlock(@PathVariable String username, RedirectAttributes redirect) {
    var user = directory.user(username).orElseThrow(() -> new NoSuchElementException(username));
    directory.unlock(context(), username);
    redirect.addFlashAttribute("notice", "User " + username + " unlocked.");
    return "redirect:/admin/users?agency=" + user.agency();
  }

  // ---- releases ------------------------------------------------------------------------------

  @GetMapping("/releases")
  String inbox(@RequestParam(required = false) String status, Model model) {
    ReleaseStatus wanted = null;
    if (status != null && !status.isBlank()) {
      wanted = ReleaseStatus.valueOf(status);
    }
    AccessContext context = context();
    model.addAttribute("releases", releases.inbox(context, wanted));
    model.addAttribute(
        "markingChanges", markingChanges.inbox(context, MarkingChangeStatus.PENDING));
    model.addAttribute("status", status == null ? "" : status);
    model.addAttribute("statuses", ReleaseStatus.values());
    model.addAttribute("me", context.caller().username());
    model.addAttribute("supervisor", context.caller().has(Role.SUPERVISOR));
    model.addAttribute("myAgency", context.caller().agency());
    return "access/releases";
  }

  @PostMapping("/releases")
  String requestRelease(
      @RequestParam String kind,
      @RequestParam String recordId,
      @RequestParam String targetAgency,
      @RequestParam String justification,
      HttpSession session,
      RedirectAttributes redirect) {
    Object purpose = session.getAttribute(Purpose.SESSION_ATTRIBUTE);
    try {
      releases.request(
          callers.context(Channel.PAGE, purpose == null ? null : purpose.toString()),
          kind,
          recordId,
          targetAgency,
          justification);
      redirect.addFlashAttribute(
          "notice", "Release to " + targetAgency + " requested; a supervisor decides.");
    } catch (InvalidRequest | ConflictingState | AccessDeniedException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/releases";
  }

  @PostMapping("/releases/{id}/{decision}")
  String decide(
      @PathVariable String id,
      @PathVariable String decision,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    AccessContext context = context();
    try {
      switch (decision) {
        case "approve" -> releases.approve(context, id, reason);
        case "reject" -> releases.reject(context, id, reason);
        case "revoke" -> releases.revoke(context, id, reason);
        default -> throw new NoSuchElementException("no such decision " + decision);
      }
      redirect.addFlashAttribute("notice", "Release " + decision + "d.");
    } catch (InvalidRequest | ConflictingState | AccessDeniedException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/releases";
  }

  // ---- grants --------------------------------------------------------------------------------

  @GetMapping("/grants")
  String grants(@RequestParam(required = false) String status, Model model) {
    GrantStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = GrantStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequest(
            "status",
            "status '" + status + "' is not one of " + Arrays.toString(GrantStatus.values()));
      }
    }
    AccessContext context = context();
    model.addAttribute("grants", grants.inbox(context, wanted));
    model.addAttribute("status", status == null ? "" : status);
    model.addAttribute("statuses", GrantStatus.values());
    model.addAttribute("roles", Role.values());
    model.addAttribute("me", context.caller().username());
    model.addAttribute("supervisor", context.caller().has(Role.SUPERVISOR));
    model.addAttribute("administrator", context.caller().has(Role.ADMINISTRATOR));
    model.addAttribute("myAgency", context.caller().agency());
    return "access/grants";
  }

  @PostMapping("/grants")
  String requestRole(
      @RequestParam String username, @RequestParam String role, RedirectAttributes redirect) {
    try {
      var grant = grants.requestRole(context(), username, role);
      redirect.addFlashAttribute(
          "notice",
          grant.status() == GrantStatus.PENDING
              ? "Role " + role + " for " + username + " asked for; a supervisor decides."
              : "Role " + role + " granted to " + username + ".");
    } catch (InvalidRequest | ConflictingState | AccessDeniedException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/grants";
  }

  @PostMapping("/grants/members")
  String requestMembership(
      @RequestParam String compartment,
      @RequestParam String username,
      RedirectAttributes redirect) {
    try {
      directory.addMember(context(), compartment, username);
      redirect.addFlashAttribute(
          "notice", username + " asked for in " + compartment + "; a supervisor decides.");
    } catch (InvalidRequest | ConflictingState | AccessDeniedException | NoSuchElementException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/grants";
  }

  @PostMapping("/grants/{id}/{decision}")
  String decideGrant(
      @PathVariable String id,
      @PathVariable String decision,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    AccessContext context = context();
    try {
      switch (decision) {
        case "approve" -> grants.approve(context, id, reason);
        case "reject" -> grants.reject(context, id, reason);
        default -> throw new NoSuchElementException("no such decision " + decision);
      }
      redirect.addFlashAttribute("notice", "Grant " + decision + "d.");
    } catch (InvalidRequest | ConflictingState | AccessDeniedException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/grants";
  }

  // ---- audit ---------------------------------------------------------------------------------

  @GetMapping("/audit")
  String audit(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String recordId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer page,
      Model model) {
    requireRole(Role.AUDITOR);
    var query = new java.util.LinkedHashMap<String, String>();
    query.put("username", username);
    query.put("agency", agency);
    query.put("action", action);
    query.put("kind", kind);
    query.put("recordId", recordId);
    query.put("from", from);
    query.put("to", to);
    model.addAttribute("query", query);
    try {
      model.addAttribute(
          "entries",
          audit.search(
              context(),
              new AuditQuery(
                  username,
                  agency,
                  action,
                  kind,
                  recordId,
                  instant(from, "from"),
                  instant(to, "to")),
              PageQuery.of(page, 50)));
    } catch (InvalidRequest e) {
      model.addAttribute("fieldErrors", Map.of(e.field(), e.getMessage()));
    }
    return "access/audit";
  }

  @GetMapping(value = "/audit/export", produces = "text/csv")
  void exportAudit(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String recordId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      jakarta.servlet.http.HttpServletResponse response)
      throws java.io.IOException {
    requireRole(Role.AUDITOR);
    var csv = new AuditCsv(directory.operatorAgency());
    audit.export(
        callers.context(Channel.EXPORT, null),
        new AuditQuery(
            username, agency, action, kind, recordId, instant(from, "from"), instant(to, "to")),
        csv::append);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
    response.setHeader(org.presstrace.access.ExportBanner.HEADER, csv.banner());
    response.getOutputStream().write(csv.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Instant instant(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(
          field,
          field + " '" + text + "' is not an ISO 8601 UTC time such as 2026-11-28T00:00:00Z");
    }
  }

  private void requireRole(Role role) {
    if (!callers.current().has(role)) {
      throw new AccessDeniedException("this page is for the " + role.slug() + " role");
    }
  }

  private AccessContext context() {
    return callers.context(Channel.PAGE, null);
  }

  private static String field(RuntimeException e) {
    return e instanceof InvalidRequest invalid && invalid.field() != null
        ? invalid.field()
        : "form";
  }
}
