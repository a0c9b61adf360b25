package org.presstrace.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.presstrace.access.Marking;
import org.presstrace.resolution.Schema;

/**
 * A case subject as an agency enters it: its schema, the values stated for each property, the case
 * it belongs to and the point of contact other agencies would be pointed to, where the values came
 * from ({@code source}, {@code statedOn}) and the marking.
 */
public record SubjectDraft(
    Schema schema,
    Map<String, List<String>> properties,
    String caseReference,
    String contact,
    String source,
    LocalDate statedOn,
    Marking marking) {}
