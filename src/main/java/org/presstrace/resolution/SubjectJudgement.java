package org.presstrace.resolution;

import java.time.Instant;

/** A judgement recorded on a subject, seen from that subject: the other side and who decided. */
public record SubjectJudgement(
    String otherId,
    String otherLabel,
    String otherAgency,
    Judgement judgement,
    String note,
    String judgedBy,
    Instant judgedAt) {}
