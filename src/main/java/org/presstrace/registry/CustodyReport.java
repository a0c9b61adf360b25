package org.presstrace.registry;

import java.time.LocalDate;

/**
 * A report of a custody change that needs only a day and a note: loss, theft, recovery, seizure,
 * forfeiture, destruction, serial tampering, relocation (the note is then the new location).
 */
public record CustodyReport(LocalDate occurredOn, String details) {}
