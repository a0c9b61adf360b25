package org.presstrace.access;

import java.time.Instant;

/** A record had its approved release revoked; the target agency no longer reads it. */
public record ReleaseRevoked(
    String releaseId, String kind, String recordId, String targetAgency, String by, Instant at)
    implements ReleaseEvent {}
