package org.presstrace.access;

import java.time.Instant;
import java.util.Set;

/**
 * An API token as its holder and administrators see it; never carries the secret, which is shown
 * only once, in {@link IssuedApiToken}.
 *
 * @param kind PERSONAL when the holder made it, SERVICE when an administrator made it for them
 * @param roles the roles a request made with the token acts with (a subset of the holder's)
 * @param active whether the token is neither revoked nor expired
 * @param lastUsedAt when the token last signed a request in, to the minute; null if never
 */
public record ApiToken(
    String id,
    String username,
    Kind kind,
    String name,
    Set<Role> roles,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    Instant lastUsedAt,
    boolean active) {

  public ApiToken {
    roles = Set.copyOf(roles);
  }

  /** Who made a token for whom. */
  public enum Kind {
    /** Made by its holder for their own use. */
    PERSONAL,
    /** Made by an administrator for a (service) user of an agency they administer. */
    SERVICE
  }
}
