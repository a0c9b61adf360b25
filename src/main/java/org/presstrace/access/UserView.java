package org.presstrace.access;

import java.time.Instant;
import java.util.Set;

/**
 * A user as administrators see it; never carries the password hash.
 *
 * @param locked whether sign-ins as this user are being delayed after failed attempts
 * @param failedLogins the failed sign-ins of the current burst
 */
public record UserView(
    String username,
    String displayName,
    String agency,
    Set<Role> roles,
    Set<String> compartments,
    boolean enabled,
    boolean locked,
    int failedLogins,
    Instant createdAt) {}
