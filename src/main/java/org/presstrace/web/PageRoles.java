package org.presstrace.web;

import java.util.Set;
import java.util.function.Supplier;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A page for some roles only: the signed-in user's roles as the directory holds them now, so a role
 * taken away during a session closes its pages at the next request.
 */
final class PageRoles implements AuthorizationManager<RequestAuthorizationContext> {

  private final Directory directory;
  private final Set<String> roles;

  PageRoles(Directory directory, Set<String> roles) {
    this.directory = directory;
    this.roles = Set.copyOf(roles);
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
    Authentication who = authentication.get();
    if (who == null || !who.isAuthenticated() || who.getName() == null) {
      return new AuthorizationDecision(false);
    }
    boolean allowed =
        directory
            .caller(who.getName())
            .map(caller -> caller.roles().stream().map(Role::name).anyMatch(roles::contains))
            .orElse(false);
    return new AuthorizationDecision(allowed);
  }
}
