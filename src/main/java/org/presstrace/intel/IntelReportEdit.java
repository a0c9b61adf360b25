package org.presstrace.intel;

import org.presstrace.access.MarkingChange;

/**
 * The outcome of an edit: the report as stored, and the marking change waiting for a supervisor
 * when the edit loosened the marking ({@code null} otherwise; the report then carries the new
 * marking, or the same one).
 */
public record IntelReportEdit(IntelReport report, MarkingChange pendingMarkingChange) {}
