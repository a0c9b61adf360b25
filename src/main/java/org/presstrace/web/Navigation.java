package org.presstrace.web;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The main navigation, grouped by task; each entry names the roles that see it, and the same rules
 * close its pages to every other role ({@link #pageRules()}).
 */
final class Navigation {

  /** The groups in the order the menu shows them. */
  static final List<String> GROUPS =
      List.of("Intelligence", "Registry", "Seizures", "Casework", "Substances", "Administration");

  private static final Set<String> WORKERS = Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR");

  /** One navigation link. */
  record Item(String label, String href, Set<String> roles, String group) {

    boolean visibleTo(Set<String> authorities) {
      return roles.isEmpty()
          || roles.stream().anyMatch(role -> authorities.contains("ROLE_" + role));
    }
  }

  /** One group of the menu with the links a user sees in it. */
  record Group(String label, List<Item> items) {}

  static final Item HOME = new Item("Home", "/", Set.of(), null);

  static final List<Item> ITEMS =
      List.of(
          HOME,
          new Item(
              "Intelligence reports",
              "/intel",
              Set.of("REGISTRANT", "INVESTIGATOR", "ANALYST", "SUPERVISOR", "FOREIGN_LIAISON"),
              "Intelligence"),
          new Item(
              "Releases",
              "/releases",
              Set.of("INVESTIGATOR", "SUPERVISOR", "FOREIGN_LIAISON"),
              "Intelligence"),
          new Item("Pre-export notices", "/exchange/notices", WORKERS, "Intelligence"),
          new Item("Incidents", "/exchange/incidents", WORKERS, "Intelligence"),
          new Item("Trace", "/registry/trace", WORKERS, "Registry"),
          new Item("Compliance", "/registry/compliance", WORKERS, "Registry"),
          new Item("My registration", "/registry/registration", Set.of("REGISTRANT"), "Registry"),
          new Item("My equipment", "/registry/equipment", Set.of("REGISTRANT"), "Registry"),
          new Item(
              "Transaction reports",
              "/registry/transaction-reports",
              Set.of("REGISTRANT"),
              "Registry"),
          new Item(
              "Import", "/registry/imports", Set.of("REGISTRANT", "ADMINISTRATOR"), "Registry"),
          new Item("Check a certificate", "/registry/certificates/verify", Set.of(), "Registry"),
          new Item(
              "Seizures",
              "/seizures",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR", "FOREIGN_LIAISON"),
              "Seizures"),
          new Item("Alerts", "/alerts", WORKERS, "Seizures"),
          new Item("Subjects", "/resolution/subjects", WORKERS, "Casework"),
          new Item("Review queue", "/resolution/review", WORKERS, "Casework"),
          new Item("Deconfliction", "/resolution/alerts", WORKERS, "Casework"),
          new Item("Operations", "/resolution/operations", WORKERS, "Casework"),
          new Item("Link analysis", "/resolution/graph", WORKERS, "Casework"),
          new Item("Red flags", "/resolution/red-flags", WORKERS, "Casework"),
          new Item(
              "Substances",
              "/substances",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR", "ADMINISTRATOR"),
              "Substances"),
          new Item("Manifest screening", "/substances/screenings", WORKERS, "Substances"),
          new Item(
              "Designations", "/substances/designations", Set.of("ADMINISTRATOR"), "Substances"),
          new Item("Grants", "/grants", Set.of("SUPERVISOR", "ADMINISTRATOR"), "Administration"),
          new Item("Audit trail", "/audit", Set.of("AUDITOR"), "Administration"),
          new Item("Ledger", "/ledger", Set.of("AUDITOR"), "Administration"),
          new Item("Agencies", "/admin/agencies", Set.of("ADMINISTRATOR"), "Administration"),
          new Item("Users", "/admin/users", Set.of("ADMINISTRATOR"), "Administration"),
          new Item("Partners", "/exchange/partners", Set.of("ADMINISTRATOR"), "Administration"),
          new Item(
              "TAXII feeds", "/exchange/taxii-feeds", Set.of("ADMINISTRATOR"), "Administration"),
          new Item(
              "Quarantined messages",
              "/exchange/quarantine",
              Set.of("ADMINISTRATOR"),
              "Administration"),
          new Item("API tokens", "/account/tokens", Set.of(), "Administration"),
          new Item("API", "/swagger-ui.html", Set.of(), "Administration"));

  private Navigation() {}

  /**
   * The navigation's role rules as page rules, the longest path first so that a page below another
   * ({@code /substances/screenings} below {@code /substances}) keeps its own roles.
   */
  static List<Item> pageRules() {
    return ITEMS.stream()
        .filter(item -> !item.roles().isEmpty() && !"/".equals(item.href()))
        .filter(item -> !item.href().startsWith("/swagger-ui"))
        .sorted(java.util.Comparator.comparingInt((Item item) -> item.href().length()).reversed())
        .toList();
  }

  static List<Item> visibleTo(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return List.of();
    }
    Set<String> authorities =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(java.util.stream.Collectors.toSet());
    return ITEMS.stream().filter(item -> item.visibleTo(authorities)).toList();
  }

  /** The groups holding at least one of {@code visible}, in menu order; Home is in none. */
  static List<Group> grouped(List<Item> visible) {
    return GROUPS.stream()
        .map(
            group ->
                new Group(
                    group, visible.stream().filter(item -> group.equals(item.group())).toList()))
        .filter(group -> !group.items().isEmpty())
        .toList();
  }

  /**
   * Whether a user with {@code roles} (role names, e.g. {@code INVESTIGATOR}) may open {@code
   * path}: the first page rule that covers it decides, as the security configuration applies them.
   */
  static boolean mayOpen(Set<String> roles, String path) {
    return pageRules().stream()
        .filter(rule -> path.equals(rule.href()) || path.startsWith(rule.href() + "/"))
        .findFirst()
        .map(rule -> rule.roles().stream().anyMatch(roles::contains))
        .orElse(true);
  }

  /** Whether the page at {@code path} is the navigation entry {@code href}'s page or below it. */
  static boolean current(String href, String path) {
    if (path == null) {
      return false;
    }
    if ("/".equals(href)) {
      return "/".equals(path);
    }
    return path.equals(href) || path.startsWith(href + "/");
  }
}
