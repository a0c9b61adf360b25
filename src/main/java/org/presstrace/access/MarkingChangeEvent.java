package org.presstrace.access;

import java.time.Instant;

/**
 * Something that happened to a request to loosen a record's marking, in the past tense. Each step
 * of the four-eyes change records exactly one.
 */
public sealed interface MarkingChangeEvent
    permits MarkingChangeRequested, MarkingChangeApproved, MarkingChangeRejected {

  String changeId();

  /** The kind of the record whose marking would change. */
  String kind();

  String recordId();

  /** Who did it. */
  String by();

  Instant at();
}
