package org.presstrace.access;

import java.time.Instant;

/** A record was refused release by a supervisor of the owning agency. */
public record ReleaseRejected(
    String releaseId, String kind, String recordId, String targetAgency, String by, Instant at)
    implements ReleaseEvent {}
