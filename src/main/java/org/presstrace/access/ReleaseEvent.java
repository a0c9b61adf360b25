package org.presstrace.access;

import java.time.Instant;

/**
 * Something that happened to a release request, in the past tense. Each step of the four-eyes
 * release records exactly one.
 */
public sealed interface ReleaseEvent
    permits ReleaseRequested, ReleaseApproved, ReleaseRejected, ReleaseRevoked {

  String releaseId();

  /** The kind of the record released. */
  String kind();

  String recordId();

  /** The agency the record is (or was to be) released to. */
  String targetAgency();

  /** Who did it. */
  String by();

  Instant at();
}
