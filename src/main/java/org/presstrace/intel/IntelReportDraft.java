package org.presstrace.intel;

import org.presstrace.access.Marking;

/** What an author writes: title, summary and marking (the owning agency is the author's). */
public record IntelReportDraft(String title, String summary, Marking marking) {}
