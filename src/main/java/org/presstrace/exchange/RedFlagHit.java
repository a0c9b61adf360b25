package org.presstrace.exchange;

/**
 * An open red flag the filer may read whose focus or cited subjects match a party of a notice.
 *
 * @param role {@code exporter}, {@code importer} or {@code consignee}
 * @param party the party's name on the notice
 * @param flagId the red flag's id
 * @param rule the flag's rule title
 * @param focus what the flag is about
 * @param status {@code OPEN} or {@code ACKNOWLEDGED}
 */
public record RedFlagHit(
    String role, String party, String flagId, String rule, String focus, String status) {}
