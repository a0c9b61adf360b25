package org.presstrace.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.TooManyRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "planned-operation",
          "planned_operation",
          "r.id, r.case_reference, r.contact, r.starts_at, r.ends_at, r.latitude, r.longitude,"
              + " r.radius_metres, r.created_by, r.created_at, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  private final JdbcClient jdbc;
  private final GuardedReads reads;
  private final Directory directory;
  private final PointerAlerts alerts;
  private final CaseworkState state;
  private final AuditTrail audit;
  private final DeconflictionLimits limits;
  private final Clock clock;

  Operations(
      JdbcClient jdbc,
      GuardedReads reads,
      Directory directory,
      PointerAlerts alerts,
      CaseworkState state,
      AuditTrail audit,
      DeconflictionLimits limits,
      Clock clock) {
    this.jdbc = jdbc;
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
    jdbc.sql(
            """
            INSERT INTO planned_operation (id, case_reference, contact, starts_at, ends_at,
                                           latitude, longitude, radius_metres, owner_agency, tlp,
                                           cui_category, noforn, rel_to, compartment, created_by,
                                           created_at)
            VALUES (:id, :caseReference, :contact, :start, :end, :lat, :lon, :radius, :owner,
                    :tlp, :cui, :noforn, :relTo, :compartment, :by, :at)
            """)
        .param("id", id)
        .param("caseReference", caseReference)
        .param("contact", contact)
        .param("start", OffsetDateTime.ofInstant(operation.start(), ZoneOffset.UTC))
        .param("end", OffsetDateTime.ofInstant(operation.end(), ZoneOffset.UTC))
        .param("lat", operation.latitude())
        .param("lon", operation.longitude())
        .param("radius", operation.radiusMetres())
        .param("owner", marking.ownerAgency())
        .param("tlp", marking.tlp().label())
        .param("cui", marking.cuiCategory())
        .param("noforn", marking.noforn())
        .param("relTo", marking.relToColumn())
        .param("compartment", marking.compartment())
        .param("by", context.caller().username())
        .param("at", now)
        .update();
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
    StoredOperation stored =
        jdbc.sql("SELECT " + KIND.columns() + " FROM planned_operation r WHERE r.id = :id")
            .param("id", id)
            .query(Operations::operation)
            .single();
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
    return jdbc.sql(
            """
            SELECT answered_at, asking_agency, asking_user, asking_operation, owning_operation,
                   coarse
              FROM deconfliction_answer WHERE owning_operation = :id
             ORDER BY answered_at DESC, id
            """)
        .param("id", id)
        .query(
            (rs, row) ->
                new DeconflictionAnswer(
                    rs.getObject("answered_at", OffsetDateTime.class).toInstant(),
                    rs.getString("asking_agency"),
                    rs.getString("asking_user"),
                    rs.getString("asking_operation"),
                    rs.getString("owning_operation"),
                    rs.getBoolean("coarse")))
        .list();
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
    oldestCounted("created_by", user, limits.plansPerUser(), since)
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
    oldestCounted("owner_agency", agency, limits.plansPerAgency(), since)
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
   * When {@code limit} operations or more were planned since {@code since} with {@code column}
   * equal to {@code value}: the creation time of the one whose ageing out frees a place.
   */
  private java.util.Optional<OffsetDateTime> oldestCounted(
      String column, String value, int limit, OffsetDateTime since) {
    List<OffsetDateTime> recent =
        jdbc.sql(
                "SELECT created_at FROM planned_operation WHERE "
                    + column
                    + " = :value AND created_at > :since ORDER BY created_at DESC LIMIT :limit")
            .param("value", value)
            .param("since", since)
            .param("limit", limit)
            .query((rs, row) -> rs.getObject("created_at", OffsetDateTime.class))
            .list();
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
    jdbc.sql(
            """
            INSERT INTO deconfliction_answer (id, answered_at, asking_agency, asking_user,
                                              asking_operation, owning_agency, owning_operation,
                                              coarse)
            VALUES (:id, :at, :askingAgency, :user, :asking, :owningAgency, :owning, :coarse)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("at", now)
        .param("askingAgency", asking.agency())
        .param("user", user)
        .param("asking", asking.id())
        .param("owningAgency", owning.agency())
        .param("owning", owning.id())
        .param("coarse", coarse)
        .update();
    OffsetDateTime since = now.minus(limits.probeWindow());
    long byUser = answersSince(owning.id(), "asking_user", user, since);
    long byAgency = answersSince(owning.id(), "asking_agency", asking.agency(), since);
    if (byUser == limits.probesPerUser()) {
      alerts.raiseProbing(
          context, side(owning), asking.agency(), user, byUser, limits.probeWindow());
    } else if (byAgency == limits.probesPerAgency()) {
      alerts.raiseProbing(
          context, side(owning), asking.agency(), null, byAgency, limits.probeWindow());
    }
  }

  private long answersSince(String owning, String column, String value, OffsetDateTime since) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM deconfliction_answer WHERE owning_operation = :owning AND "
                + column
                + " = :value AND answered_at > :since")
        .param("owning", owning)
        .param("value", value)
        .param("since", since)
        .query(Long.class)
        .single();
  }

  public StoredOperation get(AccessContext context, String id) {
    return reads.one(context, KIND, id, Operations::operation);
  }

  /** The operations the caller may read, soonest first. */
  public Page<StoredOperation> page(AccessContext context, PageQuery page) {
    return reads.page(
        context, KIND, Criteria.all().orderBy("r.starts_at"), page, Operations::operation);
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

  static StoredOperation operation(ResultSet rs, int row) throws SQLException {
    return new StoredOperation(
        rs.getString("id"),
        rs.getString("case_reference"),
        rs.getString("contact"),
        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
        rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
        rs.getDouble("latitude"),
        rs.getDouble("longitude"),
        rs.getDouble("radius_metres"),
        GuardedReads.markingOf(rs),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
