package org.presstrace.access;

import java.time.Instant;

/** Loosening a record's marking from {@code from} to {@code to} was asked for. */
public record MarkingChangeRequested(
    String changeId, String kind, String recordId, Marking from, Marking to, String by, Instant at)
    implements MarkingChangeEvent {}
