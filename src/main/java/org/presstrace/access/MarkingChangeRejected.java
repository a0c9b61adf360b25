package org.presstrace.access;

import java.time.Instant;

/** A supervisor rejected a marking change: the record keeps its marking. */
public record MarkingChangeRejected(
    String changeId, String kind, String recordId, String by, Instant at)
    implements MarkingChangeEvent {}
