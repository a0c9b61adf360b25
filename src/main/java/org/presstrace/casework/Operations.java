package org.presstrace.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Criteria;
import org.presstrace.access.Directory;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Role;
import org.presstrace.casework.internal.CaseworkState;
import org.presstrace.casework.internal.OperationStore;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.TooManyRequests;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned operations, stored with a marking and checked at once against every other agency's: an
 * overlap in time and place raises a pointer alert to both agencies, whatever the markings, since
 * two teams at one door is a safety matter. Reads go through {@link GuardedReads}.
 *
 * <p>Each overlap answer tells another agency that someone works within a circle and a window, so
 * planning is bounded ({@link DeconflictionLimits}): no circle below a minimum radius, no window
 * above a maximum, a rate of plans per user and per agency, every answer audited for both agencies,
 * and repeated answers about one operation raised to its agency's supervisors.
 */
@Service
public class Operations {

  /** The protected kind of planned operations; reading one needs a stated purpose. */
  public static final ProtectedKind KIND = OperationStore.KIND;

  private final OperationStore store;
  private final GuardedReads reads;
  private final Directory directory;
  private final PointerAlerts alerts;
  private final CaseworkState state;
  private final AuditTrail audit;
  private final DeconflictionLimits limits;
  private final Clock clock;

  Operations(
      OperationStore store,
      GuardedReads reads,
      Directory directory,
      PointerAlerts alerts,
      CaseworkState state,
      AuditTrail audit,
      DeconflictionLimits limits,
      Clock clock) {
    this.store = store;
    this.reads = reads;
    this.directory = directory;
    this.alerts = alerts;
    this.state = state;
    this.audit = audit;
    this.limits = limits;
    this.clock = clock;
  }

  /** Stores an operation of the caller's agency; returns it with the alerts for that agency. */
  @Transactional
  public OperationPlan plan(AccessContext context, OperationDraft draft) {
    // Load what is stored before this record is written, or the load would pick it up too.
    state.ready();
    Markings.requireWriter(context.caller());
    String caseReference = Markings.required(draft.caseReference(), "caseReference", 100);
    String contact = Markings.required(draft.contact(), "contact", 200);
    Marking marking = Markings.owned(context.caller(), draft.marking(), directory);
    String id = UUID.randomUUID().toString();
    var operation =
        new PlannedOperation(
            id,
            context.caller().agency(),
            caseReference,
            contact,
            draft.start(),
            draft.end(),
            number(draft.latitude(), "latitude"),
            number(draft.longitude(), "longitude"),
            number(draft.radiusMetres(), "radiusMetres"));
    requireBounds(operation);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    requireRate(context, now);
    store.insert(operation, marking, context.caller().username(), now);
    audit.record(context, "CREATE", KIND.name(), id, "WRITTEN", marking.banner());
    var mine = new ArrayList<StoredAlert>();
    for (PlannedOperation other : state.events().register(operation)) {
      List<StoredAlert> answered =
          alerts.raise(context, PointerAlerts.OPERATION, side(operation), side(other)).stream()
              .filter(alert -> alert.ownRecordId().equals(id))
              .toList();
      answered.forEach(alert -> answered(context, operation, other, alert, now));
      mine.addAll(answered);
    }
    state.planned(id);
    StoredOperation stored = store.stored(id);
    return new OperationPlan(stored, List.copyOf(mine));
  }

  /**
   * The overlap answers given about the caller's agency's operation {@code id}, newest first. Only
   * its agency's supervisors who may read the operation see them; anyone else who may not read it
   * finds no such operation.
   */
  @Transactional
  public List<DeconflictionAnswer> answersAbout(AccessContext context, String id) {
    StoredOperation operation = get(context, id);
    if (!context.caller().has(Role.SUPERVISOR)
        || !operation.marking().ownerAgency().equals(context.caller().agency())) {
      throw new AccessDeniedException(
          "only the owning agency's supervisors read the answers given about an operation");
    }
    return store.answersAbout(id);
  }

  /**
   * Refuses a circle or a window that would make an overlap answer fine enough to place another
   * agency's operation.
   */
  private void requireBounds(PlannedOperation operation) {
    if (operation.radiusMetres() < limits.minRadiusMetres()) {
      throw new InvalidRequest(
          "radiusMetres",
          "the radius must be at least "
              + Math.round(limits.minRadiusMetres())
              + " m, not "
              + operation.radiusMetres());
    }
    Duration window = Duration.between(operation.start(), operation.end());
    if (window.compareTo(limits.maxWindow()) > 0) {
      throw new InvalidRequest(
          "end",
          "the operation may span at most "
              + limits.maxWindow().toHours()
              + " hours, not "
              + window.toHours()
              + " hours; plan a longer one as one operation per day");
    }
  }

  /** Refuses a plan beyond the caller's or its agency's rate, saying when to try again. */
  private void requireRate(AccessContext context, OffsetDateTime now) {
    OffsetDateTime since = now.minus(limits.planWindow());
    String user = context.caller().username();
    String agency = context.caller().agency();
    oldest(store.plannedByUserSince(user, since, limits.plansPerUser()), limits.plansPerUser())
        .ifPresent(
            oldest -> {
              throw new TooManyRequests(
                  "you have planned "
                      + limits.plansPerUser()
                      + " operations within "
                      + limits.planWindow().toMinutes()
                      + " minutes, the most one user may",
                  Duration.between(now, oldest.plus(limits.planWindow())));
            });
    oldest(
            store.plannedByAgencySince(agency, since, limits.plansPerAgency()),
            limits.plansPerAgency())
        .ifPresent(
            oldest -> {
              throw new TooManyRequests(
                  agency
                      + " has planned "
                      + limits.plansPerAgency()
                      + " operations within "
                      + limits.planWindow().toMinutes()
                      + " minutes, the most one agency may",
                  Duration.between(now, oldest.plus(limits.planWindow())));
            });
  }

  /**
   * When {@code limit} operations or more were planned recently (the {@code recent} creation times,
   * newest first): the creation time of the one whose ageing out frees a place.
   */
  private static java.util.Optional<OffsetDateTime> oldest(List<OffsetDateTime> recent, int limit) {
    return recent.size() < limit
        ? java.util.Optional.empty()
        : java.util.Optional.of(recent.get(recent.size() - 1));
  }

  /**
   * Records one overlap answer for both agencies: an audit entry under the asking operation, one
   * under the owning operation, and a row the owning agency's supervisors read; then raises a
   * probing alert to them when this answer reaches a probing threshold.
   */
  private void answered(
      AccessContext context,
      PlannedOperation asking,
      PlannedOperation owning,
      StoredAlert answer,
      OffsetDateTime now) {
    boolean coarse = answer.dutyContactOnly();
    String user = context.caller().username();
    audit.record(
        context,
        "DECONFLICTION_ANSWER",
        KIND.name(),
        asking.id(),
        "SHOWN",
        "overlap with an operation of "
            + owning.agency()
            + (coarse ? ", duty contact only" : ", case " + owning.caseReference()));
    audit.record(
        context,
        "DECONFLICTION_ASKED",
        KIND.name(),
        owning.id(),
        "ANSWERED",
        "overlap of this "
            + owning.agency()
            + " operation answered to "
            + asking.agency()
            + " user "
            + user
            + " for "
            + asking.id()
            + (coarse ? ", duty contact only" : ""));
    store.insertAnswer(asking, user, owning, coarse, now);
    OffsetDateTime since = now.minus(limits.probeWindow());
    long byUser = store.answersToUserSince(owning.id(), user, since);
    long byAgency = store.answersToAgencySince(owning.id(), asking.agency(), since);
    if (byUser == limits.probesPerUser()) {
      alerts.raiseProbing(
          context, side(owning), asking.agency(), user, byUser, limits.probeWindow());
    } else if (byAgency == limits.probesPerAgency()) {
      alerts.raiseProbing(
          context, side(owning), asking.agency(), null, byAgency, limits.probeWindow());
    }
  }

  public StoredOperation get(AccessContext context, String id) {
    return reads.one(context, KIND, id, OperationStore::operation);
  }

  /** The operations the caller may read, soonest first. */
  public Page<StoredOperation> page(AccessContext context, PageQuery page) {
    return reads.page(
        context, KIND, Criteria.all().orderBy("r.starts_at"), page, OperationStore::operation);
  }

  private static PointerAlerts.Side side(PlannedOperation operation) {
    return new PointerAlerts.Side(
        KIND, operation.agency(), operation.id(), operation.caseReference(), operation.contact());
  }

  private static double number(Double value, String field) {
    if (value == null) {
      throw new InvalidRequest(field, field + " is required");
    }
    return value;
  }
}
