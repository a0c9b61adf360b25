package org.presstrace.access.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.presstrace.access.Caller;
import org.presstrace.access.Marking;
import org.presstrace.access.MarkingChange;
import org.presstrace.access.MarkingChangeApproved;
import org.presstrace.access.MarkingChangeEvent;
import org.presstrace.access.MarkingChangeRejected;
import org.presstrace.access.MarkingChangeRequested;
import org.presstrace.access.MarkingChangeStatus;
import org.presstrace.access.Role;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * A request to loosen the marking of one record, through its four-eyes lifecycle: PENDING until a
 * supervisor of the owning agency other than the requester approves or rejects it. Each step checks
 * its guard, refuses naming the rule broken, and otherwise records one past-tense {@link
 * MarkingChangeEvent}.
 */
public final class MarkingChangeRequest {

  private final String id;
  private final String kind;
  private final String recordId;
  private final String ownerAgency;
  private final Marking from;
  private final Marking to;
  private final String justification;
  private final String requestedBy;
  private final Instant requestedAt;
  private MarkingChangeStatus status;
  private String decidedBy;
  private Instant decidedAt;
  private String decisionReason;
  private final List<MarkingChangeEvent> recorded = new ArrayList<>();

  /** A change as stored, with no events recorded yet. */
  public MarkingChangeRequest(MarkingChange stored) {
    this.id = stored.id();
    this.kind = stored.kind();
    this.recordId = stored.recordId();
    this.ownerAgency = stored.ownerAgency();
    this.from = stored.from();
    this.to = stored.to();
    this.justification = stored.justification();
    this.status = stored.status();
    this.requestedBy = stored.requestedBy();
    this.requestedAt = stored.requestedAt();
    this.decidedBy = stored.decidedBy();
    this.decidedAt = stored.decidedAt();
    this.decisionReason = stored.decisionReason();
  }

  /**
   * An investigator or supervisor of the owning agency asks to loosen the marking of record {@code
   * recordId} from {@code from} (its marking now) to {@code to}. Whether another change of the
   * record is pending is checked by the caller, which sees the other changes.
   *
   * @throws IllegalArgumentException when the change loosens nothing: a tightening applies at once
   */
  public static MarkingChangeRequest requested(
      String id,
      String kind,
      String recordId,
      Caller by,
      Marking from,
      Marking to,
      String justification,
      Instant at) {
    if (!by.agency().equals(from.ownerAgency())
        || (!by.has(Role.INVESTIGATOR) && !by.has(Role.SUPERVISOR))) {
      throw new AccessDeniedException(
          "only investigators and supervisors of "
              + from.ownerAgency()
              + " ask for a marking to be loosened");
    }
    if (!from.ownerAgency().equals(to.ownerAgency())) {
      throw new InvalidRequest("marking.ownerAgency", "a marking change keeps the owning agency");
    }
    if (from.looseningsTo(to).isEmpty()) {
      throw new IllegalArgumentException("tightening applies at once; no request is needed");
    }
    String why = Reasons.required("justification", justification);
    var change =
        new MarkingChangeRequest(
            new MarkingChange(
                id,
                kind,
                recordId,
                from.ownerAgency(),
                from,
                to,
                why,
                MarkingChangeStatus.PENDING,
                by.username(),
                at,
                null,
                null,
                null));
    change.recorded.add(
        new MarkingChangeRequested(id, kind, recordId, from, to, by.username(), at));
    return change;
  }

  /**
   * Whether {@code caller} deals with this change: its requester, and supervisors of the owning
   * agency who may read the record under the marking it had when the change was asked for (a
   * compartment stays need-to-know, even to a supervisor).
   */
  public boolean seenBy(Caller caller, Predicate<Marking> callerMayRead) {
    if (requestedBy.equals(caller.username())) {
      return true;
    }
    return caller.has(Role.SUPERVISOR)
        && caller.agency().equals(ownerAgency)
        && callerMayRead.test(from);
  }

  /**
   * A supervisor of the owning agency, not the requester, who may read the record as it is marked
   * now, approves the pending change; the record must still carry the marking the change was asked
   * from. {@code current} is read only once the other guards hold.
   */
  public void approve(
      Caller by,
      String reason,
      Supplier<Marking> current,
      Predicate<Marking> byMayRead,
      Instant at) {
    String why = requireDecidable(by, reason);
    Marking now = readableNow(current, byMayRead);
    if (!now.equals(from)) {
      throw new ConflictingState(
          "the record's marking changed since the request (now "
              + now.banner()
              + "); reject this change and ask again");
    }
    decide(MarkingChangeStatus.APPROVED, by, why, at);
    recorded.add(new MarkingChangeApproved(id, kind, recordId, to, by.username(), at));
  }

  /**
   * A supervisor of the owning agency, not the requester, who may read the record as it is marked
   * now, rejects the pending change; the record keeps its marking.
   */
  public void reject(
      Caller by,
      String reason,
      Supplier<Marking> current,
      Predicate<Marking> byMayRead,
      Instant at) {
    String why = requireDecidable(by, reason);
    readableNow(current, byMayRead);
    decide(MarkingChangeStatus.REJECTED, by, why, at);
    recorded.add(new MarkingChangeRejected(id, kind, recordId, by.username(), at));
  }

  private String requireDecidable(Caller by, String reason) {
    String why = Reasons.required("reason", reason);
    FourEyes.requireDecider(by, ownerAgency, requestedBy, "marking change", "marking changes");
    if (status != MarkingChangeStatus.PENDING) {
      throw new ConflictingState(
          "marking change "
              + id
              + " is already "
              + status
              + "; only a PENDING change can be decided");
    }
    return why;
  }

  private static Marking readableNow(Supplier<Marking> current, Predicate<Marking> byMayRead) {
    Marking now = current.get();
    if (!byMayRead.test(now)) {
      throw new AccessDeniedException("you may not read the record whose marking would change");
    }
    return now;
  }

  private void decide(MarkingChangeStatus outcome, Caller by, String why, Instant at) {
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

  public Marking from() {
    return from;
  }

  public Marking to() {
    return to;
  }

  public MarkingChangeStatus status() {
    return status;
  }

  /** The change as the API shows it. */
  public MarkingChange view() {
    return new MarkingChange(
        id,
        kind,
        recordId,
        ownerAgency,
        from,
        to,
        justification,
        status,
        requestedBy,
        requestedAt,
        decidedBy,
        decidedAt,
        decisionReason);
  }

  /** The events recorded since this object was loaded or created, oldest first. */
  public List<MarkingChangeEvent> recordedEvents() {
    return List.copyOf(recorded);
  }
}
