package org.presstrace.registry;

/**
 * One problem found in an import file.
 *
 * @param row the row as a spreadsheet numbers it: the header is row 1, the first data row row 2
 * @param column the column the problem is in, as named in the file's header; null for the whole row
 *     or file
 * @param value the value found, shortened to 80 characters; null when the cell is empty
 * @param message what is wrong, naming the rule
 */
public record ImportProblem(long row, String column, String value, String message) {

  static final int VALUE_LIMIT = 80;

  static ImportProblem of(long row, String column, String value, String message) {
    String shown =
        value == null || value.length() <= VALUE_LIMIT
            ? value
            : value.substring(0, VALUE_LIMIT) + "…";
    return new ImportProblem(row, column, shown, message);
  }

  /** One line for a terminal or a log: {@code row 7, make 'Acme': message}. */
  public String line() {
    var text = new StringBuilder("row ").append(row);
    if (column != null) {
      text.append(", ").append(column);
    }
    if (value != null) {
      text.append(" '").append(value).append('\'');
    }
    return text.append(": ").append(message).toString();
  }
}
