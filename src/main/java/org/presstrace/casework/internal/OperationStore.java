package org.presstrace.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.casework.DeconflictionAnswer;
import org.presstrace.casework.PlannedOperation;
import org.presstrace.casework.StoredOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The planned operation and overlap answer tables. Operations are shown through {@code
 * GuardedReads} with {@code KIND} and {@link #operation}; the reads here serve the plan being
 * written (its rate, its answers) and the owning agency's supervisors.
 */
@Repository
public class OperationStore {

  /** The protected kind of these rows: table, columns read, and how markings apply. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "planned-operation",
          "planned_operation",
          "r.id, r.case_reference, r.contact, r.starts_at, r.ends_at, r.latitude, r.longitude,"
              + " r.radius_metres, r.created_by, r.created_at, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  private final JdbcClient jdbc;

  OperationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores an operation with its marking, as planned by {@code by} at {@code at}. */
  public void insert(PlannedOperation operation, Marking marking, String by, OffsetDateTime at) {
    jdbc.sql(
            """
            INSERT INTO planned_operation (id, case_reference, contact, starts_at, ends_at,
                                           latitude, longitude, radius_metres, owner_agency, tlp,
                                           cui_category, noforn, rel_to, compartment, created_by,
                                           created_at)
            VALUES (:id, :caseReference, :contact, :start, :end, :lat, :lon, :radius, :owner,
                    :tlp, :cui, :noforn, :relTo, :compartment, :by, :at)
            """)
        .param("id", operation.id())
        .param("caseReference", operation.caseReference())
        .param("contact", operation.contact())
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
        .param("by", by)
        .param("at", at)
        .update();
  }

  /** The operation just stored, as its planner is shown it. */
  public StoredOperation stored(String id) {
    return jdbc.sql("SELECT " + KIND.columns() + " FROM planned_operation r WHERE r.id = :id")
        .param("id", id)
        .query(OperationStore::operation)
        .single();
  }

  /**
   * The creation times of the latest operations planned by user {@code username} since {@code
   * since}, newest first, at most {@code limit}.
   */
  public List<OffsetDateTime> plannedByUserSince(String username, OffsetDateTime since, int limit) {
    return plannedSince("created_by", username, since, limit);
  }

  /** As {@link #plannedByUserSince}, for the operations owned by {@code agency}. */
  public List<OffsetDateTime> plannedByAgencySince(String agency, OffsetDateTime since, int limit) {
    return plannedSince("owner_agency", agency, since, limit);
  }

  private List<OffsetDateTime> plannedSince(
      String column, String value, OffsetDateTime since, int limit) {
    return jdbc.sql(
            "SELECT created_at FROM planned_operation WHERE "
                + column
                + " = :value AND created_at > :since ORDER BY created_at DESC LIMIT :limit")
        .param("value", value)
        .param("since", since)
        .param("limit", limit)
        .query((rs, row) -> rs.getObject("created_at", OffsetDateTime.class))
        .list();
  }

  /** Records that {@code asking} was told of an overlap with {@code owning}. */
  public void insertAnswer(
      PlannedOperation asking,
      String askingUser,
      PlannedOperation owning,
      boolean coarse,
      OffsetDateTime at) {
    jdbc.sql(
            """
            INSERT INTO deconfliction_answer (id, answered_at, asking_agency, asking_user,
                                              asking_operation, owning_agency, owning_operation,
                                              coarse)
            VALUES (:id, :at, :askingAgency, :user, :asking, :owningAgency, :owning, :coarse)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("at", at)
        .param("askingAgency", asking.agency())
        .param("user", askingUser)
        .param("asking", asking.id())
        .param("owningAgency", owning.agency())
        .param("owning", owning.id())
        .param("coarse", coarse)
        .update();
  }

  /** The overlap answers given about operation {@code owning}, newest first. */
  public List<DeconflictionAnswer> answersAbout(String owning) {
    return jdbc.sql(
            """
            SELECT answered_at, asking_agency, asking_user, asking_operation, owning_operation,
                   coarse
              FROM deconfliction_answer WHERE owning_operation = :id
             ORDER BY answered_at DESC, id
            """)
        .param("id", owning)
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

  /** How many answers about {@code owning} went to user {@code username} since {@code since}. */
  public long answersToUserSince(String owning, String username, OffsetDateTime since) {
    return answersSince(owning, "asking_user", username, since);
  }

  /** How many answers about {@code owning} went to agency {@code agency} since {@code since}. */
  public long answersToAgencySince(String owning, String agency, OffsetDateTime since) {
    return answersSince(owning, "asking_agency", agency, since);
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

  /** A row of {@code KIND}'s columns as an operation. */
  public static StoredOperation operation(ResultSet rs, int row) throws SQLException {
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
