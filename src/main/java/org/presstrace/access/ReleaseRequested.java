package org.presstrace.access;

import java.time.Instant;

/** A record was asked to be released to another agency. */
public record ReleaseRequested(
    String releaseId, String kind, String recordId, String targetAgency, String by, Instant at)
    implements ReleaseEvent {}
