package org.presstrace.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.presstrace.access.Marking;

/**
 * A stored link as its reader sees it: shown only when the reader may read the link and both of its
 * ends. {@code marking.ownerAgency()} is the agency that stated it, {@code source} the record it
 * came from and {@code statedOn} when.
 */
public record Link(
    String id,
    LinkSchema schema,
    LinkEnd subject,
    LinkEnd object,
    BigDecimal amount,
    String currency,
    LocalDate date,
    String purpose,
    String relationship,
    String role,
    String source,
    LocalDate statedOn,
    Marking marking,
    String createdBy,
    Instant createdAt) {

  Link withEnds(LinkEnd subject, LinkEnd object) {
    return new Link(
        id,
        schema,
        subject,
        object,
        amount,
        currency,
        date,
        purpose,
        relationship,
        role,
        source,
        statedOn,
        marking,
        createdBy,
        createdAt);
  }
}
