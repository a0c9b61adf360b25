package org.presstrace.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.presstrace.registry.RegistrantActivated;
import org.presstrace.registry.RegistrantApplied;
import org.presstrace.registry.RegistrantRevoked;
import org.presstrace.registry.RegistrantStatus;
import org.presstrace.registry.RegistrantSuspended;
import org.presstrace.registry.RegistrationExpired;
import org.presstrace.registry.RegistrationRenewed;
import org.presstrace.shared.ConflictingState;

/** Every allowed and refused change of a registration's status. */
class RegistrantTests {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

  static Registrant registrant(RegistrantStatus stored, LocalDate expiresOn) {
    return new Registrant("R1", "Acme Ltd (PPR-1)", stored, expiresOn);
  }

  @Test
  void anApplicantStartsPendingWithoutExpiry() {
    var registrant = Registrant.applied("R1", "Acme Ltd (PPR-1)", "admin");

    assertThat(registrant.storedStatus()).isEqualTo(RegistrantStatus.PENDING);
    assertThat(registrant.expiresOn()).isNull();
    assertThat(registrant.recordedEvents())
        .containsExactly(new RegistrantApplied("R1", "application received", "admin"));
  }

  @Test
  void activationRunsForAYearFromToday() {
    var registrant = registrant(RegistrantStatus.PENDING, null);

    registrant.activate("papers checked", TODAY, "admin");

    assertThat(registrant.storedStatus()).isEqualTo(RegistrantStatus.ACTIVE);
    assertThat(registrant.recordedEvents())
        .containsExactly(
            new RegistrantActivated("R1", TODAY.plusYears(1), "papers checked", "admin"));
  }

  @ParameterizedTest
  @EnumSource(
      value = RegistrantStatus.class,
      names = {"PENDING", "ACTIVE", "SUSPENDED", "EXPIRED"})
  void activatesAnyRegistrationThatIsNotRevoked(RegistrantStatus stored) {
    var registrant = registrant(stored, TODAY.minusDays(3));

    registrant.activate("reinstated", TODAY, "admin");

    assertThat(registrant.storedStatus()).isEqualTo(RegistrantStatus.ACTIVE);
    assertThat(registrant.expiresOn()).isEqualTo(TODAY.plusYears(1));
  }

  @Test
  void refusesToActivateARevokedRegistration() {
    var registrant = registrant(RegistrantStatus.REVOKED, TODAY.plusMonths(3));

    assertThatThrownBy(() -> registrant.activate("again", TODAY, "admin"))
        .isInstanceOf(ConflictingState.class)
        .hasMessage("Acme Ltd (PPR-1) is REVOKED: a revoked registration is final");
    assertThat(registrant.recordedEvents()).isEmpty();
  }

  @Test
  void suspendsAnActiveRegistrationKeepingItsExpiry() {
    var registrant = registrant(RegistrantStatus.ACTIVE, TODAY.plusMonths(6));

    registrant.suspend("inspection", TODAY, "admin");

    assertThat(registrant.storedStatus()).isEqualTo(RegistrantStatus.SUSPENDED);
    assertThat(registrant.recordedEvents())
        .containsExactly(new RegistrantSuspended("R1", TODAY.plusMonths(6), "inspection", "admin"));
  }

  @ParameterizedTest
  @EnumSource(
      value = RegistrantStatus.class,
      names = {"PENDING", "SUSPENDED", "REVOKED", "EXPIRED"})
  void refusesToSuspendARegistrationThatIsNotActive(RegistrantStatus stored) {
    var registrant = registrant(stored, TODAY.plusMonths(6));

    assertThatThrownBy(() -> registrant.suspend("inspection", TODAY, "admin"))
        .isInstanceOf(ConflictingState.class)
        .hasMessage("Acme Ltd (PPR-1) is " + stored + ": only an active registration is suspended");
    assertThat(registrant.storedStatus()).isEqualTo(stored);
  }

  @Test
  void suspendsARegistrationThatLapsedButWhoseLapseIsNotRecordedYet() {
    var registrant = registrant(RegistrantStatus.ACTIVE, TODAY.minusDays(1));
    assertThat(registrant.status(TODAY)).isEqualTo(RegistrantStatus.EXPIRED);

    registrant.suspend("inspection", TODAY, "admin");

    assertThat(registrant.storedStatus()).isEqualTo(RegistrantStatus.SUSPENDED);
  }

  @Test
  void revokesOnceAndOnlyOnce() {
    var registrant = registrant(RegistrantStatus.SUSPENDED, TODAY.plusMonths(2));

    registrant.revoke("fraud", TODAY, "admin");

    assertThat(registrant.recordedEvents())
        .containsExactly(new RegistrantRevoked("R1", TODAY.plusMonths(2), "fraud", "admin"));
    assertThatThrownBy(() -> registrant.revoke("fraud again", TODAY, "admin"))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("a revoked registration is final");
    assertThat(registrant.recordedEvents()).hasSize(1);
  }

  @Test
  void renewsARunningRegistrationFromItsExpiryDay() {
    LocalDate expires = TODAY.plusDays(Registrant.RENEWAL_WINDOW_DAYS);
    var registrant = registrant(RegistrantStatus.ACTIVE, expires);

    registrant.renew("annual renewal", TODAY, "acme.user");

    assertThat(registrant.recordedEvents())
        .containsExactly(
            new RegistrationRenewed(
                "R1", expires.plusYears(1), "renewed: annual renewal", "acme.user"));
  }

  @Test
  void renewsALapsedRegistrationFromToday() {
    var registrant = registrant(RegistrantStatus.ACTIVE, TODAY.minusDays(10));

    registrant.renew("late renewal", TODAY, "admin");

    assertThat(registrant.expiresOn()).isEqualTo(TODAY.plusYears(1));
    assertThat(registrant.storedStatus()).isEqualTo(RegistrantStatus.ACTIVE);
  }

  @Test
  void refusesRenewalBeforeItsWindowOpens() {
    LocalDate expires = TODAY.plusDays(Registrant.RENEWAL_WINDOW_DAYS + 1);
    var registrant = registrant(RegistrantStatus.ACTIVE, expires);

    assertThatThrownBy(() -> registrant.renew("early", TODAY, "admin"))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "Acme Ltd (PPR-1) expires on "
                + expires
                + ": renewal opens 90 days before expiry, on "
                + TODAY.plusDays(1));
    assertThat(registrant.recordedEvents()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = RegistrantStatus.class,
      names = {"PENDING", "SUSPENDED", "REVOKED"})
  void refusesToRenewARegistrationNeitherActiveNorLapsed(RegistrantStatus stored) {
    var registrant = registrant(stored, TODAY.plusDays(10));

    assertThatThrownBy(() -> registrant.renew("renewal", TODAY, "admin"))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "Acme Ltd (PPR-1) is " + stored + ": only an active or lapsed registration is renewed");
  }

  @Test
  void recordsTheLapseOfAnActiveRegistrationPastItsExpiry() {
    var registrant = registrant(RegistrantStatus.ACTIVE, TODAY.minusDays(1));

    registrant.expire(TODAY, "sweep");

    assertThat(registrant.storedStatus()).isEqualTo(RegistrantStatus.EXPIRED);
    assertThat(registrant.recordedEvents())
        .containsExactly(
            new RegistrationExpired(
                "R1",
                TODAY.minusDays(1),
                "registration expired on " + TODAY.minusDays(1),
                "sweep"));
  }

  @Test
  void refusesToRecordALapseBeforeTheExpiryDayHasPassed() {
    var registrant = registrant(RegistrantStatus.ACTIVE, TODAY);

    assertThatThrownBy(() -> registrant.expire(TODAY, "sweep"))
        .isInstanceOf(ConflictingState.class);
    assertThat(registrant.storedStatus()).isEqualTo(RegistrantStatus.ACTIVE);
  }

  @Test
  void theTermAndRenewalWindowAreConfiguration() {
    var terms = new org.presstrace.registry.RegistrationTerms(java.time.Period.ofYears(2), 30);
    var registrant = new Registrant("R1", "Acme (PPR-1)", RegistrantStatus.PENDING, null);
    registrant.activate("papers checked", TODAY, "admin", terms);
    assertThat(registrant.expiresOn()).isEqualTo(TODAY.plusYears(2));

    LocalDate expires = TODAY.plusYears(2);
    LocalDate early = expires.minusDays(31);
    assertThatThrownBy(() -> registrant.renew("early", early, "acme.user", terms))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("renewal opens 30 days before expiry, on " + expires.minusDays(30));
    registrant.renew("on time", expires.minusDays(30), "acme.user", terms);
    assertThat(registrant.expiresOn()).isEqualTo(expires.plusYears(2));
  }
}
