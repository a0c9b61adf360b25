package org.presstrace.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.NewUser;
import org.presstrace.access.Purpose;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo world once and prints the URL and logins at every start. Passwords are random,
 * made at first load and kept in {@code demo-logins.properties} in the data directory (readable by
 * its owner only): nothing secret is in the repository.
 */
@Component
@ConditionalOnProperty(name = "presstrace.demo.enabled", havingValue = "true")
class DemoWorld {

  /** One demo login: who, which agency, which role. */
  record Login(String username, String displayName, String agency, Role role) {}

  static final List<Login> LOGINS =
      List.of(
          new Login("admin", "Alex Operator", "PTO", Role.ADMINISTRATOR),
          new Login("auditor", "Avery Auditor", "PTO", Role.AUDITOR),
          new Login("dea.investigator", "Dana Reyes", "DEA", Role.INVESTIGATOR),
          new Login("dea.supervisor", "Sam Whitfield", "DEA", Role.SUPERVISOR),
          new Login("dea.analyst", "Priya Natarajan", "DEA", Role.ANALYST),
          new Login("cbp.investigator", "Luis Ortega", "CBP", Role.INVESTIGATOR),
          new Login("mps.liaison", "Wei Zhang", "MPS-CN", Role.FOREIGN_LIAISON),
          new Login("acme.registrant", "Jordan Blake", "ACME-TABLET", Role.REGISTRANT));

  private final Directory directory;
  private final IntelReports reports;
  private final Releases releases;
  private final Environment environment;
  private final Path dataDir;

  DemoWorld(
      Directory directory,
      IntelReports reports,
      Releases releases,
      Environment environment,
      @Value("${presstrace.data-dir}") Path dataDir) {
    this.directory = directory;
    this.reports = reports;
    this.releases = releases;
    this.environment = environment;
    this.dataDir = dataDir;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadAndAnnounce() throws IOException {
    Map<String, String> passwords = passwords();
    boolean fresh = load(passwords);
    announce(System.out, passwords, fresh);
  }

  /** Loads the world if it is not there yet; returns whether it loaded anything. */
  boolean load(Map<String, String> passwords) {
    directory.ensureAgency("PTO", "PressTrace Operations", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency("DEA", "Drug Enforcement Administration", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency("CBP", "U.S. Customs and Border Protection", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency("TXDPS", "Texas Department of Public Safety", AgencyKind.STATE, "USA");
    directory.ensureAgency(
        "MPS-CN", "Ministry of Public Security (liaison)", AgencyKind.FOREIGN_PARTNER, "CHN");
    directory.ensureAgency(
        "ACME-TABLET", "Acme Tablet Machinery LLC", AgencyKind.REGISTRANT, "USA");
    boolean fresh = false;
    for (Login login : LOGINS) {
      fresh |=
          directory.ensureUser(
              new NewUser(
                  login.username(),
                  login.displayName(),
                  login.agency(),
                  Set.of(login.role()),
                  passwords.get(login.username())));
    }
    if (!fresh) {
      return false;
    }
    directory.ensureCompartment("OP-IRONPRESS", "Operation Iron Press case team", "DEA");
    directory.ensureMember("OP-IRONPRESS", "dea.investigator");
    directory.ensureMember("OP-IRONPRESS", "dea.supervisor");
    reports();
    return true;
  }

  private void reports() {
    AccessContext dea = as("dea.investigator");
    AccessContext cbp = as("cbp.investigator");
    AccessContext supervisor = as("dea.supervisor");
    reports.create(
        dea,
        new IntelReportDraft(
            "Bulletin: counterfeit M/30 tablets in circulation",
            "Blue round tablets imprinted M on one side and 30 on the other, pressed with fentanyl"
                + " in place of oxycodone, seen in several states. Share with the public.",
            Marking.of("DEA", Tlp.CLEAR)));
    reports.create(
        cbp,
        new IntelReportDraft(
            "Rotary press parts declared as 'food machinery'",
            "Three consignments of punches and dies for a rotary tablet press entered through Los"
                + " Angeles declared as food processing equipment. Importers are being identified.",
            new Marking("CBP", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("USA")), null)));
    var precursor =
        reports.create(
            dea,
            new IntelReportDraft(
                "Precursor shipment: 4-AP ordered through a trading company",
                "A trading company ordered 25 kg of 4-anilinopiperidine for delivery to a"
                    + " freight forwarder. Pre-export notification expected; partner asked to check the"
                    + " exporter.",
                new Marking(
                    "DEA", Tlp.AMBER, "LEI", false, Marking.relTo(List.of("USA", "CHN")), null)));
    reports.create(
        dea,
        new IntelReportDraft(
            "Source of seized die set: domestic dealer",
            "Tooling seized in Phoenix carries a die set serial sold by a registered dealer in 2024."
                + " Not for foreign release.",
            new Marking("DEA", Tlp.AMBER, "LEI", true, null, null)));
    reports.create(
        dea,
        new IntelReportDraft(
            "Operation Iron Press: informant reporting",
            "Case team only. An informant places a powered rotary press in a storage unit.",
            new Marking("DEA", Tlp.RED, "INF", true, null, "OP-IRONPRESS")));
    var release =
        releases.request(
            dea,
            "intel-report",
            precursor.id(),
            "MPS-CN",
            "Partner can verify the exporter under the precursor agreement");
    releases.approve(supervisor, release.id(), "Agreed under the bilateral precursor arrangement");
    releases.request(
        dea, "intel-report", precursor.id(), "CBP", "CBP watches the forwarder's inbound freight");
  }

  private AccessContext as(String username) {
    return new AccessContext(
        directory.caller(username).orElseThrow(),
        Channel.CLI,
        new Purpose("Loading the demo world"));
  }

  private Map<String, String> passwords() throws IOException {
    Path file = dataDir.resolve("demo-logins.properties");
    var stored = new Properties();
    if (Files.exists(file)) {
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        stored.load(in);
      }
    }
    var passwords = new LinkedHashMap<String, String>();
    boolean changed = false;
    for (Login login : LOGINS) {
      String password = stored.getProperty(login.username());
      if (password == null) {
        password = randomPassword();
        stored.setProperty(login.username(), password);
        changed = true;
      }
      passwords.put(login.username(), password);
    }
    if (changed) {
      Files.createDirectories(dataDir);
      try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        stored.store(out, "PressTrace demo logins (demo profile only)");
      }
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system; the data directory's own permissions apply
      }
    }
    return passwords;
  }

  private static String randomPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    var random = new SecureRandom();
    var password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }

  void announce(PrintStream out, Map<String, String> passwords, boolean fresh) {
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    out.println();
    out.println("PressTrace demo is running at http://localhost:" + port + "/");
    out.println(
        fresh ? "Demo world loaded. Demo logins:" : "Demo world already loaded. Demo logins:");
    for (Login login : LOGINS) {
      out.printf(
          "  %-18s %-20s %-16s %s%n",
          login.username(), passwords.get(login.username()), login.role().slug(), login.agency());
    }
    out.println("Stored in " + dataDir.resolve("demo-logins.properties").toAbsolutePath());
    out.println();
  }
}
