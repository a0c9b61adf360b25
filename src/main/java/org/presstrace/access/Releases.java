package org.presstrace.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  static final int REASON_MAX = 1000;

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final GuardedReads reads;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Map<String, ProtectedKind> kinds;

  Releases(
      JdbcClient jdbc,
      AccessPolicy policy,
      GuardedReads reads,
      Directory directory,
      AuditTrail audit,
      Clock clock,
      List<ProtectedKind> kinds,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
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
        new Caller("-", agency.code(), agency.kind(), agency.country(), Set.of(role), compartments);
    boolean released =
        jdbc.sql(
                    "SELECT COUNT(*) FROM record_release WHERE kind = :kind AND record_id = :id"
                        + " AND target_agency = :agency AND status = 'APPROVED'")
                .param("kind", kind)
                .param("id", recordId)
                .param("agency", agency.code())
                .query(Long.class)
                .single()
            > 0;
    return policy.mayRead(member, marking, released).allowed();
  }

  /** Asks for a record to be released to {@code targetAgency}. */
  @Transactional
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
    String reason = reason("justification", justification);
    AgencyView target =
        directory
            .agency(targetAgency)
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "targetAgency", "agency '" + targetAgency + "' does not exist"));
    Marking marking = reads.marking(context, protectedKind, recordId);
    Decision decision = policy.mayRequestRelease(context.caller(), marking, target);
    if (!decision.allowed()) {
      if (decision.rule() <= 21) {
        throw new AccessDeniedException(decision.reason());
      }
      throw new InvalidRequest("targetAgency", decision.reason());
    }
    boolean open =
        jdbc.sql(
                    """
                    SELECT COUNT(*) FROM record_release
                    WHERE kind = :kind AND record_id = :id AND target_agency = :target
                      AND status IN ('PENDING', 'APPROVED')
                    """)
                .param("kind", kind)
                .param("id", recordId)
                .param("target", target.code())
                .query(Long.class)
                .single()
            > 0;
    if (open) {
      throw new ConflictingState(
          "a pending or approved release of this record to " + target.code() + " already exists");
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO record_release (id, kind, record_id, owner_agency, target_agency,
                                        justification, status, requested_by, requested_at)
            VALUES (:id, :kind, :recordId, :owner, :target, :justification, 'PENDING',
                    :requestedBy, :at)
            """)
        .param("id", id)
        .param("kind", kind)
        .param("recordId", recordId)
        .param("owner", marking.ownerAgency())
        .param("target", target.code())
        .param("justification", reason)
        .param("requestedBy", context.caller().username())
        .param("at", now())
        .update();
    audit.record(
        context,
        "RELEASE_REQUEST",
        kind,
        recordId,
        "WRITTEN",
        "release " + id + " to " + target.code());
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
    String why = reason("reason", reason);
    Release release = visible(context, releaseId);
    requireSupervisorOf(context, release);
    if (release.status() != ReleaseStatus.APPROVED) {
      throw new ConflictingState(
          "release "
              + releaseId
              + " is "
              + release.status()
              + "; only an APPROVED release can be revoked");
    }
    jdbc.sql(
            """
            UPDATE record_release SET status = 'REVOKED', revoked_by = :by, revoked_at = :at,
                                      revoke_reason = :reason
            WHERE id = :id AND status = 'APPROVED'
            """)
        .param("by", context.caller().username())
        .param("at", now())
        .param("reason", why)
        .param("id", releaseId)
        .update();
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
    return find(releaseId);
  }

  /**
   * The releases the caller deals with: supervisors see their agency's requests, requesters their
   * own, and every caller the approved releases to its agency.
   */
  @Transactional(readOnly = true)
  public List<Release> inbox(AccessContext context, ReleaseStatus status) {
    Caller caller = context.caller();
    String mine =
        caller.has(Role.SUPERVISOR)
            ? "owner_agency = :agency OR requested_by = :username"
            : "requested_by = :username";
    String sql =
        "SELECT * FROM record_release WHERE ("
            + mine
            + " OR (target_agency = :agency AND status = 'APPROVED'))"
            + (status == null ? "" : " AND status = :status")
            + " ORDER BY requested_at DESC";
    var query = jdbc.sql(sql);
    if (status != null) {
      query = query.param("status", status.name());
    }
    return query
        .param("agency", caller.agency())
        .param("username", caller.username())
        .query(Releases::release)
        .list();
  }

  /** One release the caller deals with (see {@link #inbox}); others are {@link NotFound}. */
  @Transactional(readOnly = true)
  public Release visible(AccessContext context, String releaseId) {
    Release release =
        jdbc.sql("SELECT * FROM record_release WHERE id = :id")
            .param("id", releaseId)
            .query(Releases::release)
            .optional()
            .orElseThrow(() -> new NotFound("release", releaseId));
    Caller caller = context.caller();
    boolean visible =
        (release.ownerAgency().equals(caller.agency()) && caller.has(Role.SUPERVISOR))
            || release.requestedBy().equals(caller.username())
            || (release.targetAgency().equals(caller.agency())
                && release.status() == ReleaseStatus.APPROVED);
    if (!visible) {
      throw new NotFound("release", releaseId);
    }
    return release;
  }

  private Release decide(
      AccessContext context, String releaseId, String reason, ReleaseStatus outcome) {
    String why = reason("reason", reason);
    if (context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException(
          "administrators manage accounts; they never approve or reject releases");
    }
    Release release = visible(context, releaseId);
    requireSupervisorOf(context, release);
    if (release.requestedBy().equals(context.caller().username())) {
      throw new AccessDeniedException("four eyes: the requester cannot decide their own release");
    }
    if (release.status() != ReleaseStatus.PENDING) {
      throw new ConflictingState(
          "release "
              + releaseId
              + " is already "
              + release.status()
              + "; only a PENDING release can be decided");
    }
    if (outcome == ReleaseStatus.APPROVED) {
      Marking marking =
          reads
              .markingForRelease(kinds.get(release.kind()), release.recordId())
              .orElseThrow(() -> new NotFound(release.kind(), release.recordId()));
      AgencyView target = directory.agency(release.targetAgency()).orElseThrow();
      Decision decision = policy.releasable(marking, target);
      if (!decision.allowed()) {
        throw new ConflictingState("the record's marking changed: " + decision.reason());
      }
    }
    int changed =
        jdbc.sql(
                """
                UPDATE record_release SET status = :status, decided_by = :by, decided_at = :at,
                                          decision_reason = :reason
                WHERE id = :id AND status = 'PENDING'
                """)
            .param("status", outcome.name())
            .param("by", context.caller().username())
            .param("at", now())
            .param("reason", why)
            .param("id", releaseId)
            .update();
    if (changed != 1) {
      throw new ConflictingState("release " + releaseId + " was decided meanwhile");
    }
    audit.record(
        context,
        outcome == ReleaseStatus.APPROVED ? "RELEASE_APPROVE" : "RELEASE_REJECT",
        release.kind(),
        release.recordId(),
        "WRITTEN",
        "release " + releaseId + " to " + release.targetAgency());
    return find(releaseId);
  }

  private static void requireSupervisorOf(AccessContext context, Release release) {
    Caller caller = context.caller();
    if (!caller.has(Role.SUPERVISOR) || !caller.agency().equals(release.ownerAgency())) {
      throw new AccessDeniedException(
          "only supervisors of " + release.ownerAgency() + " decide its releases");
    }
  }

  static String reason(String field, String text) {
    String reason = text == null ? "" : text.strip();
    if (reason.length() < 4) {
      throw new InvalidRequest(field, field + " must say why, in at least 4 characters");
    }
    if (reason.length() > REASON_MAX) {
      throw new InvalidRequest(field, field + " is longer than " + REASON_MAX + " characters");
    }
    return reason;
  }

  private Release find(String id) {
    return jdbc.sql("SELECT * FROM record_release WHERE id = :id")
        .param("id", id)
        .query(Releases::release)
        .single();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Release release(ResultSet rs, int row) throws SQLException {
    return new Release(
        rs.getString("id"),
        rs.getString("kind"),
        rs.getString("record_id"),
        rs.getString("owner_agency"),
        rs.getString("target_agency"),
        rs.getString("justification"),
        ReleaseStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"),
        instant(rs, "requested_at"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getString("decision_reason"),
        rs.getString("revoked_by"),
        instant(rs, "revoked_at"),
        rs.getString("revoke_reason"));
  }
}
