package org.presstrace.seizures;

import java.time.Clock;
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
import org.presstrace.seizures.internal.AlertStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
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
  public static final ProtectedKind KIND = AlertStore.KIND;

  private final AlertStore store;
  private final GuardedReads reads;
  private final AuditTrail audit;
  private final Clock clock;

  Alerts(AlertStore store, GuardedReads reads, AuditTrail audit, Clock clock) {
    this.store = store;
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
    store.insert(
        new AlertStore.NewAlert(
            id,
            kind,
            subjectKind,
            subjectId,
            title,
            message,
            factOf == null ? context.caller().agency() : recipient,
            clock.instant(),
            recipient,
            marking,
            factOf,
            derivedFrom));
  }

  /** The alerts of the caller's agency, newest first; {@code status} OPEN, ACKNOWLEDGED or all. */
  public Page<Alert> page(AccessContext context, String status, PageQuery page) {
    return reads.page(context, KIND, addressed(context, status), page, AlertStore::alert);
  }

  /** How many alerts of {@code status} the caller may read. */
  public long count(AccessContext context, String status) {
    return reads.count(context, KIND, addressed(context, status));
  }

  public Alert get(AccessContext context, String id) {
    return reads.one(context, KIND, id, addressed(context, null), AlertStore::alert);
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
    int changed = store.acknowledge(id, context.caller().username(), clock.instant());
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
}
