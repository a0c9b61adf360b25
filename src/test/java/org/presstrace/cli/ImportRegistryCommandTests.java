package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.NewUser;
import org.presstrace.access.Role;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;

/**
 * {@code presstrace import registry}: all or nothing from the shell, with progress and a report.
 */
class ImportRegistryCommandTests {

  static final String HEADER =
      "record,serial,make,model,kind,location,occurred_on,buyer_registration,buyer_checked_at\n";

  @TempDir Path dir;

  private CommandLineData cli;
  private final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);

  @BeforeEach
  void data() {
    cli = new CommandLineData(dir);
  }

  @Test
  void aBadFileStoresNothingAndAGoodOneImportsWithProgressForLargeFiles() throws IOException {
    String buyer = seed();
    String good = "INVENTORY,CLI-1,Acme,RT-1,TABLETING_ROTARY,\"Bay 4, rack 2\"," + day + ",,\n";
    Path bad =
        write(
            "bad.csv",
            HEADER
                + good
                + "INVENTORY,CLI-2,Acme,RT-1,PRESS,Bay 4,"
                + day
                + ",,\n"
                + "TRANSFER,CLI-404,Acme,,,,"
                + day
                + ","
                + buyer
                + ","
                + day
                + "T09:00\n");

    int refused = cli.run("import", "registry", bad.toString(), "--user", "cli.dealer");

    assertThat(refused).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(cli.out())
        .contains("row 3, kind 'PRESS': not one of TABLETING_SINGLE_PUNCH")
        .contains("row 4, serial 'CLI-404': ");
    assertThat(cli.err()).contains("presstrace: bad.csv has 2 problems; nothing was stored");

    var large = new StringBuilder(HEADER);
    for (int i = 0; i < 10_000; i++) {
      large
          .append("INVENTORY,BIG-")
          .append(i)
          .append(",Acme,RT-1,DIE,Bay 5,")
          .append(day)
          .append(",,\n");
    }
    Path big = write("big.csv", large.toString());
    int checked =
        cli.run("import", "registry", big.toString(), "--user", "cli.dealer", "--dry-run");
    assertThat(checked).as(cli.err()).isZero();
    assertThat(cli.err()).contains("checked 10,000 of 10,000 rows");
    assertThat(cli.out()).contains("big.csv is valid: 10,000 rows").contains("dry run");

    Path fine =
        write(
            "good.csv",
            HEADER + good + "TRANSFER,CLI-1,Acme,,,," + day + "," + buyer + "," + day + "T09:00\n");
    int imported = cli.run("import", "registry", fine.toString(), "--user", "cli.dealer");
    assertThat(imported).as(cli.err()).isZero();
    assertThat(cli.out())
        .as("CLI-1 was not stored by the bad file, so it imports now")
        .contains("good.csv imported: 2 rows (1 inventory, 1 transfers)");

    assertThat(
            cli.run(
                "import", "registry", dir.resolve("none.csv").toString(), "--user", "cli.dealer"))
        .isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(cli.err()).startsWith("presstrace: no file");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void aDryRunDoesNotNameAnotherRegistrantsEquipment() throws IOException {
    String buyer = seed();
    cli.seed(
        context -> {
          Directory directory = context.getBean(Directory.class);
          Registry registry = context.getBean(Registry.class);
          var owner = registry.registrantByNumber(buyer);
          directory.ensureUser(
              new NewUser(
                  "cli.owner",
                  "Owner",
                  owner.agencyCode(),
                  Set.of(Role.REGISTRANT),
                  CommandLineData.PASSWORD));
          var holding =
              new AccessContext(directory.caller("cli.owner").orElseThrow(), Channel.CLI, null);
          var held =
              registry.registerMachine(
                  holding,
                  new NewMachine(
                      "CLI-HELD-1",
                      false,
                      "Quietworks",
                      "QW-Secret",
                      EquipmentKind.TABLETING_ROTARY,
                      null,
                      "Back room",
                      EquipmentOrigin.DECLARED,
                      null,
                      day,
                      null));
          registry.reportStolen(holding, held.id(), new CustodyReport(day, "taken"));
        });
    Path probe =
        write(
            "probe.csv",
            HEADER + "INVENTORY,CLI-HELD-1,Quietworks,RT-1,TABLETING_ROTARY,Bay 4," + day + ",,\n");

    int refused =
        cli.run("import", "registry", probe.toString(), "--user", "cli.dealer", "--dry-run");

    assertThat(refused).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(cli.out())
        .contains("row 2, serial 'CLI-HELD-1': ")
        .contains("conflicts with an existing registration; the registry will contact you");
    assertThat(cli.out() + cli.err())
        .doesNotContain("already registered")
        .doesNotContain("Quietworks")
        .doesNotContain("QUIETWORKS")
        .doesNotContain("QW-Secret")
        .doesNotContain("Cli Owner")
        .doesNotContain(buyer)
        .doesNotContain("STOLEN");
  }

  /** An active dealer with a user and an active buyer; returns the buyer's registration number. */
  private String seed() {
    return cli.open(
        context -> {
          var admin = CommandLineData.ensureActiveDealer(context);
          Registry registry = context.getBean(Registry.class);
          var buyer =
              registry.register(
                  admin,
                  new NewRegistrant(
                      "Cli Owner", null, RegistrantCategory.OWNER, null, "2 Way", null, "USA"));
          registry.activate(admin, buyer.id(), "inspected");
          return buyer.registrationNumber();
        });
  }
}
