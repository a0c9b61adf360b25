package org.presstrace.seizures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Criteria;
import org.presstrace.access.DerivedMarking;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Tlp;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts to agencies. An alert is a protected record owned by its recipient agency and marked
 * TLP:AMBER+STRICT, so only that agency's users read it; every read goes through {@link
 * GuardedReads}. Any module may raise one through {@link #raise}.
 */
@Service
public class Alerts {

  /** The protected kind of alerts; no purpose is needed to read one's own agency's alerts. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "alert",
          "alert",
          "r.id, r.kind, r.subject_kind, r.subject_id, r.title, r.message, r.raised_by_agency,"
              + " r.recipient_agency, r.raised_at, r.status, r.acknowledged_by, r.acknowledged_at, "
              + ProtectedKind.MARKING_COLUMNS,
          false,
          true);

  private final JdbcClient jdbc;
  private final GuardedReads reads;
  private final AuditTrail audit;
  private final Clock clock;

  Alerts(JdbcClient jdbc, GuardedReads reads, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.reads = reads;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What a recipient that may not read an alert's sources is told instead: the fact, without the
   * sources' content (no seizure reference, agency, place or party).
   *
   * @param subjectKind the kind of record the fact is about, e.g. {@code machine}; never the source
   * @param subjectId its id, or null
   */
  public record Fact(String subjectKind, String subjectId, String title, String message) {}

  /**
   * Raises an alert to {@code recipient} on behalf of the caller of {@code context}; audited. The
   * alert carries {@code from}, the join of the markings of the records it was written from: a
   * member of the recipient agency reads its content only when the policy lets them read that
   * marking; otherwise they see {@code fact} (when given) or nothing.
   *
   * @return the new alert's id
   */
  @Transactional
  public String raise(
      AccessContext context,
      String recipient,
      String kind,
      String subjectKind,
      String subjectId,
      String title,
      String message,
      DerivedMarking from,
      Fact fact) {
    String id = UUID.randomUUID().toString();
    insert(
        id,
        kind,
        subjectKind,
        subjectId,
        title,
        message,
        context,
        recipient,
        from.marking(),
        null,
        from.sourcesColumn());
    if (fact != null) {
      insert(
          UUID.randomUUID().toString(),
          kind,
          fact.subjectKind(),
          fact.subjectId() == null ? "-" : fact.subjectId(),
          fact.title(),
          fact.message(),
          context,
          recipient,
          new Marking(recipient, Tlp.AMBER_STRICT, "LEI", false, null, null),
          id,
          null);
    }
    audit.record(context, "RAISE", KIND.name(), id, "WRITTEN", kind + " to " + recipient);
    return id;
  }

  private void insert(
      String id,
      String kind,
      String subjectKind,
      String subjectId,
      String title,
      String message,
      AccessContext context,
      String recipient,
      Marking marking,
      String factOf,
      String derivedFrom) {
    jdbc.sql(
            """
            INSERT INTO alert (id, kind, subject_kind, subject_id, title, message, raised_by_agency,
                               raised_at, status, recipient_agency, owner_agency, tlp,
                               cui_category, noforn, rel_to, compartment, fact_of, derived_from)
            VALUES (:id, :kind, :subjectKind, :subjectId, :title, :message, :by, :at, 'OPEN',
                    :recipient, :owner, :tlp, :cui, :noforn, :relTo, :compartment, :factOf,
                    :derivedFrom)
            """)
        .param("id", id)
        .param("kind", kind)
        .param("subjectKind", subjectKind)
        .param("subjectId", subjectId)
        .param("title", cut(title, 200))
        .param("message", cut(message, 2000))
        .param("by", factOf == null ? context.caller().agency() : recipient)
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("recipient", recipient)
        .param("owner", marking.ownerAgency())
        .param("tlp", marking.tlp().label())
        .param("cui", marking.cuiCategory())
        .param("noforn", marking.noforn())
        .param("relTo", marking.relToColumn())
        .param("compartment", marking.compartment())
        .param("factOf", factOf)
        .param("derivedFrom", derivedFrom)
        .update();
  }

  /** The alerts of the caller's agency, newest first; {@code status} OPEN, ACKNOWLEDGED or all. */
  public Page<Alert> page(AccessContext context, String status, PageQuery page) {
    return reads.page(context, KIND, addressed(context, status), page, Alerts::alert);
  }

  /** How many alerts of {@code status} the caller may read. */
  public long count(AccessContext context, String status) {
    return reads.count(context, KIND, addressed(context, status));
  }

  public Alert get(AccessContext context, String id) {
    return reads.one(context, KIND, id, addressed(context, null), Alerts::alert);
  }

  /**
   * Alerts addressed to the caller's agency that the caller may read; a fact stands in for its
   * alert only for a reader who may not read the alert itself.
   */
  private Criteria addressed(AccessContext context, String status) {
    Criteria readableOriginal = reads.readable(context, KIND, "r.fact_of");
    var parameters = new java.util.HashMap<String, Object>(readableOriginal.parameters());
    parameters.put("alertRecipient", context.caller().agency());
    String where =
        "r.recipient_agency = :alertRecipient AND (r.fact_of IS NULL OR NOT ("
            + readableOriginal.where()
            + "))";
    Criteria byStatus = criteria(status);
    if (byStatus.where() != null) {
      where = where + " AND " + byStatus.where();
      parameters.putAll(byStatus.parameters());
    }
    return Criteria.where(where, parameters).orderBy("r.raised_at DESC");
  }

  /** Marks an open alert of the caller's agency as acknowledged. */
  @Transactional
  public Alert acknowledge(AccessContext context, String id) {
    Alert alert = get(context, id);
    if (!alert.recipientAgency().equals(context.caller().agency())) {
      throw new ConflictingState("only " + alert.recipientAgency() + " acknowledges this alert");
    }
    // An alert and the fact standing in for it are acknowledged together.
    int changed =
        jdbc.sql(
                """
                UPDATE alert SET status = 'ACKNOWLEDGED', acknowledged_by = :by,
                       acknowledged_at = :at
                WHERE status = 'OPEN' AND (id = :id OR fact_of = :id
                       OR id = (SELECT a.fact_of FROM alert a WHERE a.id = :id))
                """)
            .param("by", context.caller().username())
            .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .param("id", id)
            .update();
    if (changed < 1) {
      throw new ConflictingState("alert " + id + " is already acknowledged");
    }
    audit.record(context, "ACKNOWLEDGE", KIND.name(), id, "WRITTEN", null);
    return get(context, id);
  }

  private static Criteria criteria(String status) {
    if (status == null || status.isBlank() || status.equalsIgnoreCase("all")) {
      return Criteria.all().orderBy("r.raised_at DESC");
    }
    String wanted = status.strip().toUpperCase(Locale.ROOT);
    if (!wanted.equals("OPEN") && !wanted.equals("ACKNOWLEDGED")) {
      throw new InvalidRequest(
          "status", "status '" + status + "' is not OPEN, ACKNOWLEDGED or all");
    }
    return Criteria.where("r.status = :status", Map.of("status", wanted))
        .orderBy("r.raised_at DESC");
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }

  static Alert alert(ResultSet rs, int row) throws SQLException {
    var acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
    return new Alert(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("subject_kind"),
        rs.getString("subject_id"),
        rs.getString("title"),
        rs.getString("message"),
        rs.getString("recipient_agency"),
        rs.getString("raised_by_agency"),
        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getString("status"),
        rs.getString("acknowledged_by"),
        acknowledged == null ? null : acknowledged.toInstant());
  }
}
