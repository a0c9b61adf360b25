package org.presstrace.seizures;

import java.util.List;

/**
 * The outcome of a bulk import: all rows stored, or none and every problem found.
 *
 * @param rows data rows read
 * @param stored seizures stored (0 whenever any problem was found)
 * @param problems every broken rule, by row and field
 * @param ids the stored seizures' ids, in row order
 */
public record ImportReport(int rows, int stored, List<FieldProblem> problems, List<String> ids) {

  public ImportReport {
    problems = List.copyOf(problems);
    ids = List.copyOf(ids);
  }

  public boolean accepted() {
    return problems.isEmpty();
  }
}
