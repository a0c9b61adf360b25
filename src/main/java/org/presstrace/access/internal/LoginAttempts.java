package org.presstrace.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.presstrace.access.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins and locks the account after the configured number (default 5) for the
 * configured time (default 15 minutes); a successful sign-in resets the count. Every failure and
 * every lockout is audited.
 */
@Component
class LoginAttempts {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;

  LoginAttempts(JdbcClient jdbc, AuditTrail audit, Clock clock, AccessProperties settings) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.maxFailures = settings.lockout().maxFailures();
    this.lockout = settings.lockout().duration();
  }

  @EventListener
  @Transactional
  public void failed(AuthenticationFailureBadCredentialsEvent event) {
    String username = event.getAuthentication().getName();
    int updated =
        jdbc.sql("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE username = :u")
            .param("u", username)
            .update();
    if (updated == 0) {
      audit.recordAnonymous(username, "LOGIN", "REFUSED", "unknown user");
      return;
    }
    int failures =
        jdbc.sql("SELECT failed_logins FROM app_user WHERE username = :u")
            .param("u", username)
            .query(Integer.class)
            .single();
    if (failures >= maxFailures) {
      jdbc.sql("UPDATE app_user SET locked_until = :until WHERE username = :u")
          .param("until", OffsetDateTime.ofInstant(clock.instant().plus(lockout), ZoneOffset.UTC))
          .param("u", username)
          .update();
      audit.recordAnonymous(
          username, "LOCKOUT", "REFUSED", failures + " failed sign-ins; locked for " + lockout);
    } else {
      audit.recordAnonymous(username, "LOGIN", "REFUSED", "bad credentials (" + failures + ")");
    }
  }

  @EventListener
  @Transactional
  public void locked(AuthenticationFailureLockedEvent event) {
    audit.recordAnonymous(
        event.getAuthentication().getName(), "LOGIN", "REFUSED", "account locked");
  }

  @EventListener
  @Transactional
  public void succeeded(AuthenticationSuccessEvent event) {
    jdbc.sql("UPDATE app_user SET failed_logins = 0 WHERE username = :u AND failed_logins > 0")
        .param("u", event.getAuthentication().getName())
        .update();
  }
}
