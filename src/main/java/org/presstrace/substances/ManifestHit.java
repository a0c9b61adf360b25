package org.presstrace.substances;

/**
 * One reason a manifest line looks controlled.
 *
 * @param substanceId the listed substance, or {@code null} for a hit on the HS heading alone
 * @param reason exact CAS; CAS failing its check digit; exact name or synonym; fuzzy name with its
 *     edit distance; Chinese name; HS heading 2933 or 2934; structure rule
 * @param matched the text of the line that matched
 */
public record ManifestHit(
    String substanceId, String name, String reason, String matched, double score) {}
