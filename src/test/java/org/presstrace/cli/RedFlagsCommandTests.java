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

/** {@code presstrace red-flags}: what it prints carries the marking of red flags. */
class RedFlagsCommandTests {

  static final String PASSWORD = "correct-horse-battery";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void theRunIsPrintedUnderItsMarkingAsTextAndAsJson() {
    seed();

    int exit = run("red-flags", "--user", "cli.analyst", "--purpose", "Case 2026-CLI-9");
    assertThat(err.toString()).doesNotContain("presstrace:");
    assertThat(exit).isZero();
    assertThat(out.toString().lines().findFirst()).contains("# TLP:RED (held by DEA alone)");

    out.getBuffer().setLength(0);
    int json = run("red-flags", "--user", "cli.analyst", "--purpose", "Case 2026-CLI-9", "--json");
    assertThat(json).isZero();
    assertThat(out.toString()).contains("\"banner\":\"TLP:RED\"");
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = dir.toString();
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all);
  }

  private void seed() {
    var spring = new SpringApplication(PressTraceApplication.class);
    String[] arguments = {
      "--spring.main.web-application-type=none",
      "--logging.level.root=warn",
      "--presstrace.security.argon2.memory-kib=64",
      "--presstrace.security.argon2.iterations=1",
      "--presstrace.data-dir=" + dir,
      "--spring.datasource.url=" + StorageOptions.embeddedUrl(dir),
      "--spring.datasource.username=presstrace",
      "--spring.datasource.password="
    };
    try (var context = spring.run(arguments)) {
      Directory directory = context.getBean(Directory.class);
      directory.ensureAgency("PTO", "Operator", AgencyKind.FEDERAL, "USA");
      directory.ensureAgency("DEA", "DEA", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser("cli.analyst", "Analyst", "DEA", Set.of(Role.ANALYST), PASSWORD));
    }
  }
}
