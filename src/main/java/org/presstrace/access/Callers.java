package org.presstrace.access;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Resolves the signed-in user of the current request into a {@link Caller}. */
@Component
public class Callers {

  private final Directory directory;

  Callers(Directory directory) {
    this.directory = directory;
  }

  /**
   * The current caller; fails when nobody is signed in or the account is disabled. A caller signed
   * in with an API token holds only the roles the token carries.
   */
  public Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new AuthenticationCredentialsNotFoundException("sign in first");
    }
    Caller caller =
        directory
            .caller(authentication.getName())
            .orElseThrow(
                () ->
                    new DisabledException(
                        "account " + authentication.getName() + " is not active"));
    return authentication instanceof ApiTokenAuthentication token ? token.narrow(caller) : caller;
  }

  /** The current caller acting through {@code channel} with {@code purpose} (may be blank). */
  public AccessContext context(Channel channel, String purpose) {
    return new AccessContext(current(), channel, Purpose.ofNullable(purpose));
  }
}
