package org.presstrace.casework;

import org.presstrace.access.Channel;

/**
 * Published when a case subject has been stored: its id, owning agency, and who entered it through
 * which channel. Red flags are re-evaluated on it once the transaction commits.
 */
public record SubjectRecorded(String subjectId, String agency, String username, Channel channel) {}
