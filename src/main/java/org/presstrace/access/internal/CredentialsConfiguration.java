package org.presstrace.access.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Set;
import org.presstrace.access.AuditRecorded;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password sign-in with its cache of verified credentials. {@link PasswordSignIn} is the one
 * {@link AuthenticationProvider} bean, so Spring Security builds the global authentication manager
 * (HTTP Basic and the sign-in form) from it instead of from the accounts directly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialProperties.class)
class CredentialsConfiguration {

  /** Audited account changes after which a user's cached credentials are dropped. */
  private static final Set<String> ACCOUNT_CHANGES =
      Set.of("PASSWORD_CHANGE", "DISABLE", "ENABLE", "UNLOCK", "GRANT_APPROVE");

  @Bean
  VerifiedCredentials verifiedCredentials(CredentialProperties settings) {
    return new VerifiedCredentials(
        settings.basicCache().timeToLive(),
        settings.basicCache().maximumSize(),
        Ticker.systemTicker());
  }

  @Bean
  AuthenticationProvider passwordSignIn(
      UserDetailsService accounts, PasswordEncoder passwords, VerifiedCredentials verified) {
    return new PasswordSignIn(accounts, passwords, verified);
  }

  /**
   * Drops a user's cached credentials when the audit trail records a change to the account: a new
   * password, disabling, unlocking, a role granted, or a lockout after failed sign-ins.
   */
  @Bean
  CachedCredentialsEviction cachedCredentialsEviction(VerifiedCredentials verified) {
    return new CachedCredentialsEviction(verified);
  }

  static final class CachedCredentialsEviction {

    private final VerifiedCredentials verified;

    CachedCredentialsEviction(VerifiedCredentials verified) {
      this.verified = verified;
    }

    @EventListener
    public void on(AuditRecorded recorded) {
      var entry = recorded.entry();
      if ("LOCKOUT".equals(entry.action()) && entry.username() != null) {
        verified.forget(entry.username());
      } else if ("user".equals(entry.kind())
          && entry.recordId() != null
          && ACCOUNT_CHANGES.contains(entry.action())) {
        verified.forget(entry.recordId());
      }
    }
  }
}
