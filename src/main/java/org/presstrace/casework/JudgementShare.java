package org.presstrace.casework;

import java.time.Instant;
import org.presstrace.resolution.Judgement;

/**
 * A proposal by one agency to share its judgement on a pair with another agency, and what became of
 * it: PROPOSED, then ACCEPTED (the judgement is recorded as the receiving agency's own) or DECLINED
 * by a supervisor or investigator of the receiving agency.
 */
public record JudgementShare(
    String id,
    String leftId,
    String rightId,
    Judgement judgement,
    String fromAgency,
    String toAgency,
    String proposedBy,
    Instant proposedAt,
    String status,
    String decidedBy,
    Instant decidedAt) {}
