package org.presstrace.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.NewUser;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Seeds the first start of the PressTrace process that {@link LedgerCrashTests} kills: the operator
 * agency with an administrator, and two active registrants (a manufacturer and a dealer) with one
 * login each, all with the password the test passes in. Writes the registrants' ids and
 * registration numbers to {@code crash-registrants.properties} in the data directory.
 *
 * <p>Not a component: the test adds it to the child process only, through {@code
 * spring.main.sources}, so no other context ever sees it.
 */
public class CrashSeed {

  static final String FILE = "crash-registrants.properties";

  private final Directory directory;
  private final Registry registry;
  private final String password;
  private final Path dataDir;

  public CrashSeed(
      Directory directory,
      Registry registry,
      @Value("${presstrace.crash-test.password}") String password,
      @Value("${presstrace.data-dir}") Path dataDir) {
    this.directory = directory;
    this.registry = registry;
    this.password = password;
    this.dataDir = dataDir;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    directory.ensureAgency("PTO", "PressTrace Operations", AgencyKind.FEDERAL, "USA");
    directory.ensureUser(
        new NewUser("admin", "Crash Admin", "PTO", Set.of(Role.ADMINISTRATOR), password));
    var admin =
        new AccessContext(
            directory.caller("admin").orElseThrow(),
            Channel.CLI,
            new Purpose("Seeding the ledger crash test"));
    var properties = new Properties();
    registrant(admin, "maker", "CRASH-MAKER", RegistrantCategory.MANUFACTURER, properties);
    registrant(admin, "dealer", "CRASH-DEALER", RegistrantCategory.DEALER, properties);
    try (var out = Files.newBufferedWriter(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
      properties.store(out, "ledger crash test registrants");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void registrant(
      AccessContext admin,
      String login,
      String agency,
      RegistrantCategory category,
      Properties properties) {
    directory.ensureAgency(agency, agency + " Inc.", AgencyKind.REGISTRANT, "USA");
    directory.ensureUser(
        new NewUser(login, agency + " clerk", agency, Set.of(Role.REGISTRANT), password));
    RegistrantView registrant =
        registry.registerFor(
            admin,
            agency,
            new NewRegistrant(
                agency + " Inc.",
                null,
                category,
                null,
                "1 Test Way, Dayton, OH",
                "clerk@" + login + ".example",
                "USA"));
    registry.activate(admin, registrant.id(), "Crash test registrant");
    properties.setProperty(login + ".id", registrant.id());
    properties.setProperty(login + ".registration", registrant.registrationNumber());
  }
}
