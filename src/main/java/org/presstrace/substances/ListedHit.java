package org.presstrace.substances;

/**
 * A listed substance found by screening.
 *
 * @param reason how it was found: exact CAS, CAS failing its check digit, exact name or synonym,
 *     fuzzy name with its edit distance, Chinese name, same structure
 * @param matched the name, synonym or number that matched
 * @param score 1.0 for an exact match, less for a looser one
 */
public record ListedHit(
    String substanceId, String name, String family, String matched, String reason, double score) {}
