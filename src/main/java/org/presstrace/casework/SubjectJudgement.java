package org.presstrace.casework;

import java.time.Instant;
import org.presstrace.resolution.Judgement;

/**
 * A judgement recorded on a subject, seen from that subject: the other side, the agency that judged
 * and when. {@code ours} tells the caller's agency's own judgements (which shape its view) from
 * another agency's (a suggestion only; its user and note are left out, null).
 */
public record SubjectJudgement(
    String otherId,
    String otherLabel,
    String otherAgency,
    Judgement judgement,
    String note,
    String judgedBy,
    Instant judgedAt,
    String agency,
    boolean ours) {}
