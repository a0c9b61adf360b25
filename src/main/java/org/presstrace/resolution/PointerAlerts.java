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
import org.presstrace.access.GuardedReads;
import org.presstrace.access.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pointer alerts, kept per receiving agency. An alert holds only the other agency, its case
 * reference and its point of contact; every member of the recipient agency sees it, nobody else.
 */
@Service
public class PointerAlerts {

  static final String SUBJECT = "SUBJECT";
  static final String OPERATION = "OPERATION";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  PointerAlerts(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** One side of a conflict: an agency's own record, its case reference and point of contact. */
  record Side(String agency, String recordId, String caseReference, String contact) {}

  /** Raises the two alerts of one conflict, one to each agency; returns them. */
  @Transactional
  List<StoredAlert> raise(String kind, Side first, Side second) {
    var raised = new ArrayList<StoredAlert>();
    raised.add(store(kind, first, second));
    raised.add(store(kind, second, first));
    return raised;
  }

  /** The alerts of the caller's agency, newest first; {@code open} keeps the unacknowledged. */
  @Transactional
  public List<StoredAlert> mine(AccessContext context, boolean open) {
    String agency = context.caller().agency();
    List<StoredAlert> alerts =
        jdbc.sql(
                "SELECT * FROM pointer_alert WHERE recipient_agency = :agency"
                    + (open ? " AND acknowledged_at IS NULL" : "")
                    + " ORDER BY raised_at DESC, id")
            .param("agency", agency)
            .query(PointerAlerts::alert)
            .list();
    audit.record(context, "LIST", "pointer-alert", null, "SHOWN", alerts.size() + " alerts");
    return alerts;
  }

  /** Marks an alert of the caller's agency as seen; an alert of another agency is not found. */
  @Transactional
  public StoredAlert acknowledge(AccessContext context, String id) {
    int changed =
        jdbc.sql(
                "UPDATE pointer_alert SET acknowledged_by = :by, acknowledged_at = :at"
                    + " WHERE id = :id AND recipient_agency = :agency"
                    + " AND acknowledged_at IS NULL")
            .param("by", context.caller().username())
            .param("at", now())
            .param("id", id)
            .param("agency", context.caller().agency())
            .update();
    StoredAlert alert =
        jdbc.sql("SELECT * FROM pointer_alert WHERE id = :id AND recipient_agency = :agency")
            .param("id", id)
            .param("agency", context.caller().agency())
            .query(PointerAlerts::alert)
            .optional()
            .orElseThrow(() -> new NotFound("pointer-alert", id));
    if (changed == 1) {
      audit.record(context, "ACKNOWLEDGE", "pointer-alert", id, "WRITTEN", null);
    }
    return alert;
  }

  private StoredAlert store(String kind, Side to, Side about) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO pointer_alert (id, recipient_agency, alert_kind, own_record_id,
                                       own_reference, other_agency, other_case_reference,
                                       other_contact, raised_at, owner_agency, tlp)
            VALUES (:id, :to, :kind, :own, :ownRef, :other, :otherRef, :otherContact, :at,
                    :to, 'AMBER')
            """)
        .param("id", id)
        .param("to", to.agency())
        .param("kind", kind)
        .param("own", to.recordId())
        .param("ownRef", to.caseReference())
        .param("other", about.agency())
        .param("otherRef", about.caseReference())
        .param("otherContact", about.contact())
        .param("at", now())
        .update();
    return jdbc.sql("SELECT * FROM pointer_alert WHERE id = :id")
        .param("id", id)
        .query(PointerAlerts::alert)
        .single();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static StoredAlert alert(ResultSet rs, int row) throws SQLException {
    OffsetDateTime acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
    return new StoredAlert(
        rs.getString("id"),
        rs.getString("alert_kind"),
        rs.getString("own_record_id"),
        rs.getString("own_reference"),
        rs.getString("other_agency"),
        rs.getString("other_case_reference"),
        rs.getString("other_contact"),
        rs.getBoolean("duty_contact_only"),
        GuardedReads.markingOf(rs),
        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getString("acknowledged_by"),
        acknowledged == null ? null : acknowledged.toInstant());
  }
}
