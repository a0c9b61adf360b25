package org.presstrace.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.reliability.LoadTable.Row;

class LoadTableTests {

  private static String report() throws IOException {
    try (InputStream in =
        LoadTableTests.class.getResourceAsStream("/gatling-3.14-index-rows.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsEveryRowOfARealReportInTheOrderThePhasesRan() throws IOException {
    List<Row> rows = LoadTable.rows(report());

    assertEquals(
        List.of(
            new Row("reads", "basic", 1, "agencies", 7, 0, "474", "643"),
            new Row("health", "-", 2, "health", 185, 0, "15", "104"),
            new Row("mixed", "basic", 2, "trace", 2, 0, "961", "961")),
        rows);
  }

  @Test
  void printsRequestsPerSecondOverThePhase() throws IOException {
    var out = new ByteArrayOutputStream();
    LoadTable.print(
        LoadTable.rows(report()), 5, new PrintStream(out, true, StandardCharsets.UTF_8));

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(
        "health  -          2 health          185      37.0        15       104       0", lines[2]);
  }

  @Test
  void leavesTheWarmupOut() throws IOException {
    String warmup = report().replace("mixed basic 2 trace", "warmup basic 4 trace");

    assertEquals(2, LoadTable.rows(warmup).size());
  }

  @Test
  void refusesAReportWhoseCountsItCannotRead() throws IOException {
    String changed =
        report()
            .replace(
                "<td class=\"value ko col-4\">0</td>", "<td class=\"value ko col-4\">n/a</td>");

    assertEquals(
        "the Gatling report has 'n/a' where a count belongs",
        assertThrows(IOException.class, () -> LoadTable.rows(changed)).getMessage());
  }

  @Test
  void refusesAReportWithoutItsPercentilesRatherThanPrintingZeros() throws IOException {
    String changed = report().replaceAll("col-11\">", "col-99\">");

    assertThrows(IOException.class, () -> LoadTable.rows(changed));
  }

  @Test
  void refusesAReportWithNoReportedPhase() {
    assertEquals(
        "the Gatling report has no rows of a reported phase",
        assertThrows(IOException.class, () -> LoadTable.rows("<html></html>")).getMessage());
  }
}
