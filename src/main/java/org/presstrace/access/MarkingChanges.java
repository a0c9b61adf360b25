package org.presstrace.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes marking changes. Loosening a record's marking (a lower TLP; a compartment, NOFORN, a
 * REL TO list or a CUI category removed or replaced; a REL TO list widened) widens who may read it,
 * so it is a release: an investigator or supervisor of the owning agency asks with a justification,
 * a different supervisor of that agency approves or rejects with a reason, and until then the old
 * marking stays in force. Tightening needs no approval; the module applies it itself. A module
 * whose records' markings can be edited declares a {@link MarkedRecords} bean and routes every
 * marking edit through {@link #loosenings} and {@link #request}.
 */
@Service
public class MarkingChanges {

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final GuardedReads reads;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Map<String, MarkedRecords> kinds;

  MarkingChanges(
      JdbcClient jdbc,
      AccessPolicy policy,
      GuardedReads reads,
      AuditTrail audit,
      Clock clock,
      List<MarkedRecords> kinds,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.reads = reads;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
    this.kinds =
        kinds.stream().collect(Collectors.toMap(k -> k.kind().name(), Function.identity()));
  }

  /**
   * What changing {@code from} to {@code to} loosens, in words; empty when the change only keeps or
   * tightens the marking (and so may apply at once).
   */
  public static List<String> loosenings(Marking from, Marking to) {
    var parts = new ArrayList<String>();
    if (!from.ownerAgency().equals(to.ownerAgency())) {
      parts.add("owner " + from.ownerAgency() + " to " + to.ownerAgency());
    }
    if (to.tlp().ordinal() < from.tlp().ordinal()) {
      parts.add("TLP:" + from.tlp().label() + " to TLP:" + to.tlp().label());
    }
    if (from.compartment() != null && !from.compartment().equals(to.compartment())) {
      parts.add(
          to.compartment() == null
              ? "compartment " + from.compartment() + " removed"
              : "compartment " + from.compartment() + " replaced by " + to.compartment());
    }
    if (from.cuiCategory() != null && !from.cuiCategory().equals(to.cuiCategory())) {
      parts.add(
          to.cuiCategory() == null
              ? "CUI//" + from.cuiCategory() + " removed"
              : "CUI//" + from.cuiCategory() + " replaced by CUI//" + to.cuiCategory());
    }
    if (from.noforn() && !to.noforn()) {
      parts.add(to.relTo().isEmpty() ? "NOFORN removed" : "NOFORN replaced by REL TO " + codes(to));
    }
    if (!from.relTo().isEmpty() && to.noforn()) {
      // NOFORN keeps foreign partners out but lets in every domestic agency the list left out.
      parts.add("REL TO " + codes(from) + " replaced by NOFORN");
    } else if (!from.relTo().isEmpty()) {
      if (to.relTo().isEmpty()) {
        parts.add("REL TO " + codes(from) + " removed");
      } else if (!from.relTo().containsAll(to.relTo())) {
        parts.add("REL TO " + codes(from) + " widened to " + codes(to));
      }
    }
    return parts;
  }

  /**
   * Asks for the marking of a record to change from {@code from} (its marking now) to {@code to}, a
   * loosening (see {@link #loosenings}). Called by the record's module inside its edit, after it
   * has checked that the caller may edit the record; the record keeps {@code from} until a
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
    if (!caller.agency().equals(from.ownerAgency())
        || (!caller.has(Role.INVESTIGATOR) && !caller.has(Role.SUPERVISOR))) {
      throw new AccessDeniedException(
          "only investigators and supervisors of "
              + from.ownerAgency()
              + " ask for a marking to be loosened");
    }
    if (!from.ownerAgency().equals(to.ownerAgency())) {
      throw new InvalidRequest("marking.ownerAgency", "a marking change keeps the owning agency");
    }
    List<String> loosens = loosenings(from, to);
    if (loosens.isEmpty()) {
      throw new IllegalArgumentException("tightening applies at once; no request is needed");
    }
    String why = Releases.reason("justification", justification);
    String open = kind.name() + ":" + recordId;
    boolean pending =
        jdbc.sql("SELECT COUNT(*) FROM marking_change WHERE open_record = :open")
                .param("open", open)
                .query(Long.class)
                .single()
            > 0;
    if (pending) {
      throw new ConflictingState(
          "a marking change of this record is pending; a supervisor decides it first");
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO marking_change (id, kind, record_id, owner_agency, from_tlp,
                from_cui_category, from_noforn, from_rel_to, from_compartment, to_tlp,
                to_cui_category, to_noforn, to_rel_to, to_compartment, justification, status,
                open_record, requested_by, requested_at)
            VALUES (:id, :kind, :recordId, :owner, :fromTlp, :fromCui, :fromNoforn, :fromRelTo,
                :fromCompartment, :toTlp, :toCui, :toNoforn, :toRelTo, :toCompartment,
                :justification, 'PENDING', :open, :by, :at)
            """)
        .param("id", id)
        .param("kind", kind.name())
        .param("recordId", recordId)
        .param("owner", from.ownerAgency())
        .params(columns("from", from))
        .params(columns("to", to))
        .param("justification", why)
        .param("open", open)
        .param("by", caller.username())
        .param("at", now())
        .update();
    audit.record(
        context,
        "MARKING_CHANGE_REQUEST",
        kind.name(),
        recordId,
        "WRITTEN",
        "marking change " + id + ": " + from.banner() + " to " + to.banner());
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
    String mine =
        caller.has(Role.SUPERVISOR)
            ? "owner_agency = :agency OR requested_by = :username"
            : "requested_by = :username";
    var query =
        jdbc.sql(
            "SELECT * FROM marking_change WHERE ("
                + mine
                + ")"
                + (status == null ? "" : " AND status = :status")
                + " ORDER BY requested_at DESC");
    if (status != null) {
      query = query.param("status", status.name());
    }
    return query
        .param("agency", caller.agency())
        .param("username", caller.username())
        .query(MarkingChanges::change)
        .list()
        .stream()
        .filter(change -> seenBy(caller, change))
        .toList();
  }

  /** One marking change the caller deals with (see {@link #inbox}); others are {@link NotFound}. */
  @Transactional(readOnly = true)
  public MarkingChange visible(AccessContext context, String changeId) {
    MarkingChange change =
        jdbc.sql("SELECT * FROM marking_change WHERE id = :id")
            .param("id", changeId)
            .query(MarkingChanges::change)
            .optional()
            .orElseThrow(() -> new NotFound("marking-change", changeId));
    if (!seenBy(context.caller(), change)) {
      throw new NotFound("marking-change", changeId);
    }
    return change;
  }

  /**
   * A change is seen by its requester, and by supervisors of the owning agency who may read the
   * record under the marking it had when the change was asked for (a compartment stays
   * need-to-know, even to a supervisor).
   */
  private boolean seenBy(Caller caller, MarkingChange change) {
    if (change.requestedBy().equals(caller.username())) {
      return true;
    }
    return caller.has(Role.SUPERVISOR)
        && caller.agency().equals(change.ownerAgency())
        && policy.mayRead(caller, change.from(), false).allowed();
  }

  private MarkingChange decide(
      AccessContext context, String changeId, String reason, MarkingChangeStatus outcome) {
    String why = Releases.reason("reason", reason);
    MarkingChange change = visible(context, changeId);
    Caller caller = context.caller();
    if (!caller.has(Role.SUPERVISOR) || !caller.agency().equals(change.ownerAgency())) {
      throw new AccessDeniedException(
          "only supervisors of " + change.ownerAgency() + " decide its marking changes");
    }
    if (change.requestedBy().equals(caller.username())) {
      throw new AccessDeniedException(
          "four eyes: the requester cannot decide their own marking change");
    }
    if (change.status() != MarkingChangeStatus.PENDING) {
      throw new ConflictingState(
          "marking change "
              + changeId
              + " is already "
              + change.status()
              + "; only a PENDING change can be decided");
    }
    MarkedRecords records = kinds.get(change.kind());
    Marking now =
        reads
            .markingForRelease(records.kind(), change.recordId())
            .orElseThrow(() -> new NotFound(change.kind(), change.recordId()));
    if (!policy.mayRead(caller, now, false).allowed()) {
      throw new AccessDeniedException("you may not read the record whose marking would change");
    }
    if (outcome == MarkingChangeStatus.APPROVED && !now.equals(change.from())) {
      throw new ConflictingState(
          "the record's marking changed since the request (now "
              + now.banner()
              + "); reject this change and ask again");
    }
    OffsetDateTime at = now();
    int changed =
        jdbc.sql(
                """
                UPDATE marking_change SET status = :status, open_record = NULL,
                       decided_by = :by, decided_at = :at, decision_reason = :reason
                WHERE id = :id AND status = 'PENDING'
                """)
            .param("status", outcome.name())
            .param("by", caller.username())
            .param("at", at)
            .param("reason", why)
            .param("id", changeId)
            .update();
    if (changed != 1) {
      throw new ConflictingState("marking change " + changeId + " was decided meanwhile");
    }
    if (outcome == MarkingChangeStatus.APPROVED) {
      records.remark(change.recordId(), change.to(), caller.username(), at.toInstant());
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
    return find(changeId);
  }

  private static Map<String, Object> columns(String prefix, Marking marking) {
    var columns = new java.util.HashMap<String, Object>();
    columns.put(prefix + "Tlp", marking.tlp().label());
    columns.put(prefix + "Cui", marking.cuiCategory());
    columns.put(prefix + "Noforn", marking.noforn());
    columns.put(prefix + "RelTo", marking.relToColumn());
    columns.put(prefix + "Compartment", marking.compartment());
    return columns;
  }

  private static String codes(Marking marking) {
    return marking.relTo().stream().map(CountryCode::alpha3).collect(Collectors.joining(", "));
  }

  private MarkingChange find(String id) {
    return jdbc.sql("SELECT * FROM marking_change WHERE id = :id")
        .param("id", id)
        .query(MarkingChanges::change)
        .single();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Marking marking(ResultSet rs, String prefix) throws SQLException {
    return new Marking(
        rs.getString("owner_agency"),
        Tlp.parse(rs.getString(prefix + "tlp")),
        rs.getString(prefix + "cui_category"),
        rs.getBoolean(prefix + "noforn"),
        Marking.relToFromColumn(rs.getString(prefix + "rel_to")),
        rs.getString(prefix + "compartment"));
  }

  private static MarkingChange change(ResultSet rs, int row) throws SQLException {
    return new MarkingChange(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("record_id"),
        rs.getString("owner_agency"),
        marking(rs, "from_"),
        marking(rs, "to_"),
        rs.getString("justification"),
        MarkingChangeStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"),
        instant(rs, "requested_at"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getString("decision_reason"));
  }
}
