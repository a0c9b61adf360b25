package org.presstrace.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Marking;
import org.presstrace.access.MarkingChangeApproved;
import org.presstrace.access.MarkingChangeRejected;
import org.presstrace.access.MarkingChangeRequested;
import org.presstrace.access.MarkingChangeStatus;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.springframework.security.access.AccessDeniedException;

class MarkingChangeRequestTests {

  private static final Instant REQUESTED = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant DECIDED = Instant.parse("2025-03-02T09:00:00Z");
  private static final Marking AMBER = new Marking("DEA", Tlp.AMBER, null, false, null, null);
  private static final Marking GREEN = new Marking("DEA", Tlp.GREEN, null, false, null, null);
  private static final Marking RED = new Marking("DEA", Tlp.RED, null, false, null, null);
  private static final Predicate<Marking> READS_ALL = marking -> true;

  private final Caller requester = caller("ivan", "DEA", Role.INVESTIGATOR);
  private final Caller supervisor = caller("sue", "DEA", Role.SUPERVISOR);
  private final Supplier<Marking> stillAmber = () -> AMBER;

  @Test
  void aLooseningIsPendingAndRecordsThatItWasRequested() {
    MarkingChangeRequest change = pending();

    assertThat(change.status()).isEqualTo(MarkingChangeStatus.PENDING);
    assertThat(change.recordedEvents())
        .containsExactly(
            new MarkingChangeRequested(
                "c1", "intel-report", "rep-1", AMBER, GREEN, "ivan", REQUESTED));
  }

  @Test
  void onlyInvestigatorsAndSupervisorsOfTheOwnerAskToLoosen() {
    for (Caller asker :
        new Caller[] {
          caller("ann", "DEA", Role.ANALYST), caller("ivo", "CBSA", Role.INVESTIGATOR)
        }) {
      assertThatThrownBy(() -> request(asker, AMBER, GREEN))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessage("only investigators and supervisors of DEA ask for a marking to be loosened");
    }
  }

  @Test
  void aChangeKeepsTheOwningAgency() {
    Marking otherOwner = new Marking("CBSA", Tlp.GREEN, null, false, null, null);

    assertThatThrownBy(() -> request(requester, AMBER, otherOwner))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("marking.ownerAgency"));
  }

  @Test
  void aTighteningIsNoRequest() {
    assertThatThrownBy(() -> request(requester, AMBER, RED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tightening applies at once");
  }

  @Test
  void aSupervisorOfTheOwnerApprovesAPendingChange() {
    MarkingChangeRequest change = pending();

    change.approve(supervisor, "cleared for partners", stillAmber, READS_ALL, DECIDED);

    assertThat(change.status()).isEqualTo(MarkingChangeStatus.APPROVED);
    assertThat(change.view().decidedBy()).isEqualTo("sue");
    assertThat(change.recordedEvents())
        .last()
        .isEqualTo(new MarkingChangeApproved("c1", "intel-report", "rep-1", GREEN, "sue", DECIDED));
  }

  @Test
  void theRequesterCannotApproveTheirOwnChange() {
    Caller supervisingRequester = caller("ivan", "DEA", Role.SUPERVISOR);
    MarkingChangeRequest change = pending();

    assertThatThrownBy(
            () -> change.approve(supervisingRequester, "my own", stillAmber, READS_ALL, DECIDED))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("the requester cannot decide their own marking change");
    assertUnchanged(change);
  }

  @Test
  void aSupervisorOfAnotherAgencyCannotDecide() {
    Caller otherSupervisor = caller("sam", "CBSA", Role.SUPERVISOR);
    MarkingChangeRequest change = pending();

    assertThatThrownBy(
            () -> change.reject(otherSupervisor, "not ours", stillAmber, READS_ALL, DECIDED))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("only supervisors of DEA decide its marking changes");
    assertUnchanged(change);
  }

  @Test
  void aDeciderWhoMayNotReadTheRecordCannotDecide() {
    MarkingChangeRequest change = pending();

    assertThatThrownBy(
            () -> change.approve(supervisor, "approve it", stillAmber, marking -> false, DECIDED))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("you may not read the record whose marking would change");
    assertThatThrownBy(
            () -> change.reject(supervisor, "reject it", stillAmber, marking -> false, DECIDED))
        .isInstanceOf(AccessDeniedException.class);
    assertUnchanged(change);
  }

  @Test
  void anApprovalIsRefusedWhenTheMarkingMovedSinceTheRequest() {
    MarkingChangeRequest change = pending();

    assertThatThrownBy(
            () -> change.approve(supervisor, "approve it", () -> RED, READS_ALL, DECIDED))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("the record's marking changed since the request");
    assertUnchanged(change);
  }

  @Test
  void aRejectionDoesNotCareWhetherTheMarkingMoved() {
    MarkingChangeRequest change = pending();

    change.reject(supervisor, "not now", () -> RED, READS_ALL, DECIDED);

    assertThat(change.status()).isEqualTo(MarkingChangeStatus.REJECTED);
    assertThat(change.recordedEvents())
        .last()
        .isEqualTo(new MarkingChangeRejected("c1", "intel-report", "rep-1", "sue", DECIDED));
  }

  @Test
  void aDecidedChangeIsNotDecidedAgain() {
    MarkingChangeRequest change = pending();
    change.reject(supervisor, "not now", stillAmber, READS_ALL, DECIDED);

    assertThatThrownBy(() -> change.approve(supervisor, "now yes", stillAmber, READS_ALL, DECIDED))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is already REJECTED; only a PENDING change can be decided");
  }

  @Test
  void theRecordIsReadOnlyOnceTheDeciderMayDecide() {
    MarkingChangeRequest change = pending();
    Supplier<Marking> unreachable =
        () -> {
          throw new AssertionError("the record was read for a decider who may not decide");
        };

    assertThatThrownBy(
            () -> change.approve(requester, "approve it", unreachable, READS_ALL, DECIDED))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void supervisorsSeeOnlyChangesOfRecordsTheyMayRead() {
    MarkingChangeRequest change = pending();

    assertThat(change.seenBy(supervisor, READS_ALL)).isTrue();
    assertThat(change.seenBy(supervisor, marking -> false)).isFalse();
    assertThat(change.seenBy(requester, marking -> false)).isTrue();
    assertThat(change.seenBy(caller("ian", "DEA", Role.INVESTIGATOR), READS_ALL)).isFalse();
  }

  private MarkingChangeRequest pending() {
    return request(requester, AMBER, GREEN);
  }

  private static MarkingChangeRequest request(Caller by, Marking from, Marking to) {
    return MarkingChangeRequest.requested(
        "c1", "intel-report", "rep-1", by, from, to, "shared with partners", REQUESTED);
  }

  private static void assertUnchanged(MarkingChangeRequest change) {
    assertThat(change.status()).isEqualTo(MarkingChangeStatus.PENDING);
    assertThat(change.view().decidedBy()).isNull();
    assertThat(change.recordedEvents()).hasSize(1);
  }

  private static Caller caller(String username, String agency, Role... roles) {
    return new Caller(
        username, agency, AgencyKind.FEDERAL, new CountryCode("USA"), Set.of(roles), Set.of());
  }
}
