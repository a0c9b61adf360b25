package org.presstrace.casework;

import java.time.LocalDate;

/** One stored statement about a subject, with its provenance. */
public record SubjectStatement(
    String property, String value, String source, String agency, LocalDate statedOn) {}
