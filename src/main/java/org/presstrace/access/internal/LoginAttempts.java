package org.presstrace.access.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.SignInLimits;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Holds the failure budgets of names and source addresses for password sign-ins (HTTP Basic and the
 * sign-in form), and audits failures once per burst: an entry at a burst's first failure, a summary
 * when it ends. A correct password after the delay clears the name's budget; an address's budget
 * only refills with time, so that signing in to one's own account does not buy more guesses at
 * others. Nothing here reads the accounts, so the answer is the same for a name that exists and one
 * that does not. Bearer tokens are not password guesses and are not counted.
 */
@Component
class LoginAttempts implements SignInLimits {

  private final AuditTrail audit;
  private final FailureBudget accounts;
  private final FailureBudget addresses;
  private final FailureBursts bursts;

  LoginAttempts(AuditTrail audit, Clock clock, AccessProperties settings) {
    this.audit = audit;
    AccessProperties.SignIn limits = settings.signIn();
    AccessProperties.Account account = limits.account();
    AccessProperties.Address address = limits.address();
    this.accounts =
        new FailureBudget(
            new FailureBudget.Policy(
                account.maxFailures(),
                account.window(),
                account.firstDelay(),
                account.maxDelay(),
                limits.tracked()),
            clock);
    this.addresses =
        new FailureBudget(
            new FailureBudget.Policy(
                address.maxFailures(),
                address.window(),
                address.firstDelay(),
                address.maxDelay(),
                limits.tracked()),
            clock);
    this.bursts =
        new FailureBursts(clock, account.window(), limits.tracked(), this::started, this::ended);
  }

  @Override
  public Duration retryAfter(String username, String address) {
    Duration byName = accounts.wait(username);
    Duration byAddress = addresses.wait(address);
    Duration wait = byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    if (wait.compareTo(Duration.ZERO) > 0) {
      bursts.refused(username);
    }
    return wait;
  }

  @Override
  public void release(String username) {
    accounts.forget(username);
    bursts.end(username);
  }

  /** Whether sign-ins as {@code username} are being delayed now. */
  boolean limited(String username) {
    return accounts.wait(username).compareTo(Duration.ZERO) > 0;
  }

  /** The failures of {@code username}'s current burst. */
  int failures(String username) {
    return bursts.failures(username);
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)
        || event instanceof AuthenticationFailureServiceExceptionEvent
        || event instanceof AuthenticationFailureProviderNotFoundEvent) {
      return;
    }
    String username = attempt.getName();
    String address = address(attempt);
    Duration delay = accounts.fail(username);
    addresses.fail(address);
    bursts.failed(username, address, delay);
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
      release(signedIn.getName());
    }
  }

  /** Ends quiet bursts with their summary and frees forgotten budgets. */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  void sweep() {
    bursts.endQuiet();
    accounts.cleanUp();
    addresses.cleanUp();
  }

  @PreDestroy
  void close() {
    bursts.endAll();
  }

  private void started(FailureBursts.Burst burst) {
    audit.recordAnonymous(
        burst.username,
        "LOGIN",
        "REFUSED",
        "failed sign-in from "
            + String.join(", ", burst.addresses)
            + "; further failures of this burst are summarised when it ends");
  }

  private void ended(FailureBursts.Burst burst) {
    if (!burst.single()) {
      audit.recordAnonymous(burst.username, "LOGIN_FAILURES", "REFUSED", burst.summary());
    }
  }

  private static String address(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails details
            && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : "an unknown address";
  }
}
