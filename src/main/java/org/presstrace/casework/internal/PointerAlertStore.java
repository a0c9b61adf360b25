package org.presstrace.casework.internal;

import java.time.OffsetDateTime;
import org.presstrace.access.DerivedMarking;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pointer alert table, for writes. Alerts are shown through {@code GuardedReads} with {@code
 * KIND}; the read here returns an alert just raised to the writer that raised it.
 */
@Repository
public class PointerAlertStore {

  /** The protected kind of these rows: table, columns read, and how markings apply. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "pointer-alert",
          "pointer_alert",
          "r.id, r.recipient_agency, r.alert_kind, r.own_record_id, r.own_reference,"
              + " r.other_agency, r.other_case_reference, r.other_contact, r.duty_contact_only,"
              + " r.raised_at, r.acknowledged_by, r.acknowledged_at, "
              + ProtectedKind.MARKING_COLUMNS,
          false,
          true);

  /**
   * An alert to raise: to {@code recipient} about its own record, naming the other agency and, when
   * not {@code dutyContactOnly}, the other case and contact.
   */
  public record NewAlert(
      String id,
      String recipient,
      String kind,
      String ownRecordId,
      String ownReference,
      String otherAgency,
      String otherCaseReference,
      String otherContact,
      boolean dutyContactOnly,
      OffsetDateTime raisedAt,
      DerivedMarking marking) {}

  private final JdbcClient jdbc;

  PointerAlertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether record {@code id} of a casework kind is stored (its write may have rolled back). */
  public boolean exists(ProtectedKind kind, String id) {
    return jdbc.sql("SELECT COUNT(*) FROM " + kind.table() + " WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Stores the alert and returns it as {@code mapper} reads {@code KIND}'s row. */
  public <T> T insert(NewAlert alert, RowMapper<T> mapper) {
    Marking own = alert.marking().marking();
    jdbc.sql(
            """
            INSERT INTO pointer_alert (id, recipient_agency, alert_kind, own_record_id,
                                       own_reference, other_agency, other_case_reference,
                                       other_contact, duty_contact_only, raised_at, owner_agency,
                                       tlp, cui_category, noforn, rel_to, compartment,
                                       derived_from)
            VALUES (:id, :to, :kind, :own, :ownRef, :other, :otherRef, :otherContact,
                    :dutyContactOnly, :at, :owner, :tlp, :cui, :noforn, :relTo, :compartment,
                    :derivedFrom)
            """)
        .param("id", alert.id())
        .param("to", alert.recipient())
        .param("kind", alert.kind())
        .param("own", alert.ownRecordId())
        .param("ownRef", alert.ownReference())
        .param("other", alert.otherAgency())
        .param("otherRef", alert.otherCaseReference())
        .param("otherContact", alert.otherContact())
        .param("dutyContactOnly", alert.dutyContactOnly())
        .param("at", alert.raisedAt())
        .param("owner", own.ownerAgency())
        .param("tlp", own.tlp().label())
        .param("cui", own.cuiCategory())
        .param("noforn", own.noforn())
        .param("relTo", own.relToColumn())
        .param("compartment", own.compartment())
        .param("derivedFrom", alert.marking().sourcesColumn())
        .update();
    return jdbc.sql("SELECT " + KIND.columns() + " FROM pointer_alert r WHERE r.id = :id")
        .param("id", alert.id())
        .query(mapper)
        .single();
  }

  /** Marks alert {@code id} as seen by {@code by}, unless it was; whether it changed. */
  public boolean acknowledge(String id, String by, OffsetDateTime at) {
    return jdbc.sql(
                "UPDATE pointer_alert SET acknowledged_by = :by, acknowledged_at = :at"
                    + " WHERE id = :id AND acknowledged_at IS NULL")
            .param("by", by)
            .param("at", at)
            .param("id", id)
            .update()
        == 1;
  }
}
