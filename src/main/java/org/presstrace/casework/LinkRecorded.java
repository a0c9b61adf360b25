package org.presstrace.casework;

import java.time.Instant;
import org.presstrace.access.Channel;

/**
 * Published when a link has been stored: its id, owning agency, who entered it through which
 * channel, and when. Red flags are re-evaluated on it once the transaction commits.
 */
public record LinkRecorded(
    String linkId, String agency, String username, Channel channel, Instant recordedAt) {}
