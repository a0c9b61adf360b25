package org.presstrace.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password check with its cache, over a counting encoder and a hand-driven clock. */
class PasswordSignInTests {

  private static final String PASSWORD = "correct-horse-battery";

  private final AtomicInteger checks = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();
  private String storedHash = "{plain}" + PASSWORD;
  private boolean locked;
  private final VerifiedCredentials verified =
      new VerifiedCredentials(Duration.ofSeconds(60), 100, nanos::get);
  private final PasswordSignIn signIn =
      new PasswordSignIn(
          username ->
              User.withUsername(username)
                  .password(storedHash)
                  .accountLocked(locked)
                  .authorities("ROLE_INVESTIGATOR")
                  .build(),
          new CountingEncoder(),
          verified);

  @Test
  void aVerifiedPasswordIsCheckedOnceWithinTheWindow() {
    signIn.authenticate(basic("alice", PASSWORD));
    signIn.authenticate(basic("alice", PASSWORD));
    Authentication third = signIn.authenticate(basic("alice", PASSWORD));

    assertThat(checks).hasValue(1);
    assertThat(third.getAuthorities()).extracting(Object::toString).contains("ROLE_INVESTIGATOR");
  }

  @Test
  void aWrongPasswordIsNeverCachedAndAlwaysChecked() {
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> signIn.authenticate(basic("alice", "wrong-password")))
          .isInstanceOf(BadCredentialsException.class);
    }
    signIn.authenticate(basic("alice", PASSWORD));
    assertThatThrownBy(() -> signIn.authenticate(basic("alice", "wrong-password")))
        .isInstanceOf(BadCredentialsException.class);

    assertThat(checks).hasValue(5);
  }

  @Test
  void theSamePasswordForAnotherUserIsNotTakenFromTheCache() {
    signIn.authenticate(basic("alice", PASSWORD));
    signIn.authenticate(basic("bob", PASSWORD));

    assertThat(checks).hasValue(2);
  }

  @Test
  void aChangedStoredHashRefusesTheOldPasswordEvenWhenCached() {
    signIn.authenticate(basic("alice", PASSWORD));
    storedHash = "{plain}another-password-entirely";

    assertThatThrownBy(() -> signIn.authenticate(basic("alice", PASSWORD)))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aLockedAccountIsRefusedEvenWhenCached() {
    signIn.authenticate(basic("alice", PASSWORD));
    locked = true;

    assertThatThrownBy(() -> signIn.authenticate(basic("alice", PASSWORD)))
        .isInstanceOf(LockedException.class);
  }

  @Test
  void aLockedAccountWithAWrongPasswordCostsAPasswordCheckAndAnswersAsAWrongPassword() {
    locked = true;

    // As for an unknown name or a wrong password: one hash check, then "bad credentials", so that
    // neither the time taken nor the answer tells that the account exists and is locked.
    assertThatThrownBy(() -> signIn.authenticate(basic("alice", "wrong-password")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(checks).hasValue(1);
    // Only the right password learns that the account is locked.
    assertThatThrownBy(() -> signIn.authenticate(basic("alice", PASSWORD)))
        .isInstanceOf(LockedException.class);
    assertThat(checks).hasValue(2);
  }

  @Test
  void entriesExpireAndForgettingAUserDropsItsEntries() {
    signIn.authenticate(basic("alice", PASSWORD));
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    signIn.authenticate(basic("alice", PASSWORD));
    verified.forget("alice");
    signIn.authenticate(basic("alice", PASSWORD));

    assertThat(checks).hasValue(3);
  }

  @Test
  void theCacheKeyIsAKeyedHashNotThePassword() {
    String key = verified.key("alice", PASSWORD);
    VerifiedCredentials other = new VerifiedCredentials(Duration.ofSeconds(60), 100, nanos::get);

    assertThat(key).doesNotContain(PASSWORD).doesNotContain("alice").hasSize(43);
    assertThat(other.key("alice", PASSWORD)).isNotEqualTo(key);
    assertThat(verified.key("alice", PASSWORD)).isEqualTo(key);
    assertThat(verified.key("a:b", "c")).isNotEqualTo(verified.key("a", "b:c"));
  }

  @Test
  void auditedAccountChangesAndLockoutsDropTheUsersEntries() {
    var eviction = new CredentialsConfiguration.CachedCredentialsEviction(verified);
    signIn.authenticate(basic("alice", PASSWORD));
    eviction.on(audited("admin", "READ", "user", "alice"));
    signIn.authenticate(basic("alice", PASSWORD));
    eviction.on(audited("admin", "DISABLE", "user", "alice"));
    signIn.authenticate(basic("alice", PASSWORD));
    eviction.on(audited("alice", "LOCKOUT", null, null));
    signIn.authenticate(basic("alice", PASSWORD));

    assertThat(checks).hasValue(3);
  }

  private static org.presstrace.access.AuditRecorded audited(
      String username, String action, String kind, String recordId) {
    return new org.presstrace.access.AuditRecorded(
        new org.presstrace.access.AuditEntry(
            1,
            java.time.Instant.EPOCH,
            username,
            "FED",
            action,
            kind,
            recordId,
            org.presstrace.access.Channel.API,
            null,
            "WRITTEN",
            null,
            null));
  }

  private static UsernamePasswordAuthenticationToken basic(String username, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
  }

  /** Compares {@code {plain}} hashes and counts every comparison. */
  private final class CountingEncoder implements PasswordEncoder {

    @Override
    public String encode(CharSequence raw) {
      return "{plain}" + raw;
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return encoded.equals("{plain}" + raw);
    }
  }
}
