package org.presstrace.access;

import java.util.Set;

/** What an administrator supplies to create a user. */
public record NewUser(
    String username, String displayName, String agency, Set<Role> roles, String password) {}
