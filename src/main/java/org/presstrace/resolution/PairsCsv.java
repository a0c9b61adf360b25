package org.presstrace.resolution;

import java.util.Locale;
import org.presstrace.shared.CsvField;

/**
 * The lines of the file {@code presstrace match} writes: {@code left_id,right_id,score} (and the
 * explanation when asked for), one pair a line, each line ending in LF. Every engine writes them
 * with these two methods, so that their files are equal byte for byte.
 */
public final class PairsCsv {

  private PairsCsv() {}

  /** The header line, with its line end. */
  public static String header(boolean explain) {
    return explain ? "left_id,right_id,score,explanation\n" : "left_id,right_id,score\n";
  }

  /** The line of {@code match}, with its line end. */
  public static String line(Match match, boolean explain) {
    var line = new StringBuilder();
    line.append(CsvField.of(match.leftId())).append(',').append(CsvField.of(match.rightId()));
    line.append(',').append(String.format(Locale.ROOT, "%.4f", match.score()));
    if (explain) {
      line.append(',').append(CsvField.of(match.explanation()));
    }
    return line.append('\n').toString();
  }
}
