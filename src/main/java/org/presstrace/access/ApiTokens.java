package org.presstrace.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.presstrace.access.internal.ApiTokenStore;
import org.presstrace.access.internal.CredentialProperties;
import org.presstrace.access.internal.UserStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens issued by PressTrace. A token is {@code pt_} and 32 random bytes in base64url; only
 * its SHA-256 is stored, the secret is shown once. A token carries a subset of its holder's roles
 * and always expires. A personal token is made by its holder; a service token by an administrator
 * of the holder's agency for a (service) user, and carries only roles both hold, so an
 * administrator never gains a role through a token. A token stops working when revoked, when it
 * expires, when its holder is disabled, and when its holder no longer holds every role it carries.
 */
@Service
public class ApiTokens {

  /** Every issued token starts with this, which tells it from an OIDC token. */
  public static final String PREFIX = "pt_";

  private static final Pattern FORMAT = Pattern.compile("pt_[A-Za-z0-9_-]{43}");
  private static final int SECRET_BYTES = 32;
  private static final int MAX_NAME_LENGTH = 100;
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  private final ApiTokenStore tokens;
  private final UserStore users;
  private final AuditTrail audit;
  private final Clock clock;
  private final Directory directory;
  private final Duration maxLifetime;
  private final int maxActivePerUser;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(
      ApiTokenStore tokens,
      UserStore users,
      AuditTrail audit,
      Clock clock,
      Directory directory,
      CredentialProperties settings) {
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.directory = directory;
    this.maxLifetime = settings.tokens().maxLifetime();
    this.maxActivePerUser = settings.tokens().maxActivePerUser();
  }

  /**
   * Makes a token and returns it with its secret, the only time the secret is shown.
   *
   * @throws InvalidRequest naming {@code name}, {@code roles}, {@code expiresAt} or {@code
   *     username} for a request that cannot be met
   * @throws AccessDeniedException when someone other than an administrator of the holder's agency
   *     asks for another user's token
   */
  @Transactional
  public IssuedApiToken issue(AccessContext context, NewApiToken request) {
    Caller maker = context.caller();
    String holderName =
        request.username() == null || request.username().isBlank()
            ? maker.username()
            : request.username().strip();
    boolean personal = holderName.equals(maker.username());
    if (!personal && !maker.has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only administrators make tokens for another user");
    }
    UserView holder = users.find(holderName).orElseThrow(() -> new NotFound("user", holderName));
    if (!personal) {
      requireAdministratorOf(maker, holder.agency());
    }
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new InvalidRequest("name", "name must be 1-" + MAX_NAME_LENGTH + " characters");
    }
    Set<Role> roles = scope(request.roles(), holder, personal ? null : maker);
    Instant now = clock.instant();
    Instant expiresAt = expiry(request.expiresAt(), now);
    if (!holder.enabled()) {
      throw new InvalidRequest("username", "user " + holder.username() + " is disabled");
    }
    if (tokens.active(holder.username(), now) >= maxActivePerUser) {
      throw new ConflictingState(
          "user "
              + holder.username()
              + " already holds "
              + maxActivePerUser
              + " active tokens; revoke one first");
    }
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    var token =
        new ApiToken(
            UUID.randomUUID().toString(),
            holder.username(),
            personal ? ApiToken.Kind.PERSONAL : ApiToken.Kind.SERVICE,
            name,
            roles,
            maker.username(),
            now,
            expiresAt,
            null,
            null,
            true);
    tokens.insert(token, sha256(secret));
    audit.record(
        context,
        "CREATE",
        "api_token",
        token.id(),
        "WRITTEN",
        token.kind()
            + " token '"
            + name
            + "' for "
            + holder.username()
            + " with roles "
            + slugs(roles)
            + " until "
            + expiresAt);
    return new IssuedApiToken(token, secret);
  }

  /**
   * The tokens of {@code username} (the caller's own when blank), revoked and expired ones
   * included, newest first. Another user's tokens are listed to administrators of their agency.
   */
  @Transactional(readOnly = true)
  public List<ApiToken> of(AccessContext context, String username) {
    Caller caller = context.caller();
    if (username == null || username.isBlank() || username.equals(caller.username())) {
      return tokens.of(caller.username());
    }
    UserView holder = users.find(username).orElseThrow(() -> new NotFound("user", username));
    requireAdministratorOf(caller, holder.agency());
    return tokens.of(holder.username());
  }

  /**
   * Revokes a token of the caller, or of a user of an agency the caller administers; revoking it
   * again changes nothing.
   *
   * @throws NotFound for an absent token and for one the caller may not revoke alike
   */
  @Transactional
  public ApiToken revoke(AccessContext context, String id) {
    Caller caller = context.caller();
    ApiToken token =
        tokens
            .find(id)
            .filter(found -> mayManage(caller, found))
            .orElseThrow(() -> new NotFound("api token", id));
    if (tokens.revoke(token.id(), caller.username(), clock.instant())) {
      audit.record(
          context,
          "REVOKE",
          "api_token",
          token.id(),
          "WRITTEN",
          token.kind() + " token '" + token.name() + "' of " + token.username());
    }
    return tokens.find(token.id()).orElseThrow();
  }

  /**
   * Checks a presented token and answers who it signs in, with the token's roles.
   *
   * @throws BadCredentialsException for a malformed, unknown, revoked or expired token, a disabled
   *     holder, or a holder who no longer holds every role the token carries; failed password
   *     guesses delay password sign-ins only, never a token
   */
  @Transactional
  public ApiTokenAuthentication authenticate(String presented) {
    if (presented == null || !FORMAT.matcher(presented).matches()) {
      throw new BadCredentialsException("not a PressTrace API token");
    }
    ApiToken token =
        tokens
            .bySecretHash(sha256(presented))
            .orElseThrow(() -> new BadCredentialsException("unknown API token"))
            .token();
    Instant now = clock.instant();
    if (token.revokedAt() != null || !token.expiresAt().isAfter(now)) {
      throw new BadCredentialsException("API token is revoked or expired");
    }
    UserView holder =
        users
            .find(token.username())
            .filter(UserView::enabled)
            .orElseThrow(() -> new BadCredentialsException("API token's holder may not sign in"));
    if (!holder.roles().containsAll(token.roles())) {
      throw new BadCredentialsException("API token carries a role its holder no longer holds");
    }
    if (token.lastUsedAt() == null || !token.lastUsedAt().isAfter(now.minus(USE_RESOLUTION))) {
      tokens.used(token.id(), now, now.minus(USE_RESOLUTION));
    }
    return new ApiTokenAuthentication(holder.username(), token.id(), token.roles());
  }

  /** Whether {@code presented} looks like a PressTrace token rather than an OIDC one. */
  public static boolean issuedByPressTrace(String presented) {
    return presented != null && presented.startsWith(PREFIX);
  }

  private Set<Role> scope(Set<Role> asked, UserView holder, Caller administrator) {
    if (asked == null || asked.isEmpty()) {
      throw new InvalidRequest("roles", "a token needs at least one role");
    }
    for (Role role : asked) {
      if (!holder.roles().contains(role)) {
        throw new InvalidRequest(
            "roles",
            "role "
                + role.slug()
                + " is not held by "
                + holder.username()
                + "; a token carries only roles its holder holds");
      }
      if (administrator != null && !administrator.has(role)) {
        throw new InvalidRequest(
            "roles",
            "role "
                + role.slug()
                + " is not held by "
                + administrator.username()
                + "; a service token carries only roles its maker also holds");
      }
    }
    return EnumSet.copyOf(asked);
  }

  private Instant expiry(Instant expiresAt, Instant now) {
    if (expiresAt == null) {
      throw new InvalidRequest(
          "expiresAt", "expiresAt is required (an ISO 8601 instant, e.g. 2030-01-31T00:00:00Z)");
    }
    if (!expiresAt.isAfter(now)) {
      throw new InvalidRequest("expiresAt", "expiresAt " + expiresAt + " is not in the future");
    }
    if (expiresAt.isAfter(now.plus(maxLifetime))) {
      throw new InvalidRequest(
          "expiresAt",
          "expiresAt "
              + expiresAt
              + " is more than "
              + maxLifetime.toDays()
              + " days ahead (presstrace.security.tokens.max-lifetime)");
    }
    return expiresAt;
  }

  private boolean mayManage(Caller caller, ApiToken token) {
    if (token.username().equals(caller.username())) {
      return true;
    }
    return caller.has(Role.ADMINISTRATOR)
        && users
            .agencyOf(token.username())
            .filter(
                agency ->
                    caller.agency().equals(agency)
                        || caller.agency().equals(directory.operatorAgency()))
            .isPresent();
  }

  private void requireAdministratorOf(Caller caller, String agency) {
    boolean allowed =
        caller.has(Role.ADMINISTRATOR)
            && (caller.agency().equals(agency)
                || caller.agency().equals(directory.operatorAgency()));
    if (!allowed) {
      throw new AccessDeniedException(
          "only administrators of " + agency + " manage its users' tokens");
    }
  }

  private static String slugs(Set<Role> roles) {
    return roles.stream().map(Role::slug).sorted().collect(Collectors.joining(", ", "[", "]"));
  }

  static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
