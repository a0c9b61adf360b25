package org.presstrace.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.presstrace.access.internal.MarkingChangeRequest;
import org.presstrace.access.internal.MarkingChangeStore;
import org.presstrace.access.internal.Reasons;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes marking changes. Loosening a record's marking (a lower TLP; a compartment, NOFORN, a
 * REL TO list or a CUI category removed or replaced; a REL TO list widened) widens who may read it,
 * so it is a release: an investigator or supervisor of the owning agency asks with a justification,
 * a different supervisor of that agency approves or rejects with a reason, and until then the old
 * marking stays in force. Tightening needs no approval; the module applies it itself. A module
 * whose records' markings can be edited declares a {@link MarkedRecords} bean and routes every
 * marking edit through {@link Marking#looseningsTo} and {@link #request}.
 */
@Service
public class MarkingChanges {

  private final MarkingChangeStore store;
  private final AccessPolicy policy;
  private final GuardedReads reads;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Map<String, MarkedRecords> kinds;

  MarkingChanges(
      MarkingChangeStore store,
      AccessPolicy policy,
      GuardedReads reads,
      AuditTrail audit,
      Clock clock,
      List<MarkedRecords> kinds,
      ApplicationEventPublisher events) {
    this.store = store;
    this.policy = policy;
    this.reads = reads;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
    this.kinds =
        kinds.stream().collect(Collectors.toMap(k -> k.kind().name(), Function.identity()));
  }

  /**
   * Asks for the marking of a record to change from {@code from} (its marking now) to {@code to}, a
   * loosening (see {@link Marking#looseningsTo}). Called by the record's module inside its edit,
   * after it has checked that the caller may edit the record; the record keeps {@code from} until a
   * supervisor approves.
   */
  @Transactional
  public MarkingChange request(
      AccessContext context,
      ProtectedKind kind,
      String recordId,
      Marking from,
      Marking to,
      String justification) {
    Caller caller = context.caller();
    if (!kinds.containsKey(kind.name())) {
      throw new IllegalArgumentException("no MarkedRecords bean for kind " + kind.name());
    }
    var change =
        MarkingChangeRequest.requested(
            UUID.randomUUID().toString(),
            kind.name(),
            recordId,
            caller,
            from,
            to,
            justification,
            clock.instant());
    if (store.pending(kind.name(), recordId)) {
      throw new ConflictingState(
          "a marking change of this record is pending; a supervisor decides it first");
    }
    store.insert(change);
    String id = change.id();
    audit.record(
        context,
        "MARKING_CHANGE_REQUEST",
        kind.name(),
        recordId,
        "WRITTEN",
        "marking change " + id + ": " + from.banner() + " to " + to.banner());
    announce(change);
    return find(id);
  }

  /**
   * Tells what was derived from record {@code recordId} that its marking was tightened from {@code
   * from} to {@code to} (applied at once by the record's module, in its edit's transaction):
   * publishes {@link ReadersNarrowed} when the marking changed, so that agencies that lost the
   * record lose what was derived from it in the same transaction.
   */
  public void tightened(ProtectedKind kind, String recordId, Marking from, Marking to) {
    if (!from.equals(to)) {
      events.publishEvent(
          new ReadersNarrowed(
              kind.name(),
              recordId,
              "marking tightened from " + from.banner() + " to " + to.banner()));
    }
  }

  /**
   * Approves a pending change and applies the new marking; the approver is a supervisor of the
   * owning agency who may read the record, not the requester.
   */
  @Transactional
  public MarkingChange approve(AccessContext context, String changeId, String reason) {
    return decide(context, changeId, reason, MarkingChangeStatus.APPROVED);
  }

  /** Rejects a pending change with a reason; the record keeps its marking. */
  @Transactional
  public MarkingChange reject(AccessContext context, String changeId, String reason) {
    return decide(context, changeId, reason, MarkingChangeStatus.REJECTED);
  }

  /**
   * The marking changes the caller deals with: supervisors see their agency's (for records they may
   * read), requesters their own.
   */
  @Transactional(readOnly = true)
  public List<MarkingChange> inbox(AccessContext context, MarkingChangeStatus status) {
    Caller caller = context.caller();
    return store
        .inbox(caller.username(), caller.agency(), caller.has(Role.SUPERVISOR), status)
        .stream()
        .filter(change -> seenBy(caller, new MarkingChangeRequest(change)))
        .toList();
  }

  /** One marking change the caller deals with (see {@link #inbox}); others are {@link NotFound}. */
  @Transactional(readOnly = true)
  public MarkingChange visible(AccessContext context, String changeId) {
    return visibleRequest(context, changeId).view();
  }

  private MarkingChangeRequest visibleRequest(AccessContext context, String changeId) {
    MarkingChangeRequest change =
        store.load(changeId).orElseThrow(() -> new NotFound("marking-change", changeId));
    if (!seenBy(context.caller(), change)) {
      throw new NotFound("marking-change", changeId);
    }
    return change;
  }

  private boolean seenBy(Caller caller, MarkingChangeRequest change) {
    return change.seenBy(caller, marking -> policy.mayRead(caller, marking, false).allowed());
  }

  private MarkingChange decide(
      AccessContext context, String changeId, String reason, MarkingChangeStatus outcome) {
    String why = Reasons.required("reason", reason);
    MarkingChangeRequest change = visibleRequest(context, changeId);
    Caller caller = context.caller();
    MarkedRecords records = kinds.get(change.kind());
    Supplier<Marking> current =
        () ->
            reads
                .markingForRelease(records.kind(), change.recordId())
                .orElseThrow(() -> new NotFound(change.kind(), change.recordId()));
    Predicate<Marking> callerMayRead = marking -> policy.mayRead(caller, marking, false).allowed();
    Instant at = clock.instant();
    if (outcome == MarkingChangeStatus.APPROVED) {
      change.approve(caller, why, current, callerMayRead, at);
    } else {
      change.reject(caller, why, current, callerMayRead, at);
    }
    if (!store.saveDecision(change)) {
      throw new ConflictingState("marking change " + changeId + " was decided meanwhile");
    }
    if (outcome == MarkingChangeStatus.APPROVED) {
      records.remark(change.recordId(), change.to(), caller.username(), at);
      // a loosening may still drop readers: a compartment replaced, a REL TO country exchanged
      events.publishEvent(
          new ReadersNarrowed(
              change.kind(), change.recordId(), "marking change " + changeId + " approved"));
    }
    audit.record(
        context,
        outcome == MarkingChangeStatus.APPROVED
            ? "MARKING_CHANGE_APPROVE"
            : "MARKING_CHANGE_REJECT",
        change.kind(),
        change.recordId(),
        "WRITTEN",
        "marking change "
            + changeId
            + ": "
            + change.from().banner()
            + " to "
            + change.to().banner());
    announce(change);
    return find(changeId);
  }

  private void announce(MarkingChangeRequest change) {
    change.recordedEvents().forEach(events::publishEvent);
  }

  private MarkingChange find(String id) {
    return store.find(id).orElseThrow();
  }
}
