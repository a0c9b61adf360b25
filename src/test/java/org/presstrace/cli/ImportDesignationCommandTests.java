package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.NewUser;
import org.presstrace.access.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code presstrace import designation}: the files under {@code designations/cli} in the test
 * resources. A file with any problem prints every problem (row, field, message), exits 2 and
 * applies nothing; a good file previews, then applies as the next list version.
 */
class ImportDesignationCommandTests {

  static final String PASSWORD = "correct-horse-battery";
  static final Path FILES = Path.of("src/test/resources/designations/cli");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void badFilesApplyNothingAndPrintEveryProblemAndGoodFilesApply() {
    seed();

    assertThat(importing("none.csv", "admin")).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(err.toString()).startsWith("presstrace: cannot read");

    assertRefused("empty.csv", "announcement, file: the file is empty");
    assertRefused(
        "unknown-jurisdiction.csv",
        "announcement, jurisdiction: jurisdiction 'XYZ' is not one designations can be imported"
            + " for: [USA, UN, CHN, GBR]");
    assertRefused("bad-cas.csv", "row 1, cas: ");
    assertThat(err.toString()).contains("437-38-8").contains("check digit");
    assertRefused(
        "bad-date.csv", "announcement, effective: effective date '01/07/2024' is not YYYY-MM-DD");
    assertRefused("one-bad-row.csv", "row 2, smiles: ");
    assertThat(err.toString())
        .doesNotContain("row 1,")
        .doesNotContain("row 3,")
        .contains("refused: 1 problem in 3 rows; nothing applied");

    assertThat(importing("good.csv", "analyst")).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(err.toString().strip())
        .isEqualTo("presstrace: only administrators import designations");

    assertThat(importing("good.csv", "admin", "--dry-run")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "designation: CHN, Non-medical narcotic and psychotropic substances (supplementary"
                + " list), non-medical NPS, effective 2024-07-01; 2 substances, 1 new")
        .contains("row 1: isotonitazene -> isotonitazene (listed, matched by CAS 14188-81-9)")
        .contains("row 2: Clitestorphine -> clitestorphine (new substance)")
        .contains("dry run: nothing applied");

    assertThat(importing("good.csv", "admin")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("as list version 1 ");
    assertRefused("good.csv", "announcement, file: this announcement was applied already as list");

    assertThat(importing("good.json", "admin")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("row 2: metonitazene -> metonitazene (listed, matched by CAS 14680-51-4)")
        .as("nothing the refused files held was applied in between")
        .contains("as list version 2 ");

    assertThat(
            count(
                "SELECT COUNT(*) FROM substance WHERE id IN ('clibadrowone', 'clibadrowthree',"
                    + " 'clibadcas', 'clibaddate', 'clibadjurisdiction')"))
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM control_action WHERE substance_id IN ('clitestorphine',"
                    + " 'isotonitazene', 'clijsonorphine', 'metonitazene')"
                    + " AND designation_id IS NOT NULL"))
        .isEqualTo(4);
  }

  private void assertRefused(String file, String problem) {
    assertThat(importing(file, "admin"))
        .as(out.toString())
        .isEqualTo(ImportDesignationCommand.EXIT_REFUSED);
    assertThat(err.toString())
        .contains(problem)
        .contains("presstrace: " + FILES.resolve(file) + " refused: ")
        .contains("nothing applied");
  }

  private int importing(String file, String user, String... more) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] args = {
      "import",
      "designation",
      FILES.resolve(file).toString(),
      "--user",
      user,
      "--data",
      dir.resolve("data").toString()
    };
    if (more.length > 0) {
      String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
      System.arraycopy(more, 0, all, args.length, more.length);
      args = all;
    }
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private String[] springArguments() {
    Path data = dir.resolve("data");
    // made as the command line makes it, private to this account, before the seed opens it
    DataDirectory.prepare(data, notice -> {});
    return new String[] {
      "--spring.main.web-application-type=none",
      "--logging.level.root=warn",
      "--presstrace.security.argon2.memory-kib=64",
      "--presstrace.security.argon2.iterations=1",
      "--presstrace.data-dir=" + data,
      "--spring.datasource.url=" + StorageOptions.embeddedUrl(data),
      "--spring.datasource.username=presstrace",
      "--spring.datasource.password="
    };
  }

  private void seed() {
    try (var context = new SpringApplication(PressTraceApplication.class).run(springArguments())) {
      Directory directory = context.getBean(Directory.class);
      directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser(
              "admin",
              "Administrator",
              directory.operatorAgency(),
              Set.of(Role.ADMINISTRATOR),
              PASSWORD));
      directory.ensureAgency("CBP", "Customs and Border Protection", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser("analyst", "Analyst", "CBP", Set.of(Role.ANALYST), PASSWORD));
    }
  }

  private long count(String sql) {
    try (var context = new SpringApplication(PressTraceApplication.class).run(springArguments())) {
      return context.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }
  }
}
