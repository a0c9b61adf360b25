package org.presstrace.reliability;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The table load.sh prints, from the statistics table of the report Gatling wrote for one run
 * ({@code index.html}; Gatling 3.14 writes no machine-readable summary): one row per phase,
 * credentials, concurrency and kind of request, with the requests sent, the rate over the phase,
 * p50 and p99 of their response times, and the errors (a wrong status, a refused connection or a
 * timeout). A report whose table cannot be read is an error, never a row of zeros.
 *
 * <p>{@code java org.presstrace.reliability.LoadTable RESULTS_DIR SECONDS} reads the newest report
 * under {@code RESULTS_DIR} and prints the table.
 */
public final class LoadTable {

  /** One kind of request in one phase. */
  record Row(
      String phase,
      String auth,
      int users,
      String kind,
      long requests,
      long errors,
      String p50,
      String p99) {

    double perSecond(int seconds) {
      return (double) requests / seconds;
    }
  }

  private LoadTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: LoadTable RESULTS_DIR SECONDS");
      System.exit(2);
    }
    Path report = newestReport(Path.of(args[0]));
    int seconds = Integer.parseInt(args[1]);
    print(rows(Files.readString(report, StandardCharsets.UTF_8)), seconds, System.out);
  }

  /** One row of Gatling's statistics table: its request name, then its cells. */
  private static final Pattern ROW =
      Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>(.*?)</tr>", Pattern.DOTALL);

  private static final Pattern CELL =
      Pattern.compile("<td class=\"value [a-z]+ col-([0-9]+)\">([^<]*)</td>");

  static Path newestReport(Path results) throws IOException {
    try (Stream<Path> runs = Files.list(results)) {
      return runs.map(run -> run.resolve("index.html"))
          .filter(Files::isRegularFile)
          .max(Comparator.comparing(path -> path.getParent().getFileName().toString()))
          .orElseThrow(() -> new IOException("no Gatling report (index.html) in " + results));
    }
  }

  /** The rows of the reported phases, in the order the phases ran; the warm-up is left out. */
  static List<Row> rows(String indexHtml) throws IOException {
    var rows = new ArrayList<Row>();
    Matcher row = ROW.matcher(indexHtml);
    while (row.find()) {
      String[] name = unescape(row.group(1)).split(" ");
      if (name.length != 4 || name[0].equals("warmup") || !name[2].matches("[0-9]{1,4}")) {
        continue;
      }
      var cells = new String[15];
      Matcher cell = CELL.matcher(row.group(2));
      while (cell.find()) {
        int column = Integer.parseInt(cell.group(1));
        if (column < cells.length) {
          cells[column] = cell.group(2).strip().replace(",", "");
        }
      }
      // columns: 2 total, 3 ok, 4 ko, 5 ko %, 6 req/s, 7 min, 8 p50, 9 p75, 10 p95, 11 p99, ...
      if (cells[2] == null || cells[4] == null || cells[8] == null || cells[11] == null) {
        throw new IOException(
            "the Gatling report's row for '" + row.group(1) + "' lacks its counts or percentiles");
      }
      rows.add(
          new Row(
              name[0],
              name[1],
              Integer.parseInt(name[2]),
              name[3],
              count(cells[2]),
              count(cells[4]),
              cells[8],
              cells[11]));
    }
    if (rows.isEmpty()) {
      throw new IOException("the Gatling report has no rows of a reported phase");
    }
    rows.sort(
        Comparator.comparingInt(Row::users)
            .thenComparing(r -> phaseOrder(r.phase()))
            .thenComparing(Row::auth)
            .thenComparing(r -> kindOrder(r.kind())));
    return rows;
  }

  static void print(List<Row> rows, int seconds, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-7s %-6s %5s %-9s %9s %9s %9s %9s %7s%n",
        "phase",
        "auth",
        "users",
        "kind",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors");
    for (Row row : rows) {
      out.printf(
          Locale.ROOT,
          "%-7s %-6s %5d %-9s %9d %9.1f %9s %9s %7d%n",
          row.phase(),
          row.auth(),
          row.users(),
          row.kind(),
          row.requests(),
          row.perSecond(seconds),
          row.p50(),
          row.p99(),
          row.errors());
    }
  }

  private static int phaseOrder(String phase) {
    return switch (phase) {
      case "health" -> 0;
      case "reads" -> 1;
      default -> 2;
    };
  }

  private static int kindOrder(String kind) {
    List<String> order =
        List.of("health", "agencies", "trace", "list", "search", "screen", "seizure", "transfer");
    int index = order.indexOf(kind);
    return index < 0 ? order.size() : index;
  }

  private static long count(String cell) throws IOException {
    if (!cell.matches("[0-9]{1,18}")) {
      throw new IOException("the Gatling report has '" + cell + "' where a count belongs");
    }
    return Long.parseLong(cell);
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
