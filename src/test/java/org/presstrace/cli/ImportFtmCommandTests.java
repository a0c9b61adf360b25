package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.Role;

/**
 * {@code presstrace import ftm}: a file with a bad line stores nothing; a good one imports, and
 * imports nothing again the second time.
 */
class ImportFtmCommandTests {

  static final String PERSON =
      "{\"id\": \"p1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Rafael Quintero\"]}}";
  static final String COMPANY =
      "{\"id\": \"c1\", \"schema\": \"Company\", \"properties\": {\"name\": [\"Consorcio Delta\"]}}";
  static final String DIRECTOR =
      "{\"id\": \"d1\", \"schema\": \"Directorship\", \"properties\": {\"director\": [\"p1\"],"
          + " \"organization\": [\"c1\"], \"role\": [\"manager\"]}}";

  @TempDir Path dir;

  private CommandLineData cli;

  @BeforeEach
  void data() {
    cli = new CommandLineData(dir);
  }

  @Test
  void aBadFileIsRefusedWithItsLinesAndAGoodOneImportsOnce() throws IOException {
    cli.seedUser(
        "CBP", "Customs and Border Protection", "cbp.officer", "Officer", Role.INVESTIGATOR);
    Path bad =
        Files.writeString(
            dir.resolve("bad.ftm.json"),
            String.join(
                "\n",
                PERSON,
                "{\"id\": \"x\", \"schema\": \"Airplane\", \"properties\": {}}",
                "not json",
                DIRECTOR.replace("\"c1\"", "\"nobody\"")),
            StandardCharsets.UTF_8);

    assertThat(importing("--file", bad.toString(), "--source", "Partner", "--tlp", "AMBER"))
        .isEqualTo(RowRefusal.EXIT_REFUSED);
    assertThat(cli.err())
        .contains("line 2, schema: schema 'Airplane' is not one PressTrace imports")
        .contains("line 3: the line is not JSON")
        .contains("line 4, properties.organization: no subject 'nobody' that you may read")
        .contains("problems in 4 lines; nothing stored")
        .doesNotContain("line 1,");
    assertThat(stored()).isZero();

    Path good =
        Files.writeString(
            dir.resolve("good.ftm.json"), String.join("\n", PERSON, COMPANY, DIRECTOR) + "\n");
    assertThat(
            importing(
                "--file", good.toString(), "--source", "Partner", "--tlp", "AMBER", "--dry-run"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).contains("3 new").contains("nothing stored");
    assertThat(stored()).isZero();

    assertThat(importing("--file", good.toString(), "--source", "Partner", "--tlp", "AMBER"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).contains("3 new, 0 unchanged, 0 updated");
    assertThat(stored()).isEqualTo(3);

    assertThat(importing("--file", good.toString(), "--source", "Partner", "--tlp", "AMBER"))
        .isZero();
    assertThat(cli.out()).contains("0 new, 3 unchanged, 0 updated");
    assertThat(stored()).isEqualTo(3);

    assertThat(importing("--file", good.toString(), "--source", "Partner", "--tlp", "PURPLE"))
        .isNotZero();
    assertThat(cli.err()).contains("PURPLE").doesNotContain("\tat ");
  }

  /** {@code presstrace import ftm ARGS} as the CBP officer. */
  private int importing(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "import";
    all[1] = "ftm";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--user";
    all[args.length + 3] = "cbp.officer";
    return cli.run(all);
  }

  private long stored() {
    return cli.count(
        "SELECT (SELECT COUNT(*) FROM resolution_entity) + (SELECT COUNT(*) FROM resolution_link)");
  }
}
