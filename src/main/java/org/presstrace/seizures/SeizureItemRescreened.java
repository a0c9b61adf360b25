package org.presstrace.seizures;

/**
 * A recorded seizure item was screened again after a list changed, and its verdict changed.
 *
 * @param seq the item's place in its seizure, from 1
 * @param statusBefore the stored screening status it had ({@code LISTED}, {@code CLASS} or {@code
 *     NOT_LISTED})
 * @param substanceId the listed substance it now screens as, or {@code null}
 */
public record SeizureItemRescreened(
    String seizureId, int seq, String statusBefore, String status, String substanceId) {}
