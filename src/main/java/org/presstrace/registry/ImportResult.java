package org.presstrace.registry;

import java.util.List;

/**
 * What an import of one file did: either everything was stored (or, in a dry run, would be), or
 * nothing was and {@code problems} says why.
 *
 * @param importId the id of the stored import; null when nothing was stored
 * @param rows data rows read (blank lines not counted)
 * @param inventoryRows rows declaring equipment to a registrant
 * @param transferRows rows reporting a transfer
 * @param stored whether the rows are now in the registry
 * @param problemCount every problem found; {@code problems} lists at most the first 1,000
 * @param millis how long reading, checking and storing took
 */
public record ImportResult(
    String importId,
    String fileName,
    long rows,
    long inventoryRows,
    long transferRows,
    boolean dryRun,
    boolean stored,
    long problemCount,
    List<ImportProblem> problems,
    long millis) {

  /** Whether the file passed every check. */
  public boolean valid() {
    return problemCount == 0;
  }

  /** Rows with at least one problem among those listed. */
  public long badRows() {
    return problems.stream().mapToLong(ImportProblem::row).distinct().count();
  }
}
