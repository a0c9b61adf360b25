package org.presstrace.exchange;

import org.presstrace.resolution.MatchBand;

/**
 * A party of a notice that resolves to a case subject the filer may read.
 *
 * @param role {@code exporter}, {@code importer} or {@code consignee}
 * @param explanation every feature's contribution to the score
 */
public record PartyHit(
    String role,
    String party,
    String subjectId,
    String subjectLabel,
    String caseReference,
    double score,
    MatchBand band,
    String explanation) {}
