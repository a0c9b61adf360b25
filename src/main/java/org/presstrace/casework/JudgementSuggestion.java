package org.presstrace.casework;

import java.time.Instant;
import org.presstrace.resolution.Judgement;

/**
 * Another agency's judgement on a pair of the caller's review queue: a suggestion shown with its
 * origin, which changes nothing in the caller's agency's view until that agency judges the pair.
 */
public record JudgementSuggestion(
    String leftId, String rightId, Judgement judgement, String agency, Instant judgedAt) {}
