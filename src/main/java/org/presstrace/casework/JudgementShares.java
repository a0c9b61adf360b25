package org.presstrace.casework;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.casework.internal.JudgementStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
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

  private final JudgementStore store;
  private final Subjects subjects;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;

  JudgementShares(
      JudgementStore store, Subjects subjects, Directory directory, AuditTrail audit, Clock clock) {
    this.store = store;
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
    String judged =
        store
            .latestEitherWay(from, left, right)
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "right",
                        "agency " + from + " has not judged " + left + " and " + right + " yet"));
    String id = UUID.randomUUID().toString();
    store.propose(id, judged, from, to, context.caller().username(), clock.instant());
    audit.record(
        context, "SHARE_PROPOSE", KIND, id, "WRITTEN", left + " and " + right + " to " + to);
    return store.share(id).orElseThrow();
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
        store.latest(context.caller().agency(), share.leftId(), share.rightId()).orElseThrow();
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
    List<JudgementShare> all = store.sharesOf(agency);
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
        store
            .share(Markings.required(id, "id", 36))
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
    store.decide(share.id(), status, context.caller().username(), clock.instant(), recorded);
    audit.record(
        context,
        "SHARE_" + status,
        KIND,
        share.id(),
        "WRITTEN",
        share.judgement() + " from " + share.fromAgency());
    return store.share(share.id()).orElseThrow();
  }
}
