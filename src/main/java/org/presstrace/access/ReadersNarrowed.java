package org.presstrace.access;

/**
 * Fewer agencies may read record {@code recordId} of protected kind {@code kind} than before: a
 * release to another agency was revoked, or the record's marking changed (a tightening applied at
 * once, or an approved change that drops a compartment or a REL TO country). Published in the
 * transaction that narrowed the readers, so that whatever was derived from the record for an agency
 * that lost it (red flags, caches) is withdrawn or recomputed before that transaction commits.
 *
 * @param kind the protected kind name (see {@link ProtectedKind#name()})
 * @param why what narrowed the readers, for the derived stores' own records
 */
public record ReadersNarrowed(String kind, String recordId, String why) {}
