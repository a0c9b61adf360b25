package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.Registry;

/** {@code presstrace trace}: the same guarded, audited trace as the API, from the shell. */
class TraceCommandTests {

  @TempDir Path dir;

  private CommandLineData cli;

  @BeforeEach
  void data() {
    cli = new CommandLineData(dir);
  }

  @Test
  void tracesAPatternAsANamedUserWithAPurpose() {
    seed();

    int exit =
        cli.run("trace", "A1?3-55*", "--user", "cli.investigator", "--purpose", "Case 2026-CLI-1");

    assertThat(cli.err()).doesNotContain("presstrace:");
    assertThat(exit).isZero();
    assertThat(cli.out())
        .contains("TABLETING_ROTARY Acme RT-1  serial A123-5501 (PATTERN)  HELD")
        .contains("last lawful holder: Cli Dealer")
        .contains("1. ")
        .contains("MachineDeclared");

    int json =
        cli.run(
            "trace",
            "a123 5501",
            "--user",
            "cli.investigator",
            "--purpose",
            "Case 2026-CLI-1",
            "--json");
    assertThat(json).isZero();
    assertThat(cli.out()).startsWith("[{\"machine\":").contains("\"match\":\"NORMALISED\"");
  }

  @Test
  void anUnknownUserIsRefusedInOneLine() {
    int exit = cli.run("trace", "A123", "--user", "nobody", "--purpose", "Case 2026-CLI-2");

    assertThat(exit).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(cli.err().lines().filter(line -> line.startsWith("presstrace:")))
        .containsExactly("presstrace: no active user 'nobody'");
  }

  /** Registers a dealer, its machine and an investigator. */
  private void seed() {
    cli.seed(
        context -> {
          Directory directory = context.getBean(Directory.class);
          Registry registry = context.getBean(Registry.class);
          CommandLineData.ensureActiveDealer(context);
          CommandLineData.ensureUser(
              directory, "DEA", "DEA", "cli.investigator", "Inv", Role.INVESTIGATOR);
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
        });
  }
}
