package org.presstrace.access;

import java.time.Clock;
import org.presstrace.access.internal.UserStore;
import org.presstrace.shared.InvalidRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users change their own password, giving the current one. The change is audited, and the audit
 * entry drops the user's cached credentials, so the old password stops working on the next request.
 */
@Service
public class Passwords {

  static final int MAX_PASSWORD_LENGTH = 1000;

  private final UserDetailsService accounts;
  private final UserStore users;
  private final PasswordEncoder encoder;
  private final AuditTrail audit;
  private final Clock clock;

  Passwords(
      UserDetailsService accounts,
      UserStore users,
      PasswordEncoder encoder,
      AuditTrail audit,
      Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.encoder = encoder;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Replaces the caller's password.
   *
   * @throws InvalidRequest naming {@code currentPassword} when it is wrong, {@code newPassword}
   *     when it is shorter than 12 or longer than 1000 characters or the same as the current one
   */
  @Transactional
  public void change(AccessContext context, String currentPassword, String newPassword) {
    String username = context.caller().username();
    if (currentPassword == null
        || currentPassword.length() > MAX_PASSWORD_LENGTH
        || !encoder.matches(currentPassword, accounts.loadUserByUsername(username).getPassword())) {
      throw new InvalidRequest("currentPassword", "currentPassword is not your current password");
    }
    if (newPassword == null
        || newPassword.length() < Directory.MIN_PASSWORD_LENGTH
        || newPassword.length() > MAX_PASSWORD_LENGTH) {
      throw new InvalidRequest(
          "newPassword",
          "newPassword must be "
              + Directory.MIN_PASSWORD_LENGTH
              + "-"
              + MAX_PASSWORD_LENGTH
              + " characters");
    }
    if (newPassword.equals(currentPassword)) {
      throw new InvalidRequest("newPassword", "newPassword is the same as the current one");
    }
    users.setPasswordHash(username, encoder.encode(newPassword), clock.instant());
    audit.record(context, "PASSWORD_CHANGE", "user", username, "WRITTEN", null);
  }
}
