package org.presstrace.access;

import java.time.Instant;

/** A supervisor approved a marking change: the record is now marked {@code to}. */
public record MarkingChangeApproved(
    String changeId, String kind, String recordId, Marking to, String by, Instant at)
    implements MarkingChangeEvent {}
