package org.presstrace.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.presstrace.access.Marking;

/**
 * A link as an agency enters it: its schema, its first end (a subject id) and second end (a subject
 * id or {@code registrant:ID}, {@code machine:ID}, {@code seizure:ID}), the details its schema
 * carries, its provenance ({@code source}, {@code statedOn}) and its marking.
 */
public record LinkDraft(
    LinkSchema schema,
    String subject,
    String object,
    BigDecimal amount,
    String currency,
    LocalDate date,
    String purpose,
    String relationship,
    String role,
    String source,
    LocalDate statedOn,
    Marking marking) {}
