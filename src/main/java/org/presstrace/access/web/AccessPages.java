package org.presstrace.access.web;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
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
import org.presstrace.access.RecordPage;
import org.presstrace.access.ReleaseFilter;
import org.presstrace.access.ReleaseStatus;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.FormErrors;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.PageLinks;
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
  private final Map<String, RecordPage> recordPages;

  AccessPages(
      Directory directory,
      Releases releases,
      MarkingChanges markingChanges,
      Grants grants,
      AuditTrail audit,
      Callers callers,
      List<RecordPage> recordPages) {
    this.directory = directory;
    this.releases = releases;
    this.markingChanges = markingChanges;
    this.grants = grants;
    this.audit = audit;
    this.callers = callers;
    this.recordPages =
        recordPages.stream()
            .collect(Collectors.toUnmodifiableMap(page -> page.kind().name(), page -> page));
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

  /** Rows per page of the release inbox. */
  static final int RELEASES_PER_PAGE = 25;

  @GetMapping("/releases")
  String inbox(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String who,
      @RequestParam(required = false) String record,
      @RequestParam(required = false) String page,
      Model model) {
    var errors = new LinkedHashMap<String, String>();
    ReleaseStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = ReleaseStatus.valueOf(status.strip());
      } catch (IllegalArgumentException e) {
        errors.put(
            "status",
            "status '" + status + "' is not one of " + Arrays.toString(ReleaseStatus.values()));
      }
    }
    String recordKind = kind == null || kind.isBlank() ? null : kind.strip();
    if (recordKind != null && !releases.recordKinds().contains(recordKind)) {
      errors.put("kind", "record type '" + kind + "' is not one of " + releases.recordKinds());
      recordKind = null;
    }
    PageQuery pageQuery = pageQuery(page, RELEASES_PER_PAGE, errors);
    AccessContext context = context();
    var filters = releaseFilters(status, kind, who, record);
    var found =
        releases.inbox(context, new ReleaseFilter(wanted, recordKind, who, record), pageQuery);
    var links = PageLinks.of("/releases", filters, found);
    model.addAttribute("releases", found.items());
    model.addAttribute("links", links);
    model.addAttribute("here", links.here());
    model.addAttribute("filters", filters);
    model.addAttribute("filterErrors", errors);
    model.addAttribute("recordKinds", releases.recordKinds());
    model.addAttribute("recordPages", recordPages);
    model.addAttribute(
        "markingChanges", markingChanges.inbox(context, MarkingChangeStatus.PENDING));
    model.addAttribute("status", status == null ? "" : status);
    model.addAttribute("statuses", ReleaseStatus.values());
    model.addAttribute("me", context.caller().username());
    model.addAttribute("supervisor", context.caller().has(Role.SUPERVISOR));
    model.addAttribute("myAgency", context.caller().agency());
    return "access/releases";
  }

  /** The inbox's filters as given, in the order the links carry them. */
  private static Map<String, String> releaseFilters(
      String status, String kind, String who, String record) {
    var filters = new LinkedHashMap<String, String>();
    filters.put("status", status);
    filters.put("kind", kind);
    filters.put("who", who);
    filters.put("record", record);
    return filters;
  }

  /**
   * The page asked for; a page that is not a page number is said beside the pager and the first
   * page shown.
   */
  static PageQuery pageQuery(String page, int size, Map<String, String> errors) {
    try {
      return PageQuery.parse(page, size);
    } catch (InvalidRequest e) {
      errors.put("page", e.getMessage());
      return new PageQuery(0, size);
    }
  }

  @PostMapping("/releases")
  String requestRelease(
      @RequestParam String kind,
      @RequestParam String recordId,
      @RequestParam(defaultValue = "") String targetAgency,
      @RequestParam(defaultValue = "") String justification,
      @RequestParam(required = false) String from,
      HttpSession session,
      RedirectAttributes redirect) {
    Object purpose = session.getAttribute(Purpose.SESSION_ATTRIBUTE);
    String back = localPath(from);
    try {
      releases.request(
          callers.context(Channel.PAGE, purpose == null ? null : purpose.toString()),
          kind,
          recordId,
          targetAgency,
          justification);
      redirect.addFlashAttribute(
          "notice", "Release to " + targetAgency + " requested; a supervisor decides.");
      return "redirect:/releases";
    } catch (InvalidRequest e) {
      redirect.addFlashAttribute("releaseErrors", releaseErrors(e));
    } catch (ConflictingState | AccessDeniedException e) {
      redirect.addFlashAttribute("releaseErrors", Map.of(FormErrors.FORM, e.getMessage()));
    }
    if (back == null) {
      redirect.addFlashAttribute("error", "The release was not asked for: correct the request.");
      return "redirect:/releases";
    }
    // Back to the form, with every problem beside its field and what was typed.
    redirect.addFlashAttribute(
        "releaseForm", Map.of("targetAgency", targetAgency, "justification", justification));
    return "redirect:" + back;
  }

  /** The words a user reads beside each field of the release form. */
  static Map<String, String> releaseErrors(InvalidRequest refused) {
    var plain = new java.util.HashMap<String, String>();
    plain.put(
        "justification", "Say why the record should go to this agency, in 4 to 1000 characters");
    refused.all().stream()
        .filter(problem -> "targetAgency".equals(problem.field()))
        .filter(
            problem ->
                problem.getMessage().endsWith("does not exist")
                    || problem.getMessage().endsWith("is required"))
        .findFirst()
        .ifPresent(
            problem ->
                plain.put(
                    "targetAgency", "Give the code of an agency PressTrace knows, such as DEA"));
    return FormErrors.of(
        refused,
        field -> List.of("targetAgency", "justification").contains(field) ? field : FormErrors.FORM,
        plain,
        List.of("targetAgency", "justification"));
  }

  /** {@code path} when it is a path on this server, such as {@code /intel/…}; else null. */
  static String localPath(String path) {
    return path != null && path.matches("/[A-Za-z0-9/_-]{0,200}") && !path.startsWith("//")
        ? path
        : null;
  }

  /**
   * Approves, rejects or revokes a release, then shows the inbox again with the filters and page
   * the decision was taken on (given in the form's query string).
   */
  @PostMapping("/releases/{id}/{decision}")
  String decide(
      @PathVariable String id,
      @PathVariable String decision,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String who,
      @RequestParam(required = false) String record,
      @RequestParam(required = false) String page,
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
    var back = releaseFilters(status, kind, who, record);
    back.put("page", page);
    return "redirect:/releases" + PageLinks.query(back);
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

  /** Rows per page of the audit trail. */
  static final int AUDIT_PER_PAGE = 50;

  @GetMapping("/audit")
  String audit(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String recordId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      Model model) {
    requireRole(Role.AUDITOR);
    var query = new LinkedHashMap<String, String>();
    query.put("username", username);
    query.put("agency", agency);
    query.put("action", action);
    query.put("kind", kind);
    query.put("recordId", recordId);
    query.put("from", from);
    query.put("to", to);
    model.addAttribute("query", query);
    var errors = new LinkedHashMap<String, String>();
    Instant since = bound(from, "from", false, errors);
    Instant until = bound(to, "to", true, errors);
    if (since != null && until != null && until.isBefore(since)) {
      errors.put("to", "to '" + to + "' is before from '" + from + "'");
      until = null;
    }
    PageQuery pageQuery = pageQuery(page, AUDIT_PER_PAGE, errors);
    var entries =
        audit.search(
            context(),
            new AuditQuery(username, agency, action, kind, recordId, since, until),
            pageQuery);
    model.addAttribute("entries", entries);
    model.addAttribute("links", PageLinks.of("/audit", query, entries));
    model.addAttribute("fieldErrors", errors);
    return "access/audit";
  }

  /**
   * One end of the audit search's time range as typed: a day ({@code 2026-11-28}, all of it, in
   * UTC) or an ISO 8601 UTC time; anything else is said beside the field and left out of the
   * search.
   */
  private static Instant bound(String text, String field, boolean end, Map<String, String> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String given = text.strip();
    try {
      if (given.length() <= 10) {
        LocalDate day = LocalDate.parse(given);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(given);
    } catch (DateTimeParseException e) {
      errors.put(
          field,
          field
              + " '"
              + text
              + "' is not an ISO 8601 UTC time such as 2026-11-28T14:00:00Z, nor a day such as"
              + " 2026-11-28");
      return null;
    }
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
    var errors = new LinkedHashMap<String, String>();
    Instant since = bound(from, "from", false, errors);
    Instant until = bound(to, "to", true, errors);
    if (!errors.isEmpty()) {
      var first = errors.entrySet().iterator().next();
      throw new InvalidRequest(first.getKey(), first.getValue());
    }
    var csv = new AuditCsv(directory.operatorAgency());
    audit.export(
        callers.context(Channel.EXPORT, null),
        new AuditQuery(username, agency, action, kind, recordId, since, until),
        csv::append);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
    response.setHeader(org.presstrace.access.ExportBanner.HEADER, csv.banner());
    response.getOutputStream().write(csv.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
