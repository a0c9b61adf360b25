package org.presstrace.seizures;

import java.time.Instant;

/**
 * A seizure report was recorded, its items screened and its equipment listed. Carries ids and
 * counts only: the report itself is read through {@link Seizures} with a stated purpose.
 */
public record SeizureRecorded(String seizureId, int items, int equipment, Instant recordedAt) {}
