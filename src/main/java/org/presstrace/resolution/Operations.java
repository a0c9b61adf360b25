package org.presstrace.resolution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
import org.presstrace.access.InvalidRequest;
import org.presstrace.access.Marking;
import org.presstrace.access.Page;
import org.presstrace.access.PageQuery;
import org.presstrace.access.ProtectedKind;
import org.presstrace.resolution.internal.ResolutionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned operations, stored with a marking and checked at once against every other agency's: an
 * overlap in time and place raises a pointer alert to both agencies, whatever the markings, since
 * two teams at one door is a safety matter. Reads go through {@link GuardedReads}.
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
  private final ResolutionState state;
  private final AuditTrail audit;
  private final Clock clock;

  Operations(
      JdbcClient jdbc,
      GuardedReads reads,
      Directory directory,
      PointerAlerts alerts,
      ResolutionState state,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.reads = reads;
    this.directory = directory;
    this.alerts = alerts;
    this.state = state;
    this.audit = audit;
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
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
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
      alerts.raise(context, PointerAlerts.OPERATION, side(operation), side(other)).stream()
          .filter(alert -> alert.ownRecordId().equals(id))
          .forEach(mine::add);
    }
    StoredOperation stored =
        jdbc.sql("SELECT " + KIND.columns() + " FROM planned_operation r WHERE r.id = :id")
            .param("id", id)
            .query(Operations::operation)
            .single();
    return new OperationPlan(stored, List.copyOf(mine));
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
