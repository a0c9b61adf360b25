package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading import files: the documented sample, quoting, blank rows and header spelling. */
class ImportFileTests {

  @Test
  void theDocumentedSampleReadsWithoutProblems() throws Exception {
    var file = ImportFile.read(Files.readAllBytes(Path.of("docs/samples/registry-import.csv")));

    assertThat(file.problems()).isEmpty();
    assertThat(file.rows()).hasSize(6);
    assertThat(file.rows().get(0).get(ImportColumn.LOCATION)).isEqualTo("Warehouse 2, bay 4");
    assertThat(file.rows().get(3).get(ImportColumn.LOCATION)).isEqualTo("Tooling cabinet \"A\"");
    assertThat(file.rows().get(3).get(ImportColumn.IMPRINT)).isEqualTo("M / 30");
    assertThat(file.rows().get(4).get(ImportColumn.SERIAL)).isNull();
  }

  @Test
  void headerNamesIgnoreCaseSpacesAndDashesAndRowsKeepSpreadsheetNumbers() {
    String csv =
        "Record, Serial ,MAKE,Occurred-On,Rated Output Per Hour\r\n"
            + "INVENTORY,A-1,Acme,2026-01-02,\"60,000\"\r\n"
            + "\r\n"
            + "TRANSFER,A-1,Acme,2026-01-03,\r\n";
    var file = ImportFile.read(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(file.problems()).isEmpty();
    assertThat(file.rows()).extracting(ImportFile.Row::number).containsExactly(2L, 4L);
    assertThat(file.rows().get(0).get(ImportColumn.RATED_OUTPUT_PER_HOUR)).isEqualTo("60,000");
    assertThat(file.rows().get(1).get(ImportColumn.RATED_OUTPUT_PER_HOUR)).isNull();
  }

  @Test
  void aRepeatedColumnIsAProblemOfTheHeader() {
    var file =
        ImportFile.read(
            "record,serial,make,occurred_on,Make\nINVENTORY,A,B,2026-01-01,C\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(file.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.row()).isEqualTo(1);
              assertThat(problem.column()).isEqualTo("make");
              assertThat(problem.message()).contains("twice");
            });
  }
}
