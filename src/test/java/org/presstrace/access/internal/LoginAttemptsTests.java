package org.presstrace.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AuditTrail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The budgets, the growing delays and the burst audit of failed sign-ins, on a clock we move. */
class LoginAttemptsTests {

  private static final String ATTACKER = "192.0.2.66";

  private final MovingClock clock = new MovingClock(Instant.parse("2025-03-01T09:00:00Z"));
  private final AuditTrail audit = mock(AuditTrail.class);
  private final LoginAttempts attempts = new LoginAttempts(audit, clock, settings(5, 50));

  @Test
  void theBudgetIsFiveFailuresThenAMinute() {
    for (int failure = 1; failure <= 4; failure++) {
      fail("victim", ATTACKER);
      assertThat(attempts.retryAfter("victim", "192.0.2.1")).isZero();
    }
    fail("victim", ATTACKER);

    assertThat(attempts.retryAfter("victim", "192.0.2.1")).isEqualTo(Duration.ofMinutes(1));
    assertThat(attempts.limited("victim")).isTrue();
    assertThat(attempts.retryAfter("bystander", "192.0.2.1")).isZero();
  }

  @Test
  void eachFailureAfterADelayDoublesTheNextUpToTheCap() {
    spend("victim");
    List<Long> delays = new java.util.ArrayList<>();
    for (int round = 0; round < 6; round++) {
      Duration wait = attempts.retryAfter("victim", ATTACKER);
      delays.add(wait.toMinutes());
      clock.advance(wait);
      assertThat(attempts.retryAfter("victim", ATTACKER)).isZero();
      fail("victim", ATTACKER);
    }

    assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 15L, 15L);
  }

  @Test
  void theRightPasswordAfterTheDelayClearsTheName() {
    spend("victim");
    clock.advance(Duration.ofMinutes(1));
    assertThat(attempts.retryAfter("victim", "192.0.2.1")).isZero();

    succeed("victim", "192.0.2.1");

    assertThat(attempts.limited("victim")).isFalse();
    for (int failure = 1; failure <= 4; failure++) {
      fail("victim", ATTACKER);
    }
    assertThat(attempts.retryAfter("victim", "192.0.2.1")).isZero();
  }

  @Test
  void failuresSpreadBeyondTheWindowNeverDelay() {
    for (int failure = 1; failure <= 40; failure++) {
      fail("slow", ATTACKER + failure);
      clock.advance(Duration.ofMinutes(4));
    }

    assertThat(attempts.retryAfter("slow", "192.0.2.1")).isZero();
  }

  @Test
  void oneAddressSprayingManyNamesSpendsTheAddressBudget() {
    for (int name = 1; name <= 50; name++) {
      fail("name" + name, ATTACKER);
    }

    assertThat(attempts.retryAfter("someone-else", ATTACKER)).isEqualTo(Duration.ofMinutes(1));
    assertThat(attempts.retryAfter("someone-else", "192.0.2.1")).isZero();
  }

  @Test
  void aSuccessFromTheSprayingAddressDoesNotRefillIt() {
    for (int name = 1; name <= 50; name++) {
      fail("name" + name, ATTACKER);
    }

    succeed("attackers-own-account", ATTACKER);

    assertThat(attempts.retryAfter("name51", ATTACKER)).isPositive();
  }

  @Test
  void disabledAccountsCountLikeWrongPasswordsSoTheyLookLikeAnyOtherName() {
    for (int failure = 1; failure <= 5; failure++) {
      attempts.failed(
          new AuthenticationFailureDisabledEvent(
              attempt("disabled", ATTACKER), new DisabledException("disabled")));
    }

    assertThat(attempts.retryAfter("disabled", ATTACKER)).isPositive();
  }

  @Test
  void serviceFailuresAndBearerTokensAreNotGuesses() {
    for (int failure = 1; failure <= 10; failure++) {
      attempts.failed(
          new AuthenticationFailureServiceExceptionEvent(
              attempt("victim", ATTACKER), new InternalAuthenticationServiceException("down")));
    }
    spend("token-user");
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "none")
            .claim("preferred_username", "token-user")
            .build();
    attempts.succeeded(
        new AuthenticationSuccessEvent(new JwtAuthenticationToken(jwt, List.of(), "token-user")));

    assertThat(attempts.retryAfter("victim", ATTACKER)).isZero();
    assertThat(attempts.limited("token-user")).isTrue();
  }

  @Test
  void twentyFailuresWriteOneEntryAndTheNextSuccessOneSummary() {
    for (int attempt = 1; attempt <= 20; attempt++) {
      if (attempts.retryAfter("victim", ATTACKER).isZero()) {
        fail("victim", ATTACKER);
      }
    }
    verify(audit, times(1)).recordAnonymous(eq("victim"), eq("LOGIN"), eq("REFUSED"), anyString());
    verifyNoMoreInteractions(audit);

    clock.advance(Duration.ofMinutes(1));
    succeed("victim", "192.0.2.1");

    verify(audit)
        .recordAnonymous(
            eq("victim"),
            eq("LOGIN_FAILURES"),
            eq("REFUSED"),
            contains(
                "5 failed sign-ins for victim from "
                    + ATTACKER
                    + " between 2025-03-01T09:00:00Z and 2025-03-01T09:00:00Z; 15 more refused"
                    + " while limited; delayed up to PT1M"));
  }

  @Test
  void aBurstEndsAfterAQuietWindowWithItsSummary() {
    fail("victim", ATTACKER);
    fail("victim", "192.0.2.7");
    attempts.sweep();
    verify(audit, never())
        .recordAnonymous(anyString(), eq("LOGIN_FAILURES"), anyString(), anyString());

    clock.advance(Duration.ofMinutes(16));
    attempts.sweep();

    verify(audit)
        .recordAnonymous(
            eq("victim"),
            eq("LOGIN_FAILURES"),
            eq("REFUSED"),
            contains("2 failed sign-ins for victim from " + ATTACKER + ", 192.0.2.7"));
  }

  @Test
  void aSingleFailureNeedsNoSummary() {
    fail("typo", ATTACKER);
    succeed("typo", ATTACKER);

    verify(audit, times(1)).recordAnonymous(eq("typo"), anyString(), anyString(), anyString());
  }

  @Test
  void anAdministratorsReleaseEndsTheDelayAtOnce() {
    spend("victim");

    attempts.release("victim");

    assertThat(attempts.retryAfter("victim", "192.0.2.1")).isZero();
    assertThat(attempts.limited("victim")).isFalse();
  }

  @Test
  void inventedNamesBeyondWhatIsTrackedAreForgottenNotHeld() {
    var small = new LoginAttempts(audit, clock, settings(5, 1_000_000, 100));
    for (int name = 0; name < 10_000; name++) {
      small.failed(
          new AuthenticationFailureBadCredentialsEvent(
              attempt("invented" + name, "192.0.2." + (name % 200)),
              new BadCredentialsException("bad")));
    }
    small.sweep();

    long remembered = 0;
    for (int name = 0; name < 10_000; name++) {
      remembered += small.failures("invented" + name);
    }
    assertThat(remembered).isLessThanOrEqualTo(200);
  }

  private void spend(String username) {
    for (int failure = 1; failure <= 5; failure++) {
      fail(username, ATTACKER);
    }
  }

  private void fail(String username, String address) {
    attempts.failed(
        new AuthenticationFailureBadCredentialsEvent(
            attempt(username, address), new BadCredentialsException("bad")));
  }

  private void succeed(String username, String address) {
    var signedIn = UsernamePasswordAuthenticationToken.authenticated(username, null, List.of());
    signedIn.setDetails(new WebAuthenticationDetails(address, null));
    attempts.succeeded(new AuthenticationSuccessEvent(signedIn));
  }

  private static UsernamePasswordAuthenticationToken attempt(String username, String address) {
    var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, "guess");
    attempt.setDetails(new WebAuthenticationDetails(address, null));
    return attempt;
  }

  private static AccessProperties settings(int perAccount, int perAddress) {
    return settings(perAccount, perAddress, 100_000);
  }

  private static AccessProperties settings(int perAccount, int perAddress, int tracked) {
    Duration window = Duration.ofMinutes(15);
    return new AccessProperties(
        "PTO",
        new AccessProperties.SignIn(
            new AccessProperties.Account(
                perAccount, window, Duration.ofMinutes(1), Duration.ofMinutes(15)),
            new AccessProperties.Address(
                perAddress, window, Duration.ofMinutes(1), Duration.ofMinutes(15)),
            tracked),
        new AccessProperties.Argon2(19456, 2));
  }

  /** A clock that stands still until told to move. */
  private static final class MovingClock extends Clock {

    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
