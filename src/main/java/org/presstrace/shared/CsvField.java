package org.presstrace.shared;

/**
 * One field of an RFC 4180 CSV export, with text that looks like a spreadsheet formula defused.
 * Every export of protected records or of the audit trail writes its fields through here.
 */
public final class CsvField {

  private CsvField() {}

  public static String of(String value) {
    if (value == null) {
      return "";
    }
    String text =
        !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
