package org.presstrace.access;

import java.time.Instant;

/** A record was approved for release by a supervisor of the owning agency. */
public record ReleaseApproved(
    String releaseId, String kind, String recordId, String targetAgency, String by, Instant at)
    implements ReleaseEvent {}
