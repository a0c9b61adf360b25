package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.NewUser;
import org.presstrace.access.Role;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.springframework.boot.SpringApplication;

/** {@code presstrace trace}: the same guarded, audited trace as the API, from the shell. */
class TraceCommandTests {

  static final String PASSWORD = "correct-horse-battery";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void tracesAPatternAsANamedUserWithAPurpose() {
    seed();

    int exit =
        run("trace", "A1?3-55*", "--user", "cli.investigator", "--purpose", "Case 2026-CLI-1");

    assertThat(err.toString()).doesNotContain("presstrace:");
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("TABLETING_ROTARY Acme RT-1  serial A123-5501 (PATTERN)  HELD")
        .contains("last lawful holder: Cli Dealer")
        .contains("1. ")
        .contains("MachineDeclared");

    out.getBuffer().setLength(0);
    int json =
        run(
            "trace",
            "a123 5501",
            "--user",
            "cli.investigator",
            "--purpose",
            "Case 2026-CLI-1",
            "--json");
    assertThat(json).isZero();
    assertThat(out.toString()).startsWith("[{\"machine\":").contains("\"match\":\"NORMALISED\"");
  }

  @Test
  void anUnknownUserIsRefusedInOneLine() {
    int exit = run("trace", "A123", "--user", "nobody", "--purpose", "Case 2026-CLI-2");

    assertThat(exit).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(err.toString().lines().filter(line -> line.startsWith("presstrace:")))
        .containsExactly("presstrace: no active user 'nobody'");
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

  /** Registers a dealer, its machine and an investigator in the embedded database under dir. */
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
      Registry registry = context.getBean(Registry.class);
      directory.ensureAgency("PTO", "Operator", AgencyKind.FEDERAL, "USA");
      directory.ensureAgency("DEA", "DEA", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser("cli.admin", "Admin", "PTO", Set.of(Role.ADMINISTRATOR), PASSWORD));
      directory.ensureUser(
          new NewUser("cli.investigator", "Inv", "DEA", Set.of(Role.INVESTIGATOR), PASSWORD));
      var admin = new AccessContext(directory.caller("cli.admin").orElseThrow(), Channel.CLI, null);
      var dealer =
          registry.register(
              admin,
              new NewRegistrant(
                  "Cli Dealer", null, RegistrantCategory.DEALER, null, "1 Way", null, "USA"));
      registry.activate(admin, dealer.id(), "inspected");
      directory.ensureUser(
          new NewUser(
              "cli.dealer", "Dealer", dealer.agencyCode(), Set.of(Role.REGISTRANT), PASSWORD));
      registry.registerMachine(
          new AccessContext(directory.caller("cli.dealer").orElseThrow(), Channel.CLI, null),
          new NewMachine(
              "A123-5501",
              false,
              "Acme",
              "RT-1",
              EquipmentKind.TABLETING_ROTARY,
              null,
              "Bay 4",
              EquipmentOrigin.DECLARED,
              null,
              LocalDate.now(ZoneOffset.UTC),
              null));
    }
  }
}
