package org.presstrace.access;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.presstrace.access.internal.AccessProperties;
import org.presstrace.access.internal.AgencyStore;
import org.presstrace.access.internal.CompartmentStore;
import org.presstrace.access.internal.GrantStore;
import org.presstrace.access.internal.UserStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Separation of duties for access itself. Administrators manage accounts; they never read record
 * content and never hand it out alone. A content role (investigator, analyst, supervisor, foreign
 * liaison, registrant) or a compartment membership is asked for as a pending grant and takes effect
 * only when a supervisor of the agency concerned approves it, who is neither the grantee nor the
 * requester. Account roles (administrator, auditor) take effect at once and are never held together
 * with a content role, nor with each other.
 */
@Service
public class Grants {

  static final int REASON_MAX = 1000;

  private final GrantStore store;
  private final UserStore users;
  private final AgencyStore agencies;
  private final CompartmentStore compartmentStore;
  private final AuditTrail audit;
  private final Clock clock;
  private final String operatorAgency;

  Grants(
      GrantStore store,
      UserStore users,
      AgencyStore agencies,
      CompartmentStore compartmentStore,
      AuditTrail audit,
      Clock clock,
      AccessProperties settings) {
    this.store = store;
    this.users = users;
    this.agencies = agencies;
    this.compartmentStore = compartmentStore;
    this.audit = audit;
    this.clock = clock;
    this.operatorAgency = settings.operatorAgency();
  }

  /**
   * Refuses a set of roles that mixes duties: an account role (administrator, auditor) with a
   * content role, or administrator with auditor (nobody audits their own administration).
   *
   * @throws InvalidRequest naming {@code field}
   */
  public static void requireSeparateDuties(Set<Role> roles, String field) {
    Set<Role> content =
        roles.stream()
            .filter(Role::readsRecords)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    Set<Role> account =
        roles.stream()
            .filter(role -> !role.readsRecords())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    if (!content.isEmpty() && !account.isEmpty()) {
      throw new InvalidRequest(
          field,
          "roles "
              + slugs(account)
              + " and "
              + slugs(content)
              + " cannot be held together: administrators and auditors never read record content");
    }
    if (account.containsAll(Set.of(Role.ADMINISTRATOR, Role.AUDITOR))) {
      throw new InvalidRequest(
          field,
          "roles administrator and auditor cannot be held together: nobody audits their own administration");
    }
  }

  // ---- requests ------------------------------------------------------------------------------

  /**
   * Asks for {@code role} for a user of an agency the caller administers. A content role stays
   * pending until a supervisor approves it; an account role takes effect at once.
   */
  @Transactional
  public Grant requestRole(AccessContext context, String username, String role) {
    Role parsed;
    try {
      parsed = Role.parse(role);
    } catch (InvalidRequest e) {
      throw new InvalidRequest("role", e.getMessage());
    }
    String agency = grantee(username);
    requireAdministratorOf(context, agency);
    return grantRole(context, username, agency, parsed);
  }

  /** A role for a user just created by {@code context}, who administers the user's agency. */
  Grant grantRole(AccessContext context, String username, String agency, Role role) {
    AgencyKind kind = agencyKind(agency);
    if (!kind.permits(role)) {
      throw new InvalidRequest(
          "role", "role " + role.slug() + " is not allowed in a " + kind + " agency");
    }
    Set<Role> held = roles(username);
    if (held.contains(role)) {
      throw new ConflictingState("user " + username + " already holds role " + role.slug());
    }
    Set<Role> wanted = EnumSet.of(role);
    wanted.addAll(held);
    wanted.addAll(pendingRoles(username));
    requireSeparateDuties(wanted, "role");
    if (!role.readsRecords() && !compartments(username).isEmpty()) {
      throw new InvalidRequest(
          "role",
          "user " + username + " is in a compartment; role " + role.slug() + " reads no content");
    }
    requireNoOpenGrant(username, store.rolePending(username, role), role.slug());
    String requester = context.caller().username();
    if (role == Role.ADMINISTRATOR) {
      Grant grant = insert(username, role, null, agency, requester);
      return apply(context, grant, "account role: takes effect without a second approver");
    }
    if (role == Role.AUDITOR) {
      // Auditors read the national audit trail, purposes included: a supervisor of the operator
      // agency decides, so no administrator makes one alone.
      Grant grant = insert(username, role, null, operatorAgency, requester);
      audit.record(context, "GRANT_REQUEST", "user", username, "WRITTEN", describe(grant));
      return grant;
    }
    Grant grant =
        insert(username, role, null, approverAgency(agency, username, requester), requester);
    audit.record(context, "GRANT_REQUEST", "user", username, "WRITTEN", describe(grant));
    return grant;
  }

  /**
   * Asks for a user (of any agency) to join a compartment. Administrators of the owning agency or
   * of the operator agency, and supervisors of the owning agency, may ask; a supervisor of the
   * owning agency approves.
   */
  @Transactional
  public Grant requestMembership(AccessContext context, String compartment, String username) {
    String owner =
        compartmentOwner(compartment).orElseThrow(() -> new NotFound("compartment", compartment));
    Caller caller = context.caller();
    boolean allowed =
        (caller.has(Role.ADMINISTRATOR)
                && (caller.agency().equals(owner) || caller.agency().equals(operatorAgency)))
            || (caller.has(Role.SUPERVISOR) && caller.agency().equals(owner));
    if (!allowed) {
      // Another agency's compartment looks absent, as a code no one holds.
      if (!caller.agency().equals(owner) && !caller.agency().equals(operatorAgency)) {
        throw new NotFound("compartment", compartment);
      }
      throw new AccessDeniedException(
          "only administrators and supervisors of " + owner + " ask for members of " + compartment);
    }
    grantee(username);
    if (roles(username).stream().anyMatch(role -> !role.readsRecords())) {
      throw new InvalidRequest(
          "username",
          "user "
              + username
              + " is an administrator or auditor; they never read record content, so they join no compartment");
    }
    if (compartments(username).contains(compartment)) {
      throw new ConflictingState("user " + username + " is already a member of " + compartment);
    }
    requireNoOpenGrant(username, store.membershipPending(username, compartment), compartment);
    String requester = caller.username();
    Grant grant =
        insert(username, null, compartment, approverAgency(owner, username, requester), requester);
    audit.record(context, "GRANT_REQUEST", "user", username, "WRITTEN", describe(grant));
    return grant;
  }

  // ---- decisions -----------------------------------------------------------------------------

  /** Approves a pending grant: it takes effect now. */
  @Transactional
  public Grant approve(AccessContext context, String grantId, String reason) {
    return decide(context, grantId, reason, GrantStatus.APPROVED);
  }

  /** Rejects a pending grant: nothing changes for the grantee. */
  @Transactional
  public Grant reject(AccessContext context, String grantId, String reason) {
    return decide(context, grantId, reason, GrantStatus.REJECTED);
  }

  private Grant decide(AccessContext context, String grantId, String reason, GrantStatus outcome) {
    String why = reason(reason);
    Grant grant = visible(context, grantId);
    Caller caller = context.caller();
    if (caller.has(Role.ADMINISTRATOR)
        || !caller.has(Role.SUPERVISOR)
        || !caller.agency().equals(grant.approverAgency())) {
      throw new AccessDeniedException(
          "only supervisors of " + grant.approverAgency() + " decide this grant");
    }
    if (caller.username().equals(grant.username())) {
      throw new AccessDeniedException("four eyes: nobody decides a grant to themselves");
    }
    if (caller.username().equals(grant.requestedBy())) {
      throw new AccessDeniedException("four eyes: the requester cannot decide their own grant");
    }
    if (grant.status() != GrantStatus.PENDING) {
      throw new ConflictingState(
          "grant "
              + grantId
              + " is already "
              + grant.status()
              + "; only a PENDING grant can be decided");
    }
    if (outcome == GrantStatus.REJECTED) {
      mark(grant, outcome, caller.username(), why);
      Grant rejected = find(grantId);
      audit.record(
          context, "GRANT_REJECT", "user", grant.username(), "WRITTEN", describe(rejected));
      return rejected;
    }
    if (grant.role() != null) {
      Set<Role> wanted = EnumSet.of(grant.role());
      wanted.addAll(roles(grant.username()));
      try {
        requireSeparateDuties(wanted, "role");
      } catch (InvalidRequest e) {
        throw new ConflictingState("the grantee's roles changed: " + e.getMessage());
      }
    } else if (roles(grant.username()).stream().anyMatch(role -> !role.readsRecords())) {
      throw new ConflictingState(
          "the grantee's roles changed: user "
              + grant.username()
              + " is an administrator or auditor");
    }
    return apply(context, grant, why);
  }

  /** Marks a grant approved by the caller and writes the role or membership it stands for. */
  private Grant apply(AccessContext context, Grant grant, String reason) {
    mark(grant, GrantStatus.APPROVED, context.caller().username(), reason);
    if (grant.role() != null) {
      if (!roles(grant.username()).contains(grant.role())) {
        users.addRole(grant.username(), grant.role());
      }
    } else if (!compartments(grant.username()).contains(grant.compartment())) {
      users.addMember(grant.compartment(), grant.username());
    }
    Grant approved = find(grant.id());
    audit.record(context, "GRANT_APPROVE", "user", grant.username(), "WRITTEN", describe(approved));
    return approved;
  }

  private void mark(Grant grant, GrantStatus outcome, String by, String reason) {
    if (!store.decide(grant.id(), outcome, by, reason, clock.instant())) {
      throw new ConflictingState("grant " + grant.id() + " was decided meanwhile");
    }
  }

  // ---- lists ---------------------------------------------------------------------------------

  /**
   * The grants the caller deals with, newest first: supervisors those their agency decides,
   * administrators those they asked for and those to users of their agency (the operator's
   * administrators every grant), and every user their own.
   */
  @Transactional(readOnly = true)
  public List<Grant> inbox(AccessContext context, GrantStatus status) {
    Caller caller = context.caller();
    return store.inbox(
        caller.username(),
        caller.agency(),
        caller.has(Role.SUPERVISOR),
        caller.has(Role.ADMINISTRATOR),
        caller.agency().equals(operatorAgency),
        status);
  }

  /** One grant the caller deals with (see {@link #inbox}); others are {@link NotFound}. */
  @Transactional(readOnly = true)
  public Grant visible(AccessContext context, String grantId) {
    Grant grant = store.find(grantId).orElseThrow(() -> new NotFound("grant", grantId));
    Caller caller = context.caller();
    boolean visible =
        grant.username().equals(caller.username())
            || (caller.has(Role.SUPERVISOR) && grant.approverAgency().equals(caller.agency()))
            || (caller.has(Role.ADMINISTRATOR)
                && (caller.agency().equals(operatorAgency)
                    || caller.agency().equals(grant.agency())
                    || caller.username().equals(grant.requestedBy())));
    if (!visible) {
      throw new NotFound("grant", grantId);
    }
    return grant;
  }

  // ---- rules ---------------------------------------------------------------------------------

  /**
   * The agency whose supervisors decide a grant concerning {@code agency}: that agency when it has
   * an enabled supervisor other than the grantee and the requester; otherwise (a new agency, a
   * foreign partner or registrant organisation, which hold no supervisors) the operator agency.
   */
  private String approverAgency(String agency, String grantee, String requester) {
    return users.supervisorsBesides(agency, grantee, requester) > 0 ? agency : operatorAgency;
  }

  private void requireAdministratorOf(AccessContext context, String agency) {
    Caller caller = context.caller();
    boolean allowed =
        caller.has(Role.ADMINISTRATOR)
            && (caller.agency().equals(agency) || caller.agency().equals(operatorAgency));
    if (!allowed) {
      throw new AccessDeniedException("only administrators of " + agency + " manage its users");
    }
  }

  private static void requireNoOpenGrant(String username, boolean open, String shown) {
    if (open) {
      throw new ConflictingState("a grant of " + shown + " to " + username + " is already pending");
    }
  }

  private static String reason(String text) {
    String reason = text == null ? "" : text.strip();
    if (reason.length() < 4) {
      throw new InvalidRequest("reason", "reason must say why, in at least 4 characters");
    }
    if (reason.length() > REASON_MAX) {
      throw new InvalidRequest("reason", "reason is longer than " + REASON_MAX + " characters");
    }
    return reason;
  }

  // ---- storage -------------------------------------------------------------------------------

  /** The grantee's agency; an unknown user is bad input. */
  private String grantee(String username) {
    return users
        .agencyOf(username)
        .orElseThrow(
            () -> new InvalidRequest("username", "user '" + username + "' does not exist"));
  }

  private AgencyKind agencyKind(String agency) {
    return agencies.kind(agency);
  }

  private Optional<String> compartmentOwner(String code) {
    return compartmentStore.owner(code);
  }

  private Set<Role> roles(String username) {
    return users.roles(username);
  }

  private Set<Role> pendingRoles(String username) {
    return store.pendingRoles(username);
  }

  private Set<String> compartments(String username) {
    return users.compartments(username);
  }

  private Grant insert(
      String username, Role role, String compartment, String approverAgency, String requester) {
    return store.insert(username, role, compartment, approverAgency, requester, clock.instant());
  }

  private Grant find(String id) {
    return store.find(id).orElseThrow();
  }

  private static String describe(Grant grant) {
    return "grant "
        + grant.id()
        + ": "
        + grant.what()
        + " for "
        + grant.username()
        + " ("
        + grant.status()
        + ", decided by supervisors of "
        + grant.approverAgency()
        + ")";
  }

  private static String slugs(Set<Role> roles) {
    return roles.stream().map(Role::slug).collect(Collectors.joining(", "));
  }
}
