package org.presstrace.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.presstrace.PressTraceApplication;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.NewUser;
import org.presstrace.access.Role;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the command tests share: a data directory in a test's own folder, {@code presstrace} run
 * against it with what it prints kept, and PressTrace opened on it (no web server) to seed users
 * and records or to count what a command stored. Nothing is made before the first run or open, so a
 * test can show that a refused command made no directory.
 */
final class CommandLineData {

  static final String PASSWORD = "correct-horse-battery";

  private final Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  CommandLineData(Path folder) {
    this.data = folder.resolve("data");
  }

  Path path() {
    return data;
  }

  /** Runs {@code presstrace ARGS --data DIR} with what earlier runs printed cleared; its exit. */
  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--data";
    all[args.length + 1] = data.toString();
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all);
  }

  /** What the last run printed on standard output. */
  String out() {
    return out.toString();
  }

  /** What the last run printed on standard error. */
  String err() {
    return err.toString();
  }

  /**
   * Opens PressTrace on the directory, made first as the command line makes it (private to this
   * account), hands it to {@code work} and closes it.
   */
  <T> T open(Function<ConfigurableApplicationContext, T> work) {
    DataDirectory.prepare(data, notice -> {});
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
    try (var context = new SpringApplication(PressTraceApplication.class).run(arguments)) {
      return work.apply(context);
    }
  }

  /** Opens PressTrace on the directory as {@link #open} does, to store what a test needs. */
  void seed(Consumer<ConfigurableApplicationContext> work) {
    open(
        context -> {
          work.accept(context);
          return null;
        });
  }

  /** A {@code SELECT COUNT(*)} on the stored data. */
  long count(String sql) {
    return open(context -> context.getBean(JdbcClient.class).sql(sql).query(Long.class).single());
  }

  /** Opens PressTrace on the directory to store one user as {@link #ensureUser} does. */
  void seedUser(String agency, String agencyName, String login, String name, Role role) {
    seed(
        context ->
            ensureUser(context.getBean(Directory.class), agency, agencyName, login, name, role));
  }

  /** Opens PressTrace on the directory to store the operator's administrator and a CBP analyst. */
  void seedAdministratorAndAnalyst() {
    seed(
        context -> {
          Directory directory = context.getBean(Directory.class);
          ensureUser(
              directory,
              directory.operatorAgency(),
              "Operator",
              "admin",
              "Administrator",
              Role.ADMINISTRATOR);
          ensureUser(
              directory,
              "CBP",
              "Customs and Border Protection",
              "analyst",
              "Analyst",
              Role.ANALYST);
        });
  }

  /**
   * The operator's administrator {@code cli.admin}, and an active dealer "Cli Dealer" with its user
   * {@code cli.dealer}; returns the administrator, for more registrations.
   */
  static AccessContext ensureActiveDealer(ConfigurableApplicationContext context) {
    Directory directory = context.getBean(Directory.class);
    Registry registry = context.getBean(Registry.class);
    ensureUser(directory, "PTO", "Operator", "cli.admin", "Admin", Role.ADMINISTRATOR);
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
    return admin;
  }

  /** A federal agency of the United States, and one active user of it with {@link #PASSWORD}. */
  static void ensureUser(
      Directory directory, String agency, String agencyName, String login, String name, Role role) {
    directory.ensureAgency(agency, agencyName, AgencyKind.FEDERAL, "USA");
    directory.ensureUser(new NewUser(login, name, agency, Set.of(role), PASSWORD));
  }
}
