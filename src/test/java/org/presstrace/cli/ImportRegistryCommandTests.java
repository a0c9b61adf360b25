package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.springframework.boot.SpringApplication;

/**
 * {@code presstrace import registry}: all or nothing from the shell, with progress and a report.
 */
class ImportRegistryCommandTests {

  static final String PASSWORD = "correct-horse-battery";
  static final String HEADER =
      "record,serial,make,model,kind,location,occurred_on,buyer_registration,buyer_checked_at\n";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);

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

    int refused = run("import", "registry", bad.toString(), "--user", "cli.dealer");

    assertThat(refused).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(out.toString())
        .contains("row 3, kind 'PRESS': not one of TABLETING_SINGLE_PUNCH")
        .contains("row 4, serial 'CLI-404': ");
    assertThat(err.toString()).contains("presstrace: bad.csv has 2 problems; nothing was stored");

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
    reset();
    int checked = run("import", "registry", big.toString(), "--user", "cli.dealer", "--dry-run");
    assertThat(checked).as(err.toString()).isZero();
    assertThat(err.toString()).contains("checked 10,000 of 10,000 rows");
    assertThat(out.toString()).contains("big.csv is valid: 10,000 rows").contains("dry run");

    Path fine =
        write(
            "good.csv",
            HEADER + good + "TRANSFER,CLI-1,Acme,,,," + day + "," + buyer + "," + day + "T09:00\n");
    reset();
    int imported = run("import", "registry", fine.toString(), "--user", "cli.dealer");
    assertThat(imported).as(err.toString()).isZero();
    assertThat(out.toString())
        .as("CLI-1 was not stored by the bad file, so it imports now")
        .contains("good.csv imported: 2 rows (1 inventory, 1 transfers)");

    reset();
    assertThat(
            run("import", "registry", dir.resolve("none.csv").toString(), "--user", "cli.dealer"))
        .isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(err.toString()).startsWith("presstrace: no file");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private void reset() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = dir.resolve("data").toString();
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all);
  }

  @Test
  void aDryRunDoesNotNameAnotherRegistrantsEquipment() throws IOException {
    String buyer = seed();
    try (var context = application()) {
      Directory directory = context.getBean(Directory.class);
      Registry registry = context.getBean(Registry.class);
      var owner = registry.registrantByNumber(buyer);
      directory.ensureUser(
          new NewUser("cli.owner", "Owner", owner.agencyCode(), Set.of(Role.REGISTRANT), PASSWORD));
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
    }
    Path probe =
        write(
            "probe.csv",
            HEADER + "INVENTORY,CLI-HELD-1,Quietworks,RT-1,TABLETING_ROTARY,Bay 4," + day + ",,\n");

    int refused = run("import", "registry", probe.toString(), "--user", "cli.dealer", "--dry-run");

    assertThat(refused).isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(out.toString())
        .contains("row 2, serial 'CLI-HELD-1': ")
        .contains("conflicts with an existing registration; the registry will contact you");
    assertThat(out + err.toString())
        .doesNotContain("already registered")
        .doesNotContain("Quietworks")
        .doesNotContain("QUIETWORKS")
        .doesNotContain("QW-Secret")
        .doesNotContain("Cli Owner")
        .doesNotContain(buyer)
        .doesNotContain("STOLEN");
  }

  private org.springframework.context.ConfigurableApplicationContext application() {
    Path data = dir.resolve("data");
    // made as the command line makes it, private to this account, before the seed opens it
    DataDirectory.prepare(data, notice -> {});
    var spring = new SpringApplication(PressTraceApplication.class);
    String[] arguments = {
      "--spring.main.web-application-type=none",
      "--logging.level.root=warn",
      "--presstrace.security.argon2.memory-kib=64",
      "--presstrace.security.argon2.iterations=1",
      "--presstrace.data-dir=" + data,
      "--spring.datasource.url=" + StorageOptions.embeddedUrl(data),
      "--spring.datasource.username=presstrace",
      "--spring.datasource.password="
    };
    return spring.run(arguments);
  }

  /** An active dealer with a user and an active buyer; returns the buyer's registration number. */
  private String seed() {
    try (var context = application()) {
      Directory directory = context.getBean(Directory.class);
      Registry registry = context.getBean(Registry.class);
      directory.ensureAgency("PTO", "Operator", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser("cli.admin", "Admin", "PTO", Set.of(Role.ADMINISTRATOR), PASSWORD));
      var admin = new AccessContext(directory.caller("cli.admin").orElseThrow(), Channel.CLI, null);
      var dealer =
          registry.register(
              admin,
              new NewRegistrant(
                  "Cli Dealer", null, RegistrantCategory.DEALER, null, "1 Way", null, "USA"));
      registry.activate(admin, dealer.id(), "inspected");
      var buyer =
          registry.register(
              admin,
              new NewRegistrant(
                  "Cli Owner", null, RegistrantCategory.OWNER, null, "2 Way", null, "USA"));
      registry.activate(admin, buyer.id(), "inspected");
      directory.ensureUser(
          new NewUser(
              "cli.dealer", "Dealer", dealer.agencyCode(), Set.of(Role.REGISTRANT), PASSWORD));
      return buyer.registrationNumber();
    }
  }
}
