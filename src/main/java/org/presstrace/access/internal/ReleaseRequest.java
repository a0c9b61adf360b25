package org.presstrace.access.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.presstrace.access.Caller;
import org.presstrace.access.Decision;
import org.presstrace.access.Release;
import org.presstrace.access.ReleaseApproved;
import org.presstrace.access.ReleaseEvent;
import org.presstrace.access.ReleaseRejected;
import org.presstrace.access.ReleaseRequested;
import org.presstrace.access.ReleaseRevoked;
import org.presstrace.access.ReleaseStatus;
import org.presstrace.access.Role;
import org.presstrace.shared.ConflictingState;
import org.springframework.security.access.AccessDeniedException;

/**
 * A request to release one record to one other agency, through its four-eyes lifecycle: PENDING
 * until a supervisor of the owning agency other than the requester approves or rejects it; an
 * APPROVED release may then be revoked. Each step checks its guard, refuses naming the rule broken,
 * and otherwise records one past-tense {@link ReleaseEvent}.
 */
public final class ReleaseRequest {

  private final String id;
  private final String kind;
  private final String recordId;
  private final String ownerAgency;
  private final String targetAgency;
  private final String justification;
  private final String requestedBy;
  private final Instant requestedAt;
  private ReleaseStatus status;
  private String decidedBy;
  private Instant decidedAt;
  private String decisionReason;
  private String revokedBy;
  private Instant revokedAt;
  private String revokeReason;
  private final List<ReleaseEvent> recorded = new ArrayList<>();

  /** A release as stored, with no events recorded yet. */
  public ReleaseRequest(Release stored) {
    this.id = stored.id();
    this.kind = stored.kind();
    this.recordId = stored.recordId();
    this.ownerAgency = stored.ownerAgency();
    this.targetAgency = stored.targetAgency();
    this.justification = stored.justification();
    this.status = stored.status();
    this.requestedBy = stored.requestedBy();
    this.requestedAt = stored.requestedAt();
    this.decidedBy = stored.decidedBy();
    this.decidedAt = stored.decidedAt();
    this.decisionReason = stored.decisionReason();
    this.revokedBy = stored.revokedBy();
    this.revokedAt = stored.revokedAt();
    this.revokeReason = stored.revokeReason();
  }

  /**
   * {@code requestedBy} asks for record {@code recordId} of {@code ownerAgency} to be released to
   * {@code targetAgency}. Whether the requester may ask (the policy) and whether an open release
   * already exists are checked by the caller, which sees the record and the other releases.
   */
  public static ReleaseRequest requested(
      String id,
      String kind,
      String recordId,
      String ownerAgency,
      String targetAgency,
      String justification,
      String requestedBy,
      Instant at) {
    var release =
        new ReleaseRequest(
            new Release(
                id,
                kind,
                recordId,
                ownerAgency,
                targetAgency,
                Reasons.required("justification", justification),
                ReleaseStatus.PENDING,
                requestedBy,
                at,
                null,
                null,
                null,
                null,
                null,
                null));
    release.recorded.add(new ReleaseRequested(id, kind, recordId, targetAgency, requestedBy, at));
    return release;
  }

  /**
   * Whether {@code caller} deals with this release: supervisors of the owning agency, the
   * requester, and, once approved, the target agency.
   */
  public boolean visibleTo(Caller caller) {
    return (ownerAgency.equals(caller.agency()) && caller.has(Role.SUPERVISOR))
        || requestedBy.equals(caller.username())
        || (targetAgency.equals(caller.agency()) && status == ReleaseStatus.APPROVED);
  }

  /**
   * A supervisor of the owning agency, not the requester, approves the pending release; {@code
   * stillReleasable} is asked last, as the record's marking may have changed since the request.
   */
  public void approve(Caller by, String reason, Supplier<Decision> stillReleasable, Instant at) {
    String why = requireDecidable(by, reason);
    Decision decision = stillReleasable.get();
    if (!decision.allowed()) {
      throw new ConflictingState("the record's marking changed: " + decision.reason());
    }
    decide(ReleaseStatus.APPROVED, by, why, at);
    recorded.add(new ReleaseApproved(id, kind, recordId, targetAgency, by.username(), at));
  }

  /** A supervisor of the owning agency, not the requester, rejects the pending release. */
  public void reject(Caller by, String reason, Instant at) {
    String why = requireDecidable(by, reason);
    decide(ReleaseStatus.REJECTED, by, why, at);
    recorded.add(new ReleaseRejected(id, kind, recordId, targetAgency, by.username(), at));
  }

  /** A supervisor of the owning agency revokes the approved release. */
  public void revoke(Caller by, String reason, Instant at) {
    String why = Reasons.required("reason", reason);
    FourEyes.requireSupervisorOf(by, ownerAgency, "releases");
    if (status != ReleaseStatus.APPROVED) {
      throw new ConflictingState(
          "release " + id + " is " + status + "; only an APPROVED release can be revoked");
    }
    status = ReleaseStatus.REVOKED;
    revokedBy = by.username();
    revokedAt = at;
    revokeReason = why;
    recorded.add(new ReleaseRevoked(id, kind, recordId, targetAgency, by.username(), at));
  }

  private String requireDecidable(Caller by, String reason) {
    String why = Reasons.required("reason", reason);
    if (by.has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException(
          "administrators manage accounts; they never approve or reject releases");
    }
    FourEyes.requireDecider(by, ownerAgency, requestedBy, "release", "releases");
    if (status != ReleaseStatus.PENDING) {
      throw new ConflictingState(
          "release " + id + " is already " + status + "; only a PENDING release can be decided");
    }
    return why;
  }

  private void decide(ReleaseStatus outcome, Caller by, String why, Instant at) {
    status = outcome;
    decidedBy = by.username();
    decidedAt = at;
    decisionReason = why;
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public String recordId() {
    return recordId;
  }

  public String targetAgency() {
    return targetAgency;
  }

  public ReleaseStatus status() {
    return status;
  }

  /** The release as the API shows it. */
  public Release view() {
    return new Release(
        id,
        kind,
        recordId,
        ownerAgency,
        targetAgency,
        justification,
        status,
        requestedBy,
        requestedAt,
        decidedBy,
        decidedAt,
        decisionReason,
        revokedBy,
        revokedAt,
        revokeReason);
  }

  /** The events recorded since this object was loaded or created, oldest first. */
  public List<ReleaseEvent> recordedEvents() {
    return List.copyOf(recorded);
  }
}
