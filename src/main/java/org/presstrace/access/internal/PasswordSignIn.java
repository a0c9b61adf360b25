package org.presstrace.access.internal;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs in with a username and password (HTTP Basic and the sign-in form) as Spring Security's own
 * provider does: the account is loaded, and a disabled or locked one refused (after the password
 * check), on every request; only the password check itself is skipped when {@link
 * VerifiedCredentials} holds the pair for the stored hash. The failures and their events are Spring
 * Security's, so the failed sign-in counting sees the same events as before.
 */
class PasswordSignIn extends DaoAuthenticationProvider {

  private final VerifiedCredentials verified;

  PasswordSignIn(
      UserDetailsService accounts, PasswordEncoder passwords, VerifiedCredentials verified) {
    super(accounts);
    setPasswordEncoder(passwords);
    // The password first, the account's state after: a disabled or locked account then costs the
    // same hash check as any other and, with a wrong password, gets the same answer, so neither
    // the time nor the answer tells an outsider that it exists.
    setPreAuthenticationChecks(account -> {});
    setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    this.verified = verified;
  }

  @Override
  protected void additionalAuthenticationChecks(
      UserDetails account, UsernamePasswordAuthenticationToken authentication)
      throws AuthenticationException {
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? null : credentials.toString();
    if (password != null
        && verified.holds(account.getUsername(), password, account.getPassword())) {
      return;
    }
    super.additionalAuthenticationChecks(account, authentication);
    verified.remember(account.getUsername(), password, account.getPassword());
  }
}
