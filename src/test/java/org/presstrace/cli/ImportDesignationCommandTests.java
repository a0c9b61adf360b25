package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code presstrace import designation}: the files under {@code designations/cli} in the test
 * resources. A file with any problem prints every problem (row, field, message), exits 2 and
 * applies nothing; a good file previews, then applies as the next list version.
 */
class ImportDesignationCommandTests {

  static final Path FILES = Path.of("src/test/resources/designations/cli");

  @TempDir Path dir;

  private CommandLineData cli;

  @BeforeEach
  void data() {
    cli = new CommandLineData(dir);
  }

  @Test
  void badFilesApplyNothingAndPrintEveryProblemAndGoodFilesApply() {
    cli.seedAdministratorAndAnalyst();

    assertThat(importing("none.csv", "admin")).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(cli.err()).startsWith("presstrace: cannot read");

    assertRefused("empty.csv", "announcement, file: the file is empty");
    assertRefused(
        "unknown-jurisdiction.csv",
        "announcement, jurisdiction: jurisdiction 'XYZ' is not one designations can be imported"
            + " for: [USA, UN, CHN, GBR]");
    assertRefused("bad-cas.csv", "row 1, cas: ");
    assertThat(cli.err()).contains("437-38-8").contains("check digit");
    assertRefused(
        "bad-date.csv", "announcement, effective: effective date '01/07/2024' is not YYYY-MM-DD");
    assertRefused("one-bad-row.csv", "row 2, smiles: ");
    assertThat(cli.err())
        .doesNotContain("row 1,")
        .doesNotContain("row 3,")
        .contains("refused: 1 problem in 3 rows; nothing applied");

    assertThat(importing("good.csv", "analyst")).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(cli.err().strip()).isEqualTo("presstrace: only administrators import designations");

    assertThat(importing("good.csv", "admin", "--dry-run")).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains(
            "designation: CHN, Non-medical narcotic and psychotropic substances (supplementary"
                + " list), non-medical NPS, effective 2024-07-01; 2 substances, 1 new")
        .contains("row 1: isotonitazene -> isotonitazene (listed, matched by CAS 14188-81-9)")
        .contains("row 2: Clitestorphine -> clitestorphine (new substance)")
        .contains("dry run: nothing applied");

    assertThat(importing("good.csv", "admin")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("as list version 1 ");
    assertRefused("good.csv", "announcement, file: this announcement was applied already as list");

    assertThat(importing("good.json", "admin")).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("row 2: metonitazene -> metonitazene (listed, matched by CAS 14680-51-4)")
        .as("nothing the refused files held was applied in between")
        .contains("as list version 2 ");

    assertThat(
            cli.count(
                "SELECT COUNT(*) FROM substance WHERE id IN ('clibadrowone', 'clibadrowthree',"
                    + " 'clibadcas', 'clibaddate', 'clibadjurisdiction')"))
        .isZero();
    assertThat(
            cli.count(
                "SELECT COUNT(*) FROM control_action WHERE substance_id IN ('clitestorphine',"
                    + " 'isotonitazene', 'clijsonorphine', 'metonitazene')"
                    + " AND designation_id IS NOT NULL"))
        .isEqualTo(4);
  }

  private void assertRefused(String file, String problem) {
    assertThat(importing(file, "admin"))
        .as(cli.out())
        .isEqualTo(ImportDesignationCommand.EXIT_REFUSED);
    assertThat(cli.err())
        .contains(problem)
        .contains("presstrace: " + FILES.resolve(file) + " refused: ")
        .contains("nothing applied");
  }

  private int importing(String file, String user, String... more) {
    String[] args = {"import", "designation", FILES.resolve(file).toString(), "--user", user};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return cli.run(all);
  }
}
