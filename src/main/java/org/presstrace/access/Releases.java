package org.presstrace.access;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presstrace.access.internal.Reasons;
import org.presstrace.access.internal.ReleaseRequest;
import org.presstrace.access.internal.ReleaseStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes release: an investigator asks to share a record with another agency, a supervisor of
 * the owning agency (never the requester) approves or rejects with a reason, and a supervisor may
 * revoke an approved release.
 */
@Service
public class Releases {

  private final ReleaseStore store;
  private final AccessPolicy policy;
  private final GuardedReads reads;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Map<String, ProtectedKind> kinds;

  Releases(
      ReleaseStore store,
      AccessPolicy policy,
      GuardedReads reads,
      Directory directory,
      AuditTrail audit,
      Clock clock,
      List<ProtectedKind> kinds,
      ApplicationEventPublisher events) {
    this.store = store;
    this.policy = policy;
    this.reads = reads;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
    this.kinds = kinds.stream().collect(Collectors.toMap(ProtectedKind::name, Function.identity()));
  }

  /**
   * Whether an ordinary member of {@code agency} (in no compartment) may read the record: the
   * policy applied to the agency rather than to a person, with its approved releases. Deconfliction
   * asks this to decide between showing a record and sending a pointer; it reads no content and is
   * not audited.
   */
  @Transactional(readOnly = true)
  public boolean agencyMayRead(ProtectedKind kind, String recordId, String agency) {
    Marking marking =
        reads
            .markingForRelease(kind, recordId)
            .orElseThrow(() -> new NotFound(kind.name(), recordId));
    AgencyView view = directory.agency(agency).orElseThrow(() -> new NotFound("agency", agency));
    return memberMayRead(view, Set.of(), kind.name(), recordId, marking);
  }

  /**
   * Whether an ordinary member of {@code agency}, in {@code compartments} and with the agency's
   * approved releases of the record, may read the record of {@code kind} marked {@code marking}.
   */
  boolean memberMayRead(
      AgencyView agency, Set<String> compartments, String kind, String recordId, Marking marking) {
    Role role = agency.kind() == AgencyKind.REGISTRANT ? Role.REGISTRANT : Role.INVESTIGATOR;
    var member =
        new Caller(
            "-",
            agency.code(),
            agency.kind(),
            agency.country(),
            Set.of(role),
            compartments,
            directory.custodianOf(agency.code()));
    boolean released = store.approved(kind, recordId, agency.code());
    return policy.mayRead(member, marking, released).allowed();
  }

  /** Asks for a record to be released to {@code targetAgency}. */
  @Transactional(noRollbackFor = AccessDeniedException.class)
  public Release request(
      AccessContext context,
      String kind,
      String recordId,
      String targetAgency,
      String justification) {
    ProtectedKind protectedKind = kinds.get(kind);
    if (protectedKind == null) {
      throw new InvalidRequest("kind", "kind '" + kind + "' is not one of " + kinds.keySet());
    }
    if (protectedKind.derived()) {
      throw new InvalidRequest(
          "kind",
          kind
              + " records are derived from others and are never released on their own; release"
              + " the records they come from");
    }
    // Both fields are checked before either is refused.
    var problems = new Problems();
    AgencyView target =
        targetAgency == null || targetAgency.isBlank()
            ? null
            : directory.agency(targetAgency.strip()).orElse(null);
    if (target == null) {
      problems.add(
          "targetAgency",
          targetAgency == null || targetAgency.isBlank()
              ? "targetAgency is required"
              : "agency '" + targetAgency + "' does not exist");
    }
    String reason = problems.value(() -> Reasons.required("justification", justification));
    problems.throwIfAny();
    Marking marking = reads.marking(context, protectedKind, recordId);
    Decision decision = policy.mayRequestRelease(context.caller(), marking, target);
    if (!decision.allowed()) {
      if (decision.rule() == AccessPolicy.THIRD_PARTY_RULE) {
        // Kept although the request fails: this method does not roll back for AccessDenied.
        audit.record(
            context,
            "RELEASE_REQUEST",
            kind,
            recordId,
            "REFUSED",
            "to " + target.code() + ": " + decision.reason());
        throw new AccessDeniedException(decision.reason());
      }
      if (decision.rule() <= 21) {
        throw new AccessDeniedException(decision.reason());
      }
      throw new InvalidRequest("targetAgency", decision.reason());
    }
    if (store.open(kind, recordId, target.code())) {
      throw new ConflictingState(
          "a pending or approved release of this record to " + target.code() + " already exists");
    }
    var release =
        ReleaseRequest.requested(
            UUID.randomUUID().toString(),
            kind,
            recordId,
            marking.ownerAgency(),
            target.code(),
            reason,
            context.caller().username(),
            clock.instant());
    store.insert(release);
    String id = release.id();
    audit.record(
        context,
        "RELEASE_REQUEST",
        kind,
        recordId,
        "WRITTEN",
        "release " + id + " to " + target.code());
    announce(release);
    return find(id);
  }

  /**
   * Approves a pending release; the approver is a supervisor of the owning agency, not the
   * requester.
   */
  @Transactional
  public Release approve(AccessContext context, String releaseId, String reason) {
    return decide(context, releaseId, reason, ReleaseStatus.APPROVED);
  }

  /** Rejects a pending release with a reason. */
  @Transactional
  public Release reject(AccessContext context, String releaseId, String reason) {
    return decide(context, releaseId, reason, ReleaseStatus.REJECTED);
  }

  /**
   * Revokes an approved release; the record is hidden from the target again at once, and {@link
   * ReadersNarrowed} is published in this transaction so that what was derived from it for the
   * target is withdrawn with it.
   */
  @Transactional
  public Release revoke(AccessContext context, String releaseId, String reason) {
    String why = Reasons.required("reason", reason);
    ReleaseRequest release = visibleRequest(context, releaseId);
    release.revoke(context.caller(), why, clock.instant());
    store.saveRevocation(release);
    audit.record(
        context,
        "RELEASE_REVOKE",
        release.kind(),
        release.recordId(),
        "WRITTEN",
        "release " + releaseId);
    events.publishEvent(
        new ReadersNarrowed(
            release.kind(),
            release.recordId(),
            "release " + releaseId + " to " + release.targetAgency() + " revoked"));
    announce(release);
    return find(releaseId);
  }

  /**
   * The releases the caller deals with: supervisors see their agency's requests, requesters their
   * own, and every caller the approved releases to its agency.
   */
  @Transactional(readOnly = true)
  public List<Release> inbox(AccessContext context, ReleaseStatus status) {
    Caller caller = context.caller();
    return store.inbox(caller.username(), caller.agency(), caller.has(Role.SUPERVISOR), status);
  }

  /**
   * One page of the inbox (see {@link #inbox(AccessContext, ReleaseStatus)}) narrowed by {@code
   * filter}, newest first; the total counts only releases the caller deals with.
   */
  @Transactional(readOnly = true)
  public Page<Release> inbox(AccessContext context, ReleaseFilter filter, PageQuery page) {
    if (filter.kind() != null && !kinds.containsKey(filter.kind())) {
      throw new InvalidRequest(
          "kind", "record type '" + filter.kind() + "' is not one of " + recordKinds());
    }
    Caller caller = context.caller();
    return store.inbox(
        caller.username(), caller.agency(), caller.has(Role.SUPERVISOR), filter, page);
  }

  /** The kinds of record a release may concern, by name, sorted. */
  public List<String> recordKinds() {
    return kinds.values().stream()
        .filter(kind -> !kind.derived())
        .map(ProtectedKind::name)
        .sorted()
        .toList();
  }

  /** One release the caller deals with (see {@link #inbox}); others are {@link NotFound}. */
  @Transactional(readOnly = true)
  public Release visible(AccessContext context, String releaseId) {
    return visibleRequest(context, releaseId).view();
  }

  private ReleaseRequest visibleRequest(AccessContext context, String releaseId) {
    ReleaseRequest release =
        store.load(releaseId).orElseThrow(() -> new NotFound("release", releaseId));
    if (!release.visibleTo(context.caller())) {
      throw new NotFound("release", releaseId);
    }
    return release;
  }

  private Release decide(
      AccessContext context, String releaseId, String reason, ReleaseStatus outcome) {
    String why = Reasons.required("reason", reason);
    // Refused before the lookup, so that an administrator learns nothing of which releases exist.
    if (context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException(
          "administrators manage accounts; they never approve or reject releases");
    }
    ReleaseRequest release = visibleRequest(context, releaseId);
    if (outcome == ReleaseStatus.APPROVED) {
      release.approve(context.caller(), why, () -> stillReleasable(release), clock.instant());
    } else {
      release.reject(context.caller(), why, clock.instant());
    }
    if (!store.saveDecision(release)) {
      throw new ConflictingState("release " + releaseId + " was decided meanwhile");
    }
    audit.record(
        context,
        outcome == ReleaseStatus.APPROVED ? "RELEASE_APPROVE" : "RELEASE_REJECT",
        release.kind(),
        release.recordId(),
        "WRITTEN",
        "release " + releaseId + " to " + release.targetAgency());
    announce(release);
    return find(releaseId);
  }

  private Decision stillReleasable(ReleaseRequest release) {
    Marking marking =
        reads
            .markingForRelease(kinds.get(release.kind()), release.recordId())
            .orElseThrow(() -> new NotFound(release.kind(), release.recordId()));
    AgencyView target = directory.agency(release.targetAgency()).orElseThrow();
    return policy.releasable(marking, target);
  }

  private void announce(ReleaseRequest release) {
    release.recordedEvents().forEach(events::publishEvent);
  }

  private Release find(String id) {
    return store.find(id).orElseThrow();
  }
}
