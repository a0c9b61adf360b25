package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.web.ApiAccessMatrix.Operation;

/** The parser and the checks behind the API access matrix test, on planted tables. */
class ApiAccessMatrixTests {

  private static final String TABLE =
      """
      # prose above the table is free

      <!-- api-access-matrix:start -->
      | path | method | anonymous | admin | cbp.investigator |
      |---|---|---|---|---|
      | `/api/v1/intel-reports` | GET | 401 | 200 | 200 |
      | `/api/v1/intel-reports/{id}` | GET | 401 | 404 | 404 |
      <!-- api-access-matrix:end -->

      prose below too
      """;

  private static final Operation LIST = new Operation("GET", "/api/v1/intel-reports");
  private static final Operation ONE = new Operation("GET", "/api/v1/intel-reports/{id}");
  private static final Operation CREATE = new Operation("POST", "/api/v1/intel-reports");

  @Test
  void readsOneStatusPerOperationAndCaller() {
    ApiAccessMatrix matrix = ApiAccessMatrix.parse(TABLE);

    assertThat(matrix.callers()).containsExactly("anonymous", "admin", "cbp.investigator");
    assertThat(matrix.operations()).containsExactly(LIST, ONE);
    assertThat(matrix.status(ONE, "cbp.investigator")).isEqualTo(404);
    assertThat(matrix.status(LIST, "anonymous")).isEqualTo(401);
  }

  @Test
  void anOperationAddedWithoutARowIsReportedMissing() {
    ApiAccessMatrix matrix = ApiAccessMatrix.parse(TABLE);

    assertThat(matrix.missingRows(List.of(LIST, ONE, CREATE))).containsExactly(CREATE);
    assertThat(matrix.missingRows(List.of(LIST, ONE))).isEmpty();
  }

  @Test
  void aRowForAnOperationThatIsGoneIsReportedStale() {
    ApiAccessMatrix matrix = ApiAccessMatrix.parse(TABLE);

    assertThat(matrix.staleRows(List.of(LIST))).containsExactly(ONE);
  }

  @Test
  void aCellTheApiAnswersOtherwiseIsReportedWithCallerAndBothStatuses() {
    ApiAccessMatrix expected = ApiAccessMatrix.parse(TABLE);
    var actual = new ApiAccessMatrix(expected.callers());
    for (String caller : expected.callers()) {
      actual.put(LIST, caller, expected.status(LIST, caller));
      actual.put(ONE, caller, expected.status(ONE, caller));
    }
    actual.put(ONE, "cbp.investigator", 200);

    assertThat(expected.differences(actual))
        .containsExactly(
            "GET /api/v1/intel-reports/{id} as cbp.investigator: table says 404, API answers 200");
  }

  @Test
  void theActualTableIsPrintedInTheFormatTheParserReads() {
    ApiAccessMatrix matrix = ApiAccessMatrix.parse(TABLE);

    ApiAccessMatrix again = ApiAccessMatrix.parse(matrix.toMarkdown());

    assertThat(again.operations()).containsExactly(LIST, ONE);
    assertThat(again.differences(matrix)).isEmpty();
  }

  @Test
  void refusesATableWithADuplicateRowOrAWordForAStatus() {
    String duplicate =
        TABLE.replace(
            "| `/api/v1/intel-reports/{id}` | GET |", "| `/api/v1/intel-reports` | GET |");
    String word = TABLE.replace("| 401 | 404 | 404 |", "| 401 | hidden | 404 |");

    assertThatThrownBy(() -> ApiAccessMatrix.parse(duplicate))
        .hasMessageContaining("two rows for GET /api/v1/intel-reports");
    assertThatThrownBy(() -> ApiAccessMatrix.parse(word))
        .hasMessageContaining("cell 'hidden' of GET /api/v1/intel-reports/{id}");
  }

  @Test
  void theDocumentedMatrixParsesAndHasAColumnForEveryCaller() throws IOException {
    ApiAccessMatrix documented =
        ApiAccessMatrix.parse(Files.readString(ApiRoleMatrixIntegrationTests.DOC));

    assertThat(documented.callers())
        .containsExactlyElementsOf(ApiRoleMatrixIntegrationTests.callers());
    assertThat(documented.operations()).isNotEmpty();
  }
}
