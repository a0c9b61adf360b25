package org.presstrace.web;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The main navigation; each entry names the roles that see it. */
final class Navigation {

  /** One navigation link. */
  record Item(String label, String href, Set<String> roles) {

    boolean visibleTo(Set<String> authorities) {
      return roles.isEmpty()
          || roles.stream().anyMatch(role -> authorities.contains("ROLE_" + role));
    }
  }

  static final List<Item> ITEMS =
      List.of(
          new Item("Home", "/", Set.of()),
          new Item(
              "Intelligence",
              "/intel",
              Set.of("REGISTRANT", "INVESTIGATOR", "ANALYST", "SUPERVISOR", "FOREIGN_LIAISON")),
          new Item("Trace", "/registry/trace", Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Compliance",
              "/registry/compliance",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Seizures",
              "/seizures",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR", "FOREIGN_LIAISON")),
          new Item("Alerts", "/alerts", Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Subjects", "/resolution/subjects", Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Review queue",
              "/resolution/review",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Deconfliction",
              "/resolution/alerts",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Operations",
              "/resolution/operations",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Link analysis",
              "/resolution/graph",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Red flags",
              "/resolution/red-flags",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item("My registration", "/registry/registration", Set.of("REGISTRANT")),
          new Item("My equipment", "/registry/equipment", Set.of("REGISTRANT")),
          new Item("Import", "/registry/imports", Set.of("REGISTRANT", "ADMINISTRATOR")),
          new Item("Transaction reports", "/registry/transaction-reports", Set.of("REGISTRANT")),
          new Item(
              "Substances",
              "/substances",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR", "ADMINISTRATOR")),
          new Item(
              "Manifest screening",
              "/substances/screenings",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item("Designations", "/substances/designations", Set.of("ADMINISTRATOR")),
          new Item(
              "Releases", "/releases", Set.of("INVESTIGATOR", "SUPERVISOR", "FOREIGN_LIAISON")),
          new Item("Grants", "/grants", Set.of("SUPERVISOR", "ADMINISTRATOR")),
          new Item("Audit trail", "/audit", Set.of("AUDITOR")),
          new Item("Ledger", "/ledger", Set.of("AUDITOR")),
          new Item("Agencies", "/admin/agencies", Set.of("ADMINISTRATOR")),
          new Item("Users", "/admin/users", Set.of("ADMINISTRATOR")),
          new Item("Partners", "/exchange/partners", Set.of("ADMINISTRATOR")),
          new Item(
              "Pre-export notices",
              "/exchange/notices",
              Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item(
              "Incidents", "/exchange/incidents", Set.of("INVESTIGATOR", "ANALYST", "SUPERVISOR")),
          new Item("TAXII feeds", "/exchange/taxii-feeds", Set.of("ADMINISTRATOR")),
          new Item("Quarantined messages", "/exchange/quarantine", Set.of("ADMINISTRATOR")),
          new Item("Check a certificate", "/registry/certificates/verify", Set.of()),
          new Item("API tokens", "/account/tokens", Set.of()),
          new Item("API", "/swagger-ui.html", Set.of()));

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
}
