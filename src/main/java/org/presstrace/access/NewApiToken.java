package org.presstrace.access;

import java.time.Instant;
import java.util.Set;

/**
 * What a caller asks for when making an API token.
 *
 * @param username the holder; blank for the caller (a personal token), another user for a service
 *     token made by an administrator
 * @param roles the roles the token carries, each held by the holder
 * @param expiresAt when the token stops working; required, within the configured lifetime
 */
public record NewApiToken(String username, String name, Set<Role> roles, Instant expiresAt) {}
