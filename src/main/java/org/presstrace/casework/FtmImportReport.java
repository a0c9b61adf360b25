package org.presstrace.casework;

import java.util.List;

/**
 * What importing a FollowTheMoney file came to. A file with any problem stores nothing and lists
 * every problem with its line (numbered from 1) and field; otherwise each entity is {@code new}
 * (stored for the first time from this source), {@code unchanged} (the same as the last import of
 * its id, nothing stored) or {@code updated} (a new version stored that now stands for the id).
 * Lines PressTrace derives again (an export's banner, its match links) are {@code skipped}.
 *
 * @param lines the non-blank lines read
 * @param entries each entity of the file and the record that stands for it, in file order
 */
public record FtmImportReport(
    String source,
    String fileName,
    boolean dryRun,
    int lines,
    int created,
    int unchanged,
    int updated,
    int skipped,
    List<Problem> problems,
    List<Entry> entries) {

  public FtmImportReport {
    problems = List.copyOf(problems);
    entries = List.copyOf(entries);
  }

  /** A line that could not be imported: its number, the field at fault (may be blank), why. */
  public record Problem(int line, String field, String message) {}

  /**
   * An entity of the file: its line, its FollowTheMoney id, {@code subject} or {@code link}, the
   * PressTrace record standing for it (none on a dry run of a new one) and the outcome.
   */
  public record Entry(int line, String sourceId, String kind, String recordId, String outcome) {}

  /** Whether the file was refused: nothing was stored. */
  public boolean refused() {
    return !problems.isEmpty();
  }
}
