package org.presstrace.access;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.presstrace.access.internal.AccessProperties;
import org.presstrace.access.internal.AgencyStore;
import org.presstrace.access.internal.CompartmentStore;
import org.presstrace.access.internal.UserStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agencies, their users and compartments. Administrators manage the users of their own agency;
 * administrators of the operator agency also create agencies and manage every agency's users.
 * Content roles and compartment memberships asked for through here take effect only through {@link
 * Grants}; the {@code ensure...} methods seed a world without a caller (the demo loader, tests) and
 * are not reachable from the API or the pages.
 */
@Service
public class Directory {

  private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
  static final int MIN_PASSWORD_LENGTH = 12;
  static final int MAX_DUTY_CONTACT_LENGTH = 200;

  private final AgencyStore agencies;
  private final UserStore users;
  private final CompartmentStore compartments;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final Grants grants;
  private final SignInLimits signIns;
  private final Clock clock;
  private final String operatorAgency;

  Directory(
      AgencyStore agencies,
      UserStore users,
      CompartmentStore compartments,
      PasswordEncoder passwords,
      AuditTrail audit,
      Grants grants,
      SignInLimits signIns,
      Clock clock,
      AccessProperties settings) {
    this.agencies = agencies;
    this.users = users;
    this.compartments = compartments;
    this.passwords = passwords;
    this.audit = audit;
    this.grants = grants;
    this.signIns = signIns;
    this.clock = clock;
    this.operatorAgency = settings.operatorAgency();
  }

  /** The operator agency's code: its administrators manage every agency. */
  public String operatorAgency() {
    return operatorAgency;
  }

  // ---- agencies ------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<AgencyView> agencies() {
    return agencies.all();
  }

  @Transactional(readOnly = true)
  public Optional<AgencyView> agency(String code) {
    return agencies.find(code);
  }

  /** Creates an agency; only administrators of the operator agency may. */
  @Transactional
  public AgencyView createAgency(
      AccessContext context, String code, String name, AgencyKind kind, String country) {
    requireOperatorAdministrator(context);
    String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!AGENCY_CODE.matcher(normalised).matches()) {
      throw new InvalidRequest(
          "code", "agency code '" + code + "' must be 2-32 capital letters, digits or dashes");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidRequest("name", "agency name must be 1-200 characters");
    }
    if (kind == null) {
      throw new InvalidRequest("kind", "agency kind is required");
    }
    CountryCode countryCode = CountryCode.parse(country, "country");
    if (agency(normalised).isPresent()) {
      throw new ConflictingState("agency " + normalised + " already exists");
    }
    insertAgency(normalised, name.strip(), kind, countryCode);
    audit.record(context, "CREATE", "agency", normalised, "WRITTEN", kind + " " + countryCode);
    return agency(normalised).orElseThrow();
  }

  /** Creates an agency without a caller: for the demo loader and first start only. */
  @Transactional
  public void ensureAgency(String code, String name, AgencyKind kind, String country) {
    if (agency(code).isEmpty()) {
      insertAgency(code, name, kind, CountryCode.parse(country, "country"));
    }
  }

  /**
   * Sets the duty contact of {@code code}: administrators of that agency and of the operator may.
   * Deconfliction gives it, and nothing else, to another agency whose work conflicts with a record
   * of this agency that may not leave it.
   */
  @Transactional
  public AgencyView setDutyContact(AccessContext context, String code, String dutyContact) {
    requireAdministratorOf(context, code);
    AgencyView agency = agency(code).orElseThrow(() -> new NotFound("agency", code));
    String contact = dutyContact == null ? "" : dutyContact.strip();
    if (contact.isEmpty()) {
      throw new InvalidRequest("dutyContact", "dutyContact is required");
    }
    if (contact.length() > MAX_DUTY_CONTACT_LENGTH) {
      throw new InvalidRequest(
          "dutyContact",
          "dutyContact is "
              + contact.length()
              + " characters long; at most "
              + MAX_DUTY_CONTACT_LENGTH
              + " are allowed");
    }
    agencies.setDutyContact(agency.code(), contact);
    audit.record(context, "UPDATE", "agency", agency.code(), "WRITTEN", "duty contact");
    return agency(agency.code()).orElseThrow();
  }

  /**
   * Makes {@code custodian}, a domestic government agency, the custodian of the foreign-partner
   * agency {@code partnerAgency}: its members read what that partner sends, under the records'
   * markings (docs/access-control.md rule 14). Administrators of the operator agency only; audited.
   */
  @Transactional
  public void setCustodian(AccessContext context, String partnerAgency, String custodian) {
    requireOperatorAdministrator(context);
    AgencyView partner =
        agency(partnerAgency).orElseThrow(() -> new NotFound("agency", partnerAgency));
    if (partner.kind() != AgencyKind.FOREIGN_PARTNER) {
      throw new InvalidRequest(
          "agency",
          "agency " + partner.code() + " is " + partner.kind() + ", not a foreign partner");
    }
    String code = custodian == null ? "" : custodian.strip().toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      throw new InvalidRequest("custodian", "a custodian agency is required");
    }
    AgencyView chosen =
        agency(code)
            .orElseThrow(
                () -> new InvalidRequest("custodian", "agency '" + custodian + "' does not exist"));
    if (chosen.kind() == AgencyKind.FOREIGN_PARTNER || chosen.kind() == AgencyKind.REGISTRANT) {
      throw new InvalidRequest(
          "custodian",
          "custodian "
              + chosen.code()
              + " is "
              + chosen.kind()
              + "; a custodian is a domestic government agency");
    }
    String before = agencies.custodian(partner.code()).orElse(null);
    agencies.setCustodian(partner.code(), chosen.code());
    audit.record(
        context,
        "CUSTODIAN",
        "agency",
        partner.code(),
        "WRITTEN",
        "custodian " + (before == null ? "none" : before) + " -> " + chosen.code());
  }

  /** The custodian agency of a foreign-partner agency, if one was chosen. */
  @Transactional(readOnly = true)
  public Optional<String> custodian(String partnerAgency) {
    return agencies.custodian(partnerAgency);
  }

  /** The foreign-partner agencies {@code agency} is custodian of. */
  @Transactional(readOnly = true)
  public Set<String> custodianOf(String agency) {
    return users.custodianOf(agency);
  }

  private void insertAgency(String code, String name, AgencyKind kind, CountryCode country) {
    agencies.insert(code, name, kind, country, clock.instant());
  }

  // ---- users ---------------------------------------------------------------------------------

  /** The users of {@code agency}, for its administrators and the operator's. */
  @Transactional(readOnly = true)
  public List<UserView> users(AccessContext context, String agency) {
    requireAdministratorOf(context, agency);
    return users.inAgency(agency);
  }

  @Transactional(readOnly = true)
  public Optional<UserView> user(String username) {
    return users.find(username);
  }

  /**
   * Creates a user in an agency the caller administers. The administrator role takes effect at
   * once; each content role becomes a pending grant that a supervisor of the agency decides, and
   * the auditor role one that a supervisor of the operator agency decides (see {@link Grants}), so
   * the user returned holds at most the administrator role.
   */
  @Transactional
  public UserView createUser(AccessContext context, NewUser user) {
    String agencyCode = user.agency() == null ? "" : user.agency().strip();
    requireAdministratorOf(context, agencyCode);
    validate(user, agencyCode);
    Set<Role> account = EnumSet.noneOf(Role.class);
    user.roles().stream().filter(role -> role == Role.ADMINISTRATOR).forEach(account::add);
    insertUser(user, agencyCode, account);
    audit.record(context, "CREATE", "user", user.username(), "WRITTEN", "roles " + user.roles());
    for (Role role : user.roles()) {
      if (role != Role.ADMINISTRATOR) {
        grants.grantRole(context, user.username(), agencyCode, role);
      }
    }
    return user(user.username()).orElseThrow();
  }

  /** Creates a user without a caller if absent: for the demo loader only. */
  @Transactional
  public boolean ensureUser(NewUser user) {
    if (user(user.username()).isPresent()) {
      return false;
    }
    validate(user, user.agency());
    insertUser(user, user.agency(), user.roles());
    return true;
  }

  private void validate(NewUser user, String agencyCode) {
    AgencyView agency =
        agency(agencyCode)
            .orElseThrow(
                () -> new InvalidRequest("agency", "agency '" + agencyCode + "' does not exist"));
    if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
      throw new InvalidRequest(
          "username",
          "username '"
              + user.username()
              + "' must be 3-64 lower-case letters, digits, dots, dashes or underscores");
    }
    if (user.displayName() == null
        || user.displayName().isBlank()
        || user.displayName().length() > 200) {
      throw new InvalidRequest("displayName", "display name must be 1-200 characters");
    }
    if (user.roles() == null || user.roles().isEmpty()) {
      throw new InvalidRequest("roles", "a user needs at least one role");
    }
    for (Role role : user.roles()) {
      if (!agency.kind().permits(role)) {
        throw new InvalidRequest(
            "roles", "role " + role.slug() + " is not allowed in a " + agency.kind() + " agency");
      }
    }
    Grants.requireSeparateDuties(user.roles(), "roles");
    if (user.password() == null || user.password().length() < MIN_PASSWORD_LENGTH) {
      throw new InvalidRequest(
          "password", "password must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (user(user.username()).isPresent()) {
      throw new ConflictingState("user " + user.username() + " already exists");
    }
  }

  private void insertUser(NewUser user, String agencyCode, Set<Role> roles) {
    users.insert(
        user.username(),
        user.displayName().strip(),
        agencyCode,
        passwords.encode(user.password()),
        roles,
        clock.instant());
  }

  /** Ends at once any delay on the user's sign-ins after failed attempts. */
  @Transactional
  public void unlock(AccessContext context, String username) {
    UserView user = user(username).orElseThrow(() -> new NotFound("user", username));
    requireAdministratorOf(context, user.agency());
    signIns.release(username);
    audit.record(context, "UNLOCK", "user", username, "WRITTEN", null);
  }

  /** Enables or disables a user's sign-in. */
  @Transactional
  public void setEnabled(AccessContext context, String username, boolean enabled) {
    UserView user = user(username).orElseThrow(() -> new NotFound("user", username));
    requireAdministratorOf(context, user.agency());
    if (user.username().equals(context.caller().username()) && !enabled) {
      throw new InvalidRequest("enabled", "administrators cannot disable themselves");
    }
    users.setEnabled(username, enabled, clock.instant());
    audit.record(context, enabled ? "ENABLE" : "DISABLE", "user", username, "WRITTEN", null);
  }

  /** The IANA time zone {@code username} reads the pages in, when the user chose one. */
  @Transactional(readOnly = true)
  public Optional<java.time.ZoneId> timeZone(String username) {
    return users.timeZone(username).flatMap(Directory::zone);
  }

  /**
   * The time zone {@code username} chose, as the user or an administrator of the user's agency (or
   * of the operator) reads it.
   */
  @Transactional(readOnly = true)
  public Optional<java.time.ZoneId> timeZone(AccessContext context, String username) {
    UserView user = user(username).orElseThrow(() -> new NotFound("user", username));
    if (!user.username().equals(context.caller().username())) {
      requireAdministratorOf(context, user.agency());
    }
    return timeZone(username);
  }

  /**
   * Sets the time zone a user reads the pages in: the user for themselves, or an administrator of
   * the user's agency (or of the operator). A blank zone returns the user to the instance's zone.
   *
   * @throws InvalidRequest on {@code timeZone} when the text is not an IANA zone id
   */
  @Transactional
  public void setTimeZone(AccessContext context, String username, String timeZone) {
    UserView user = user(username).orElseThrow(() -> new NotFound("user", username));
    if (!user.username().equals(context.caller().username())) {
      requireAdministratorOf(context, user.agency());
    }
    String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
    if (zone != null && (zone.length() > 64 || zone(zone).isEmpty())) {
      throw new InvalidRequest(
          "timeZone", "'" + zone + "' is not a time zone; give a zone such as America/New_York");
    }
    users.setTimeZone(username, zone, clock.instant());
    audit.record(
        context,
        "UPDATE",
        "user",
        username,
        "WRITTEN",
        "time zone " + (zone == null ? "default" : zone));
  }

  /** A region-based zone id ({@code Europe/Paris}, {@code UTC}); offsets alone are refused. */
  private static Optional<java.time.ZoneId> zone(String id) {
    if (!java.time.ZoneId.getAvailableZoneIds().contains(id)) {
      return Optional.empty();
    }
    return Optional.of(java.time.ZoneId.of(id));
  }

  // ---- compartments --------------------------------------------------------------------------

  /**
   * Creates a compartment owned by the caller's agency (supervisors and administrators).
   *
   * @throws ConflictingState when the code is taken, by whichever agency (not named)
   */
  @Transactional
  public void createCompartment(AccessContext context, String code, String name) {
    if (!context.caller().has(Role.SUPERVISOR) && !context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only supervisors and administrators create compartments");
    }
    String normalised = compartmentCode(code, context.caller().agency());
    if (compartmentExists(normalised)) {
      throw new ConflictingState("compartment code '" + normalised + "' is taken; choose another");
    }
    ensureCompartment(normalised, name, context.caller().agency());
    audit.record(context, "CREATE", "compartment", normalised, "WRITTEN", name);
  }

  private static String compartmentCode(String code, String ownerAgency) {
    String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (normalised.isEmpty()) {
      throw new InvalidRequest("code", "compartment code is required");
    }
    if (normalised.contains(Marking.COMPOUND_SEPARATOR)) {
      throw new InvalidRequest(
          "code",
          "compartment code '"
              + normalised
              + "' may not contain '+': that marks a record derived from several compartments");
    }
    new Marking(ownerAgency, Tlp.AMBER, null, false, null, normalised);
    return normalised;
  }

  /** Creates a compartment if absent (demo loader). */
  @Transactional
  public void ensureCompartment(String code, String name, String ownerAgency) {
    String normalised = compartmentCode(code, ownerAgency);
    if (!compartments.exists(normalised)) {
      compartments.insert(
          normalised,
          name == null || name.isBlank() ? normalised : name.strip(),
          ownerAgency,
          clock.instant());
    }
  }

  /**
   * Asks for a member (of any agency) of a compartment: a pending grant that a supervisor of the
   * owning agency decides (see {@link Grants#requestMembership}).
   */
  @Transactional
  public Grant addMember(AccessContext context, String compartment, String username) {
    return grants.requestMembership(context, compartment, username);
  }

  /** Adds a member if absent, without a caller or a second approver (demo loader, tests). */
  @Transactional
  public void ensureMember(String compartment, String username) {
    user(username)
        .orElseThrow(
            () -> new InvalidRequest("username", "user '" + username + "' does not exist"));
    if (!users.isMember(compartment, username)) {
      users.addMember(compartment, username);
    }
  }

  /** Whether a compartment with this code exists. */
  @Transactional(readOnly = true)
  public boolean compartmentExists(String code) {
    return compartments.exists(code);
  }

  // ---- callers -------------------------------------------------------------------------------

  /** The caller a signed-in username stands for, with agency, roles and compartments. */
  @Transactional(readOnly = true)
  public Optional<Caller> caller(String username) {
    return users.caller(username);
  }

  private void requireOperatorAdministrator(AccessContext context) {
    Caller caller = context.caller();
    if (!caller.has(Role.ADMINISTRATOR) || !caller.agency().equals(operatorAgency)) {
      throw new AccessDeniedException(
          "only administrators of " + operatorAgency + " manage agencies");
    }
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
}
