package org.presstrace.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * How an import command reports a refused file: one line per problem ({@code row 7, amount: ...},
 * or {@code header: ...} for row 0) and a last {@code presstrace:} line with the counts, on the
 * error stream. Returns the exit code for a refused file.
 */
final class RowRefusal {

  /** Exit code when the file was read but refused by its validation report. */
  static final int EXIT_REFUSED = 2;

  /** One problem of a refused file: its row (0 for the header), field (may be blank), message. */
  record Problem(long row, String field, String message) {}

  private RowRefusal() {}

  static int print(PrintWriter err, Path file, long rows, List<Problem> problems) {
    return print(err, file, rows, problems, "rows");
  }

  /** As above, for a file of {@code unit} ({@code rows} of CSV, {@code lines} of JSON lines). */
  static int print(PrintWriter err, Path file, long rows, List<Problem> problems, String unit) {
    String one = unit.equals("lines") ? "line " : "row ";
    for (Problem problem : problems) {
      err.println(
          (problem.row() == 0 ? "header" : one + problem.row())
              + (problem.field() == null || problem.field().isBlank() ? "" : ", " + problem.field())
              + ": "
              + problem.message());
    }
    err.println(
        "presstrace: "
            + file
            + " refused: "
            + problems.size()
            + " problems in "
            + rows
            + " "
            + unit
            + "; nothing stored");
    err.flush();
    return EXIT_REFUSED;
  }
}
