package org.presstrace.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Transfer;
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
          new Login("pto.supervisor", "Toni Marsh", "PTO", Role.SUPERVISOR),
          new Login("dea.investigator", "Dana Reyes", "DEA", Role.INVESTIGATOR),
          new Login("dea.supervisor", "Sam Whitfield", "DEA", Role.SUPERVISOR),
          new Login("dea.analyst", "Priya Natarajan", "DEA", Role.ANALYST),
          new Login("cbp.investigator", "Luis Ortega", "CBP", Role.INVESTIGATOR),
          new Login("mps.liaison", "Wei Zhang", "MPS-CN", Role.FOREIGN_LIAISON),
          new Login("acme.registrant", "Jordan Blake", "ACME-TABLET", Role.REGISTRANT),
          new Login("tristate.dealer", "Morgan Hale", "TRISTATE-EQUIP", Role.REGISTRANT),
          new Login("greenvalley.owner", "Riley Chen", "GREENVALLEY", Role.REGISTRANT));

  /** The logins of the partner instance, China's competent authority. */
  static final List<Login> PARTNER_LOGINS =
      List.of(
          new Login("admin", "Lin Yao", "PTO", Role.ADMINISTRATOR),
          new Login("auditor", "Guo Min", "PTO", Role.AUDITOR),
          new Login("nncc.investigator", "Li Na", "NNCC", Role.INVESTIGATOR),
          new Login("nncc.supervisor", "Zhao Lei", "NNCC", Role.SUPERVISOR),
          new Login("nncc.analyst", "Chen Jing", "NNCC", Role.ANALYST));

  private final Directory directory;
  private final IntelReports reports;
  private final Releases releases;
  private final Registry registry;
  private final RegistryDemo registryDemo;
  private final SeizureDemo seizureDemo;
  private final ResolutionDemo resolution;
  private final LinkDemo links;
  private final AssetDemo assets;
  private final HomeDemo home;
  private final Environment environment;
  private final Path dataDir;
  private final boolean partner;
  private final List<Login> logins;

  DemoWorld(
      Directory directory,
      IntelReports reports,
      Releases releases,
      Registry registry,
      RegistryDemo registryDemo,
      SeizureDemo seizureDemo,
      ResolutionDemo resolution,
      LinkDemo links,
      AssetDemo assets,
      HomeDemo home,
      Environment environment,
      DemoProperties settings) {
    this.directory = directory;
    this.reports = reports;
    this.releases = releases;
    this.registry = registry;
    this.registryDemo = registryDemo;
    this.seizureDemo = seizureDemo;
    this.resolution = resolution;
    this.links = links;
    this.assets = assets;
    this.home = home;
    this.environment = environment;
    this.dataDir = settings.dataDir();
    this.partner = settings.demo().partner();
    this.logins = partner ? PARTNER_LOGINS : LOGINS;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadAndAnnounce() throws IOException {
    Map<String, String> passwords = passwords();
    boolean fresh = load(passwords);
    announce(System.out, passwords, fresh);
  }

  /** Loads the world if it is not there yet; returns whether it loaded anything. */
  boolean load(Map<String, String> passwords) {
    if (partner) {
      return loadPartner(passwords);
    }
    directory.ensureAgency("PTO", "PressTrace Operations", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency("DEA", "Drug Enforcement Administration", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency("CBP", "U.S. Customs and Border Protection", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency("TXDPS", "Texas Department of Public Safety", AgencyKind.STATE, "USA");
    directory.ensureAgency(
        "MPS-CN", "Ministry of Public Security (liaison)", AgencyKind.FOREIGN_PARTNER, "CHN");
    directory.ensureAgency(
        "ACME-TABLET", "Acme Tablet Machinery LLC", AgencyKind.REGISTRANT, "USA");
    directory.ensureAgency(
        "TRISTATE-EQUIP", "Tri-State Pharma Equipment Inc.", AgencyKind.REGISTRANT, "USA");
    directory.ensureAgency(
        "GREENVALLEY", "Green Valley Nutraceuticals LLC", AgencyKind.REGISTRANT, "USA");
    // The world is new when its first login is; a login added to the list later is seeded into
    // an existing world without loading the world again.
    boolean fresh = directory.user(LOGINS.get(0).username()).isEmpty();
    for (Login login : LOGINS) {
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
    dutyContacts();
    reports();
    registry();
    registryDemo.load();
    seizureDemo.load("A173-5512");
    resolution.load(this::as);
    links.load(this::as, "A173-5512");
    assets.load(this::as);
    home.load(this::as);
    return true;
  }

  /**
   * The partner's world: its operator and its competent authority with one login per role it needs;
   * what it exchanges with the United States' instance is filed once both run.
   */
  private boolean loadPartner(Map<String, String> passwords) {
    directory.ensureAgency("PTO", "PressTrace Operations (NNCC)", AgencyKind.FEDERAL, "CHN");
    directory.ensureAgency(
        "NNCC", "China National Narcotics Control Commission", AgencyKind.FEDERAL, "CHN");
    boolean fresh = directory.user(PARTNER_LOGINS.get(0).username()).isEmpty();
    for (Login login : PARTNER_LOGINS) {
      directory.ensureUser(
          new NewUser(
              login.username(),
              login.displayName(),
              login.agency(),
              Set.of(login.role()),
              passwords.get(login.username())));
    }
    return fresh;
  }

  /** DEA and CBP name the desks deconfliction points other agencies to. */
  private void dutyContacts() {
    AccessContext admin = as("admin");
    directory.setDutyContact(
        admin, "DEA", "DEA Special Operations Division duty desk, +1 703 555 0100");
    directory.setDutyContact(
        admin, "CBP", "CBP National Targeting Center watch officer, +1 571 555 0150");
  }

  /**
   * Three registrants and twenty machines: a manufacturer sells to a dealer, the dealer to an
   * owner; parts installed; one press stolen, one seized, one with a tampered serial plate.
   */
  private void registry() {
    AccessContext admin = as("admin");
    var acme =
        registry.registerFor(
            admin,
            "ACME-TABLET",
            new NewRegistrant(
                "Acme Tablet Machinery LLC",
                "Acme Tablet",
                RegistrantCategory.MANUFACTURER,
                null,
                "400 Industrial Pkwy, Dayton, OH",
                "compliance@acme-tablet.example",
                "USA"));
    var dealer =
        registry.registerFor(
            admin,
            "TRISTATE-EQUIP",
            new NewRegistrant(
                "Tri-State Pharma Equipment Inc.",
                "Tri-State",
                RegistrantCategory.DEALER,
                null,
                "12 Commerce Dr, Newark, NJ",
                "sales@tristate.example",
                "USA"));
    var owner =
        registry.registerFor(
            admin,
            "GREENVALLEY",
            new NewRegistrant(
                "Green Valley Nutraceuticals LLC",
                null,
                RegistrantCategory.OWNER,
                null,
                "9 Orchard Rd, Fresno, CA",
                "ops@greenvalley.example",
                "USA"));
    for (var registrant : List.of(acme, dealer, owner)) {
      registry.activate(admin, registrant.id(), "Application and site inspection complete");
    }
    AccessContext maker = as("acme.registrant");
    AccessContext seller = as("tristate.dealer");
    AccessContext buyer = as("greenvalley.owner");
    AccessContext dea = as("dea.investigator");
    LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(120);
    var machines = new java.util.ArrayList<String>();
    for (int i = 0; i < 18; i++) {
      String serial = i == 7 ? "A173-5512" : String.format("AT-%04d-%02d", 2400 + i * 7, i);
      EquipmentKind kind =
          i % 3 == 0 ? EquipmentKind.TABLETING_SINGLE_PUNCH : EquipmentKind.TABLETING_ROTARY;
      machines.add(
          registry
              .registerMachine(
                  maker,
                  new NewMachine(
                      serial,
                      false,
                      "Acme",
                      kind == EquipmentKind.TABLETING_ROTARY ? "RT-24" : "SP-1",
                      kind,
                      null,
                      "Plant 1, Dayton",
                      EquipmentOrigin.MANUFACTURED,
                      null,
                      start.plusDays(i),
                      null))
              .id());
    }
    registry.registerMachine(
        maker,
        new NewMachine(
            "D-30-118",
            false,
            "Acme",
            "DS-8",
            EquipmentKind.DIE,
            null,
            "Plant 1, Dayton",
            EquipmentOrigin.MANUFACTURED,
            null,
            start,
            machines.get(1)));
    registry.registerMachine(
        maker,
        new NewMachine(
            "UP-30-118",
            false,
            "Acme",
            "UP-8",
            EquipmentKind.UPPER_PUNCH,
            "M / 30",
            "Plant 1, Dayton",
            EquipmentOrigin.MANUFACTURED,
            null,
            start,
            machines.get(1)));
    Instant checked = start.plusDays(30).atTime(10, 0).toInstant(ZoneOffset.UTC);
    for (int i = 4; i < 16; i++) {
      registry.transfer(
          maker,
          machines.get(i),
          new Transfer(dealer.registrationNumber(), checked, start.plusDays(31)));
    }
    Instant checkedAgain = start.plusDays(60).atTime(15, 30).toInstant(ZoneOffset.UTC);
    for (int i = 4; i < 10; i++) {
      registry.transfer(
          seller,
          machines.get(i),
          new Transfer(owner.registrationNumber(), checkedAgain, start.plusDays(61)));
    }
    registry.relocate(
        buyer,
        machines.get(5),
        new CustodyReport(start.plusDays(75), "Unit 3, 9 Orchard Rd, Fresno, CA"));
    registry.reportStolen(
        buyer,
        machines.get(7),
        new CustodyReport(start.plusDays(90), "Warehouse break-in; police report FPD-26-4411"));
    registry.seize(
        dea,
        machines.get(12),
        new CustodyReport(start.plusDays(100), "Search warrant, Operation Iron Press"));
    registry.reportSerialTampering(
        dea,
        machines.get(12),
        new CustodyReport(start.plusDays(100), "Serial plate partly ground off; AT-24?? readable"));
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
    for (Login login : logins) {
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
    out.println(
        (partner
                ? "PressTrace demo partner (China) is running at"
                : "PressTrace demo is running at")
            + " http://localhost:"
            + port
            + "/");
    out.println(
        fresh ? "Demo world loaded. Demo logins:" : "Demo world already loaded. Demo logins:");
    for (Login login : logins) {
      out.printf(
          "  %-18s %-20s %-16s %s%n",
          login.username(), passwords.get(login.username()), login.role().slug(), login.agency());
    }
    out.println("Stored in " + dataDir.resolve("demo-logins.properties").toAbsolutePath());
    out.println();
  }
}
