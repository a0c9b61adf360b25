package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;

/** {@code presstrace red-flags}: what it prints carries the marking of red flags. */
class RedFlagsCommandTests {

  @TempDir Path dir;

  private CommandLineData cli;

  @BeforeEach
  void data() {
    cli = new CommandLineData(dir);
  }

  @Test
  void theRunIsPrintedUnderItsMarkingAsTextAndAsJson() {
    cli.seed(
        context -> {
          Directory directory = context.getBean(Directory.class);
          directory.ensureAgency("PTO", "Operator", AgencyKind.FEDERAL, "USA");
          CommandLineData.ensureUser(
              directory, "DEA", "DEA", "cli.analyst", "Analyst", Role.ANALYST);
        });

    int exit = cli.run("red-flags", "--user", "cli.analyst", "--purpose", "Case 2026-CLI-9");
    assertThat(cli.err()).doesNotContain("presstrace:");
    assertThat(exit).isZero();
    assertThat(cli.out().lines().findFirst()).contains("# TLP:RED (held by DEA alone)");

    int json =
        cli.run("red-flags", "--user", "cli.analyst", "--purpose", "Case 2026-CLI-9", "--json");
    assertThat(json).isZero();
    assertThat(cli.out()).contains("\"banner\":\"TLP:RED\"");
  }
}
