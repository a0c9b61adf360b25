package org.presstrace.access;

import java.util.Set;
import org.presstrace.shared.CountryCode;

/**
 * The signed-in user a decision is made for: their agency (its kind and country), roles,
 * compartment memberships and the foreign-partner agencies their agency is custodian of.
 *
 * @param custodianOf the foreign-partner agencies whose received records the caller's agency holds
 *     as custodian (docs/access-control.md rule 14); empty for most agencies
 */
public record Caller(
    String username,
    String agency,
    AgencyKind agencyKind,
    CountryCode country,
    Set<Role> roles,
    Set<String> compartments,
    Set<String> custodianOf) {

  public Caller {
    roles = Set.copyOf(roles);
    compartments = Set.copyOf(compartments);
    custodianOf = custodianOf == null ? Set.of() : Set.copyOf(custodianOf);
  }

  /** A caller whose agency is custodian of no partner. */
  public Caller(
      String username,
      String agency,
      AgencyKind agencyKind,
      CountryCode country,
      Set<Role> roles,
      Set<String> compartments) {
    this(username, agency, agencyKind, country, roles, compartments, Set.of());
  }

  /**
   * Whether the caller's agency is the custodian of {@code ownerAgency}, a foreign partner whose
   * received records it reads under their marking. A foreign caller is custodian of nothing.
   */
  public boolean custodianOf(String ownerAgency) {
    return !foreign() && custodianOf.contains(ownerAgency);
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
