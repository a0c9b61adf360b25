package org.presstrace.seizures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.presstrace.access.Marking;

/**
 * A seizure report as a reader who may see it sees it.
 *
 * @param occurredAt the date and time with the offset in force at the place
 * @param zone the IANA zone of the place
 * @param month the month in that zone, {@code yyyy-MM}
 * @param fiscalYear the US fiscal year (October to September)
 */
public record SeizureView(
    String id,
    String reference,
    OffsetDateTime occurredAt,
    String zone,
    String month,
    int fiscalYear,
    SeizureContext context,
    String portOfEntry,
    String region,
    String place,
    BigDecimal latitude,
    BigDecimal longitude,
    String narrative,
    int itemCount,
    int presses,
    int equipmentCount,
    int unregistered,
    String reportedBy,
    Instant reportedAt,
    Marking marking) {}
