package org.presstrace.casework;

import org.presstrace.access.Marking;

/**
 * A FollowTheMoney file to import and what the importer states for the whole batch: the source it
 * came from (a partner, a leak, a register; the key that makes a re-import idempotent), the file's
 * name, the case the subjects belong to and the point of contact (the source and the importer when
 * not given), and the marking every subject carries; each link carries the join of that marking and
 * its two ends' markings.
 */
public record FtmImport(
    String source, String fileName, String caseReference, String contact, Marking marking) {}
