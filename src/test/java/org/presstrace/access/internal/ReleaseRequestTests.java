package org.presstrace.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Decision;
import org.presstrace.access.ReleaseApproved;
import org.presstrace.access.ReleaseRejected;
import org.presstrace.access.ReleaseRequested;
import org.presstrace.access.ReleaseRevoked;
import org.presstrace.access.ReleaseStatus;
import org.presstrace.access.Role;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.springframework.security.access.AccessDeniedException;

class ReleaseRequestTests {

  private static final Instant REQUESTED = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant DECIDED = Instant.parse("2025-03-02T09:00:00Z");
  private static final Supplier<Decision> RELEASABLE = () -> new Decision(true, 30, "releasable");

  private final Caller requester = caller("ivan", "DEA", Role.INVESTIGATOR);
  private final Caller supervisor = caller("sue", "DEA", Role.SUPERVISOR);

  @Test
  void aRequestIsPendingAndRecordsThatItWasRequested() {
    ReleaseRequest release = pending();

    assertThat(release.status()).isEqualTo(ReleaseStatus.PENDING);
    assertThat(release.recordedEvents())
        .containsExactly(
            new ReleaseRequested("r1", "intel-report", "rep-1", "CBSA", "ivan", REQUESTED));
  }

  @Test
  void aRequestWithoutAJustificationIsRefused() {
    assertThatThrownBy(
            () ->
                ReleaseRequest.requested(
                    "r1", "intel-report", "rep-1", "DEA", "CBSA", " ok ", "ivan", REQUESTED))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("justification"));
  }

  @Test
  void aSupervisorOfTheOwnerApprovesAPendingRequest() {
    ReleaseRequest release = pending();

    release.approve(supervisor, "  partner case 7  ", RELEASABLE, DECIDED);

    assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
    assertThat(release.view().decidedBy()).isEqualTo("sue");
    assertThat(release.view().decisionReason()).isEqualTo("partner case 7");
    assertThat(release.recordedEvents())
        .last()
        .isEqualTo(new ReleaseApproved("r1", "intel-report", "rep-1", "CBSA", "sue", DECIDED));
  }

  @Test
  void theRequesterCannotApproveTheirOwnRequest() {
    Caller supervisingRequester = caller("ivan", "DEA", Role.SUPERVISOR);
    ReleaseRequest release = pending();

    assertThatThrownBy(() -> release.approve(supervisingRequester, "my own", RELEASABLE, DECIDED))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("the requester cannot decide their own release");
    assertUnchanged(release);
  }

  @Test
  void anAdministratorCannotApproveOrReject() {
    Caller administrator = caller("ada", "DEA", Role.ADMINISTRATOR, Role.SUPERVISOR);
    ReleaseRequest release = pending();

    assertThatThrownBy(() -> release.approve(administrator, "looks fine", RELEASABLE, DECIDED))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("administrators manage accounts");
    assertThatThrownBy(() -> release.reject(administrator, "looks wrong", DECIDED))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("administrators manage accounts");
    assertUnchanged(release);
  }

  @Test
  void onlySupervisorsOfTheOwningAgencyDecide() {
    ReleaseRequest release = pending();
    Caller otherSupervisor = caller("sam", "CBSA", Role.SUPERVISOR);
    Caller investigator = caller("ian", "DEA", Role.INVESTIGATOR);

    for (Caller decider : new Caller[] {otherSupervisor, investigator}) {
      assertThatThrownBy(() -> release.approve(decider, "approve it", RELEASABLE, DECIDED))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessage("only supervisors of DEA decide its releases");
      assertThatThrownBy(() -> release.reject(decider, "reject it", DECIDED))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessage("only supervisors of DEA decide its releases");
    }
    assertUnchanged(release);
  }

  @Test
  void aDecidedRequestIsNotDecidedAgain() {
    ReleaseRequest release = pending();
    release.reject(supervisor, "not needed", DECIDED);

    assertThatThrownBy(() -> release.approve(supervisor, "changed my mind", RELEASABLE, DECIDED))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is already REJECTED; only a PENDING release can be decided");
    assertThat(release.status()).isEqualTo(ReleaseStatus.REJECTED);
    assertThat(release.recordedEvents())
        .last()
        .isEqualTo(new ReleaseRejected("r1", "intel-report", "rep-1", "CBSA", "sue", DECIDED));
  }

  @Test
  void anApprovalIsRefusedWhenTheRecordIsNoLongerReleasable() {
    ReleaseRequest release = pending();

    assertThatThrownBy(
            () ->
                release.approve(
                    supervisor,
                    "approve it",
                    () -> new Decision(false, 31, "NOFORN keeps it home"),
                    DECIDED))
        .isInstanceOf(ConflictingState.class)
        .hasMessage("the record's marking changed: NOFORN keeps it home");
    assertUnchanged(release);
  }

  @Test
  void theMarkingIsCheckedOnlyOnceTheDeciderMayDecide() {
    ReleaseRequest release = pending();
    Supplier<Decision> unreachable =
        () -> {
          throw new AssertionError("the marking was read for a decider who may not decide");
        };

    assertThatThrownBy(() -> release.approve(requester, "approve it", unreachable, DECIDED))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void onlyAnApprovedReleaseIsRevoked() {
    ReleaseRequest release = pending();

    assertThatThrownBy(() -> release.revoke(supervisor, "no longer", DECIDED))
        .isInstanceOf(ConflictingState.class)
        .hasMessage("release r1 is PENDING; only an APPROVED release can be revoked");

    release.approve(supervisor, "partner case", RELEASABLE, DECIDED);
    release.revoke(supervisor, "case closed", DECIDED);

    assertThat(release.status()).isEqualTo(ReleaseStatus.REVOKED);
    assertThat(release.view().revokeReason()).isEqualTo("case closed");
    assertThat(release.recordedEvents())
        .last()
        .isEqualTo(new ReleaseRevoked("r1", "intel-report", "rep-1", "CBSA", "sue", DECIDED));
  }

  @Test
  void onlyASupervisorOfTheOwnerRevokes() {
    ReleaseRequest release = pending();
    release.approve(supervisor, "partner case", RELEASABLE, DECIDED);

    assertThatThrownBy(() -> release.revoke(requester, "case closed", DECIDED))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
  }

  @Test
  void theTargetAgencySeesTheReleaseOnlyOnceApproved() {
    ReleaseRequest release = pending();
    Caller partner = caller("pat", "CBSA", Role.FOREIGN_LIAISON);

    assertThat(release.visibleTo(partner)).isFalse();
    assertThat(release.visibleTo(requester)).isTrue();
    assertThat(release.visibleTo(supervisor)).isTrue();
    assertThat(release.visibleTo(caller("ian", "DEA", Role.INVESTIGATOR))).isFalse();

    release.approve(supervisor, "partner case", RELEASABLE, DECIDED);

    assertThat(release.visibleTo(partner)).isTrue();
  }

  private ReleaseRequest pending() {
    return ReleaseRequest.requested(
        "r1", "intel-report", "rep-1", "DEA", "CBSA", "joint operation", "ivan", REQUESTED);
  }

  private static void assertUnchanged(ReleaseRequest release) {
    assertThat(release.status()).isEqualTo(ReleaseStatus.PENDING);
    assertThat(release.view().decidedBy()).isNull();
    assertThat(release.recordedEvents()).hasSize(1);
  }

  private static Caller caller(String username, String agency, Role... roles) {
    return new Caller(
        username, agency, AgencyKind.FEDERAL, new CountryCode("USA"), Set.of(roles), Set.of());
  }
}
