package org.presstrace.access;

import java.util.Set;
import org.presstrace.shared.CountryCode;

/**
 * The signed-in user a decision is made for: their agency (its kind and country), roles and
 * compartment memberships.
 */
public record Caller(
    String username,
    String agency,
    AgencyKind agencyKind,
    CountryCode country,
    Set<Role> roles,
    Set<String> compartments) {

  public Caller {
    roles = Set.copyOf(roles);
    compartments = Set.copyOf(compartments);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the caller's agency is a foreign partner. */
  public boolean foreign() {
    return agencyKind == AgencyKind.FOREIGN_PARTNER;
  }

  /** Whether any of the caller's roles reads protected record content. */
  public boolean readsRecords() {
    return roles.stream().anyMatch(Role::readsRecords);
  }

  /** Whether the only role through which the caller reads records is {@link Role#REGISTRANT}. */
  public boolean readsOnlyAsRegistrant() {
    return roles.stream().filter(Role::readsRecords).allMatch(role -> role == Role.REGISTRANT);
  }
}
