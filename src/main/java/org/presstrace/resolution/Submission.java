package org.presstrace.resolution;

import java.util.List;

/**
 * What submitting a subject returns: the stored subject, its canonical id (null when that id is a
 * record the caller may not read), the matches the caller may see, and the pointer alerts raised
 * for the caller's agency.
 */
public record Submission(
    Subject subject, String canonicalId, List<ExplainedMatch> matches, List<StoredAlert> alerts) {}
