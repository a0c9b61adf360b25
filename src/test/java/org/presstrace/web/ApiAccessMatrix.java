package org.presstrace.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API access matrix of {@code docs/api-access-matrix.md}: one row per API operation (path and
 * method), one column per caller, each cell the HTTP status that caller gets. The table sits
 * between two HTML comments so that the prose around it can change freely.
 */
final class ApiAccessMatrix {

  static final String START = "<!-- api-access-matrix:start -->";
  static final String END = "<!-- api-access-matrix:end -->";

  private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** One API operation: an HTTP method on a path template such as {@code /api/v1/x/{id}}. */
  record Operation(String method, String path) implements Comparable<Operation> {

    private static final Comparator<Operation> ORDER =
        Comparator.comparing(Operation::path)
            .thenComparing(operation -> METHOD_ORDER.indexOf(operation.method()));

    boolean isRead() {
      return method.equals("GET");
    }

    @Override
    public int compareTo(Operation other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final List<String> callers;
  private final Map<Operation, Map<String, Integer>> rows = new TreeMap<>();

  ApiAccessMatrix(List<String> callers) {
    this.callers = List.copyOf(callers);
  }

  /** Reads the table between the markers of {@code markdown}; refuses a malformed one. */
  static ApiAccessMatrix parse(String markdown) {
    int start = markdown.indexOf(START);
    int end = markdown.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("no table between " + START + " and " + END);
    }
    List<String> lines =
        markdown
            .substring(start + START.length(), end)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .toList();
    if (lines.size() < 2) {
      throw new IllegalArgumentException("the matrix has no header and separator line");
    }
    List<String> header = cells(lines.get(0));
    if (header.size() < 3 || !header.get(0).equals("path") || !header.get(1).equals("method")) {
      throw new IllegalArgumentException(
          "the matrix header must start with '| path | method |', not " + lines.get(0));
    }
    var matrix = new ApiAccessMatrix(header.subList(2, header.size()));
    for (String line : lines.subList(2, lines.size())) {
      List<String> cells = cells(line);
      if (cells.size() != header.size()) {
        throw new IllegalArgumentException(
            "row has " + cells.size() + " cells, the header " + header.size() + ": " + line);
      }
      var operation = new Operation(cells.get(1).toUpperCase(java.util.Locale.ROOT), path(cells));
      if (matrix.rows.containsKey(operation)) {
        throw new IllegalArgumentException("two rows for " + operation);
      }
      for (int i = 2; i < cells.size(); i++) {
        try {
          matrix.put(operation, header.get(i), Integer.parseInt(cells.get(i)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "cell '" + cells.get(i) + "' of " + operation + " is not a status code");
        }
      }
    }
    return matrix;
  }

  private static String path(List<String> cells) {
    String path = cells.get(0);
    return path.startsWith("`") && path.endsWith("`") && path.length() > 1
        ? path.substring(1, path.length() - 1)
        : path;
  }

  private static List<String> cells(String line) {
    String inner = line;
    if (inner.startsWith("|")) {
      inner = inner.substring(1);
    }
    if (inner.endsWith("|")) {
      inner = inner.substring(0, inner.length() - 1);
    }
    var cells = new ArrayList<String>();
    for (String cell : inner.split("\\|", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }

  List<String> callers() {
    return callers;
  }

  Set<Operation> operations() {
    return rows.keySet();
  }

  void put(Operation operation, String caller, int status) {
    if (!callers.contains(caller)) {
      throw new IllegalArgumentException("no column for caller " + caller);
    }
    rows.computeIfAbsent(operation, any -> new LinkedHashMap<>()).put(caller, status);
  }

  Integer status(Operation operation, String caller) {
    Map<String, Integer> row = rows.get(operation);
    return row == null ? null : row.get(caller);
  }

  /** The operations of {@code documented} that have no row here. */
  List<Operation> missingRows(Collection<Operation> documented) {
    return new TreeSet<>(documented).stream().filter(op -> !rows.containsKey(op)).toList();
  }

  /** The rows here whose operation {@code documented} no longer has. */
  List<Operation> staleRows(Collection<Operation> documented) {
    return rows.keySet().stream().filter(op -> !documented.contains(op)).toList();
  }

  /** Each cell where {@code actual} answers otherwise than this table, for rows both have. */
  List<String> differences(ApiAccessMatrix actual) {
    var differences = new ArrayList<String>();
    for (var row : rows.entrySet()) {
      for (String caller : callers) {
        Integer expected = row.getValue().get(caller);
        Integer got = actual.status(row.getKey(), caller);
        if (got != null && !got.equals(expected)) {
          differences.add(
              row.getKey() + " as " + caller + ": table says " + expected + ", API answers " + got);
        }
      }
    }
    return differences;
  }

  /** The table as Markdown, between its markers, ready to paste into the document. */
  String toMarkdown() {
    var out = new StringBuilder(START).append('\n');
    out.append("| path | method | ").append(String.join(" | ", callers)).append(" |\n");
    out.append("|---|---|").append("---|".repeat(callers.size())).append('\n');
    for (var row : rows.entrySet()) {
      out.append("| `")
          .append(row.getKey().path())
          .append("` | ")
          .append(row.getKey().method())
          .append(" |");
      for (String caller : callers) {
        Integer status = row.getValue().get(caller);
        out.append(' ').append(status == null ? "?" : status).append(" |");
      }
      out.append('\n');
    }
    return out.append(END).append('\n').toString();
  }
}
