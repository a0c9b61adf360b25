package org.presstrace.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.resolution.Judgement;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a judgement between two agencies, as an explicit two-party act: the judging agency
 * proposes its latest judgement on a pair to another agency; a supervisor or investigator of that
 * agency who may read both subjects accepts it, which records it as that agency's own judgement, or
 * declines it. Until then the judgement is only a suggestion to the other agency. Both steps are
 * stored and audited.
 */
@Service
public class JudgementShares {

  static final String KIND = "judgement-share";

  private final JdbcClient jdbc;
  private final Subjects subjects;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;

  JudgementShares(
      JdbcClient jdbc, Subjects subjects, Directory directory, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.subjects = subjects;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Proposes the caller's agency's latest judgement on a pair the caller may read to {@code
   * toAgency}; refused when the caller's agency has not judged the pair.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public JudgementShare propose(AccessContext context, String left, String right, String toAgency) {
    Markings.requireWriter(context.caller());
    Markings.required(left, "left", 36);
    Markings.required(right, "right", 36);
    String to = Markings.required(toAgency, "toAgency", 32);
    subjects.get(context, left);
    subjects.get(context, right);
    String from = context.caller().agency();
    if (to.equals(from) || directory.agency(to).isEmpty()) {
      throw new InvalidRequest("toAgency", "toAgency '" + to + "' is not another known agency");
    }
    List<String> judged =
        jdbc.sql(
                "SELECT id FROM resolution_judgement WHERE agency = :agency"
                    + " AND ((left_id = :left AND right_id = :right)"
                    + " OR (left_id = :right AND right_id = :left))"
                    + " ORDER BY judged_at DESC, id DESC")
            .param("agency", from)
            .param("left", left)
            .param("right", right)
            .query(String.class)
            .list();
    if (judged.isEmpty()) {
      throw new InvalidRequest(
          "right", "agency " + from + " has not judged " + left + " and " + right + " yet");
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO resolution_judgement_share (id, judgement_id, from_agency, to_agency,
                                                    proposed_by, proposed_at, status)
            VALUES (:id, :judgement, :from, :to, :by, :at, 'PROPOSED')
            """)
        .param("id", id)
        .param("judgement", judged.get(0))
        .param("from", from)
        .param("to", to)
        .param("by", context.caller().username())
        .param("at", now())
        .update();
    audit.record(
        context, "SHARE_PROPOSE", KIND, id, "WRITTEN", left + " and " + right + " to " + to);
    return find(id).orElseThrow();
  }

  /**
   * Accepts a proposal made to the caller's agency: the judgement is recorded as that agency's own.
   * Only supervisors and investigators of the receiving agency decide; a proposal to another
   * agency, or on a pair the caller may not read, is not found.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public JudgementShare accept(AccessContext context, String id) {
    JudgementShare share = decidable(context, id);
    subjects.judge(
        context,
        share.leftId(),
        share.rightId(),
        share.judgement(),
        "Shared by " + share.fromAgency() + " (proposal " + share.id() + ")");
    String recorded =
        jdbc.sql(
                "SELECT id FROM resolution_judgement WHERE agency = :agency AND left_id = :left"
                    + " AND right_id = :right ORDER BY judged_at DESC, id DESC")
            .param("agency", context.caller().agency())
            .param("left", share.leftId())
            .param("right", share.rightId())
            .query(String.class)
            .list()
            .get(0);
    return decide(context, share, "ACCEPTED", recorded);
  }

  /** Declines a proposal made to the caller's agency; nothing changes in its view. */
  @Transactional(noRollbackFor = NotFound.class)
  public JudgementShare decline(AccessContext context, String id) {
    return decide(context, decidable(context, id), "DECLINED", null);
  }

  /** The proposals made by or to the caller's agency whose two subjects the caller may read. */
  @Transactional
  public List<JudgementShare> mine(AccessContext context) {
    String agency = context.caller().agency();
    List<JudgementShare> all =
        jdbc.sql(
                SELECT
                    + " WHERE s.from_agency = :agency OR s.to_agency = :agency"
                    + " ORDER BY s.proposed_at DESC, s.id")
            .param("agency", agency)
            .query(JudgementShares::share)
            .list();
    var ids = new ArrayList<String>();
    all.forEach(
        share -> {
          ids.add(share.leftId());
          ids.add(share.rightId());
        });
    Map<String, Subject> readable = subjects.readable(context, ids);
    return all.stream()
        .filter(s -> readable.containsKey(s.leftId()) && readable.containsKey(s.rightId()))
        .toList();
  }

  private JudgementShare decidable(AccessContext context, String id) {
    if (!context.caller().has(Role.SUPERVISOR) && !context.caller().has(Role.INVESTIGATOR)) {
      throw new AccessDeniedException(
          "only supervisors and investigators accept or decline a shared judgement");
    }
    JudgementShare share =
        find(Markings.required(id, "id", 36))
            .filter(s -> s.toAgency().equals(context.caller().agency()))
            .orElseThrow(() -> new NotFound(KIND, id));
    subjects.get(context, share.leftId());
    subjects.get(context, share.rightId());
    if (!share.status().equals("PROPOSED")) {
      throw new ConflictingState(
          "the shared judgement " + id + " is " + share.status() + ", not PROPOSED");
    }
    return share;
  }

  private JudgementShare decide(
      AccessContext context, JudgementShare share, String status, String recorded) {
    jdbc.sql(
            "UPDATE resolution_judgement_share SET status = :status, decided_by = :by,"
                + " decided_at = :at, accepted_as = :recorded WHERE id = :id"
                + " AND status = 'PROPOSED'")
        .param("status", status)
        .param("by", context.caller().username())
        .param("at", now())
        .param("recorded", recorded)
        .param("id", share.id())
        .update();
    audit.record(
        context,
        "SHARE_" + status,
        KIND,
        share.id(),
        "WRITTEN",
        share.judgement() + " from " + share.fromAgency());
    return find(share.id()).orElseThrow();
  }

  private java.util.Optional<JudgementShare> find(String id) {
    return jdbc.sql(SELECT + " WHERE s.id = :id")
        .param("id", id)
        .query(JudgementShares::share)
        .optional();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static final String SELECT =
      "SELECT s.id, j.left_id, j.right_id, j.judgement, s.from_agency, s.to_agency,"
          + " s.proposed_by, s.proposed_at, s.status, s.decided_by, s.decided_at"
          + " FROM resolution_judgement_share s JOIN resolution_judgement j"
          + " ON j.id = s.judgement_id";

  private static JudgementShare share(ResultSet rs, int row) throws SQLException {
    OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
    return new JudgementShare(
        rs.getString("id"),
        rs.getString("left_id"),
        rs.getString("right_id"),
        Judgement.valueOf(rs.getString("judgement")),
        rs.getString("from_agency"),
        rs.getString("to_agency"),
        rs.getString("proposed_by"),
        rs.getObject("proposed_at", OffsetDateTime.class).toInstant(),
        rs.getString("status"),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant());
  }
}
