package org.presstrace.casework;

import java.util.List;
import org.presstrace.resolution.ExplainedMatch;

/**
 * What submitting a subject returns: the stored subject, its canonical id (the smallest id of its
 * entity over the subjects the caller may read, never null), the matches the caller may see, and
 * the pointer alerts raised for the caller's agency. Nothing in it depends on a subject the caller
 * may not read but the pointer alerts, the one signal meant to cross agencies.
 */
public record Submission(
    Subject subject, String canonicalId, List<ExplainedMatch> matches, List<StoredAlert> alerts) {}
