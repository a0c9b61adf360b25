package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.presstrace.resolution.Schema;
import tools.jackson.databind.json.JsonMapper;

/** Reading FollowTheMoney lines: what is skipped, what is refused and where. */
class FtmEntitiesTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theExportsBannerAndMatchLinksAreSkippedAndOrganizationsAreCompanies() {
    var read =
        FtmEntities.read(
            String.join(
                "\r\n",
                "{\"id\": \"presstrace-export-banner\", \"schema\": \"Document\","
                    + " \"properties\": {\"title\": [\"TLP:AMBER\"]}}",
                "",
                "{\"id\": \"o1\", \"schema\": \"Organization\", \"properties\": {\"name\": [\"A\"]}}",
                "{\"id\": \"m\", \"schema\": \"UnknownLink\", \"properties\": {},"
                    + " \"presstrace\": {\"derivedFrom\": [\"a\", \"b\"]}}"),
            json);
    assertThat(read.problems()).isEmpty();
    assertThat(read.skipped()).isEqualTo(2);
    assertThat(read.lines()).isEqualTo(3);
    assertThat(read.entities()).hasSize(1);
    assertThat(read.entities().get(0).line()).isEqualTo(3);
    assertThat(read.entities().get(0).subjectSchema()).isEqualTo(Schema.COMPANY);
  }

  @Test
  void valuesThatAreNotTextAndUnpairedSurrogatesAreRefusedWithTheirField() {
    var read =
        FtmEntities.read(
            String.join(
                "\n",
                "{\"id\": \"p1\", \"schema\": \"Person\", \"properties\": {\"name\": [42]}}",
                "{\"id\": \"p2\", \"schema\": \"Person\", \"properties\": {\"name\": \"Ann\"}}",
                "{\"id\": \"p3\", \"schema\": \"Person\", \"properties\": {\"name\": [\"\\ud800\"]}}",
                "{\"id\": \"p4\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]},"
                    + " \"presstrace\": {\"marking\": \"TLP:PURPLE\"}}",
                "{\"id\": \"" + "x".repeat(101) + "\", \"schema\": \"Person\"}"),
            json);
    assertThat(read.problems())
        .extracting(FtmImportReport.Problem::line, FtmImportReport.Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "properties.name"),
            org.assertj.core.groups.Tuple.tuple(2, "properties.name"),
            org.assertj.core.groups.Tuple.tuple(3, "properties.name"),
            org.assertj.core.groups.Tuple.tuple(4, "presstrace.marking"),
            org.assertj.core.groups.Tuple.tuple(5, "id"));
    assertThat(read.problems().get(2).message()).contains("unpaired surrogate");
  }

  @Test
  void aFileOfMoreThanTheLimitOfEntitiesIsRefusedAtTheFirstLineBeyondIt() {
    String line = "{\"id\": \"p\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n";
    var read = FtmEntities.read(line.repeat(FtmEntities.MAX_LINES + 5), json);
    assertThat(read.problems())
        .filteredOn(problem -> problem.message().contains("at most"))
        .extracting(FtmImportReport.Problem::line)
        .containsExactly(FtmEntities.MAX_LINES + 1);
  }
}
