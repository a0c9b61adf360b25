package org.presstrace.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.registry.ComplianceQueue;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.DemoHistory;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.MachineView;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.Party;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportedItem;
import org.presstrace.registry.TransactionReportForm;
import org.presstrace.registry.TransactionReports;
import org.presstrace.registry.Transfer;
import org.presstrace.shared.CountryCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry at national scale for the demo: about three hundred registrants of every category
 * and several thousand machines, parts and moulds with three years of history (manufactured,
 * declared, sold along dealer chains, relocated, lost, stolen, recovered, seized, forfeited,
 * destroyed, tampered with), open import reports, late reports and unusual acquirers in the
 * compliance queue. Everything goes through the registry's services, so each custody event is
 * audited and in the ledger; the same seed gives the same world.
 *
 * <p>The services record every report as made now. A registry's history was reported as it
 * happened, so the demo then dates each custody report to the day the story says it was made (the
 * day after the event; a chosen few weeks late) and spreads registration expiry days over the year,
 * through the registry's {@link DemoHistory}, meant for the demo world alone. Neither is part of a
 * ledger leaf; the ledger stays whole.
 */
@Component
class RegistryDemo {

  private static final Logger log = LoggerFactory.getLogger(RegistryDemo.class);
  private static final long SEED = 20260415L;
  private static final int HISTORY_DAYS = 3 * 365;

  private static final String[] FIRST =
      "Allied Apex Atlas Bayside Beacon Birchwood Blue Ridge Cardinal Cascade Cedar Centennial Coastal Compass Crescent Delta Eagle Evergreen Frontier Gateway Granite Harbor Heartland Highland Horizon Ironwood Keystone Lakeside Liberty Magnolia Meridian Midland Northstar Oakridge Pacific Pinnacle Prairie Redwood Riverbend Sierra Summit Sunbelt Tidewater Trinity Valley Vanguard Westfield Willow"
          .split(" ");
  private static final Map<RegistrantCategory, String[]> TRADES =
      Map.of(
          RegistrantCategory.MANUFACTURER,
              new String[] {"Tablet Machinery", "Press Works", "Pharma Engineering"},
          RegistrantCategory.IMPORTER, new String[] {"Trading", "Import Co.", "Global Sourcing"},
          RegistrantCategory.EXPORTER, new String[] {"Export Services", "Machinery Export"},
          RegistrantCategory.DEALER,
              new String[] {"Pharma Equipment", "Process Machinery", "Equipment Sales"},
          RegistrantCategory.OWNER,
              new String[] {"Nutraceuticals", "Pharmacy Compounding", "Vitamins", "Confectionery"},
          RegistrantCategory.BROKER, new String[] {"Customs Brokerage", "Freight Forwarding"});
  private static final String[] PLACES =
      "Dayton, OH;Newark, NJ;Fresno, CA;Houston, TX;Phoenix, AZ;Atlanta, GA;Chicago, IL;Denver, CO;Tampa, FL;Reno, NV;Columbus, OH;Raleigh, NC;Salt Lake City, UT;Portland, OR;Memphis, TN;Albany, NY;Omaha, NE;Boise, ID;Laredo, TX;San Diego, CA"
          .split(";");
  private static final String[] STREETS =
      "Industrial Pkwy;Commerce Dr;Orchard Rd;Enterprise Way;Harbor Blvd;Mill St;Technology Ct;Distribution Ave"
          .split(";");
  private static final String[] MAKES = {
    "Norbridge", "Vantor", "Keller & Voss", "Pressline", "Tabletek", "Hollis", "Capsumatic"
  };

  /** One whole machine's model line. */
  private record Model(String name, EquipmentKind kind) {}

  private static final List<Model> MODELS =
      List.of(
          new Model("SP-1", EquipmentKind.TABLETING_SINGLE_PUNCH),
          new Model("SP-3X", EquipmentKind.TABLETING_SINGLE_PUNCH),
          new Model("RT-16", EquipmentKind.TABLETING_ROTARY),
          new Model("RT-24", EquipmentKind.TABLETING_ROTARY),
          new Model("RT-45HS", EquipmentKind.TABLETING_ROTARY),
          new Model("CF-100M", EquipmentKind.ENCAPSULATING_MANUAL),
          new Model("CS-400", EquipmentKind.ENCAPSULATING_SEMI_AUTOMATIC),
          new Model("CA-1200", EquipmentKind.ENCAPSULATING_AUTOMATIC));

  private static final List<EquipmentKind> PARTS =
      List.of(
          EquipmentKind.UPPER_PUNCH,
          EquipmentKind.LOWER_PUNCH,
          EquipmentKind.DIE,
          EquipmentKind.TURRET,
          EquipmentKind.HOPPER,
          EquipmentKind.FEEDER,
          EquipmentKind.MOULD);
  private static final String[] IMPRINTS = {
    "M / 30", "A / 215", "K9", "V / 48 12", "512", "G 3722"
  };

  private final Registry registry;
  private final TransactionReports reports;
  private final ComplianceQueue compliance;
  private final Directory directory;
  private final DemoHistory history;
  private final TransactionTemplate transactions;

  private Random random;
  private LocalDate today;
  private final Map<RegistrantCategory, List<RegistrantView>> active =
      new EnumMap<>(RegistrantCategory.class);
  private final List<RegistrantView> toSuspend = new ArrayList<>();
  private final List<RegistrantView> toLapse = new ArrayList<>();
  private final List<String> lateMachines = new ArrayList<>();
  private int serials;

  RegistryDemo(
      Registry registry,
      TransactionReports reports,
      ComplianceQueue compliance,
      Directory directory,
      DemoHistory history,
      TransactionTemplate transactions) {
    this.registry = registry;
    this.reports = reports;
    this.compliance = compliance;
    this.directory = directory;
    this.history = history;
    this.transactions = transactions;
  }

  /** Loads the registry world beside the named demo registrants; logs how long it took. */
  void load() {
    long started = System.nanoTime();
    random = new Random(SEED);
    today = LocalDate.now(ZoneOffset.UTC);
    serials = 0;
    active.clear();
    toSuspend.clear();
    toLapse.clear();
    lateMachines.clear();
    registrants();
    log.info(
        "registry demo: {} registrants in {} ms", history.size().registrants(), since(started));
    for (RegistrantView maker : active.get(RegistrantCategory.MANUFACTURER)) {
      transactions.executeWithoutResult(status -> manufactureAndSell(maker));
    }
    for (RegistrantView importer : active.get(RegistrantCategory.IMPORTER)) {
      transactions.executeWithoutResult(status -> importedStock(importer));
    }
    DemoHistory.Size size = history.size();
    log.info(
        "registry demo: {} items, {} custody events in {} ms",
        size.items(),
        size.custodyEvents(),
        since(started));
    transactions.executeWithoutResult(status -> unusualAcquirers());
    transactions.executeWithoutResult(status -> pendingImports());
    transactions.executeWithoutResult(status -> datedAsReported());
    transactions.executeWithoutResult(status -> laterStatuses());
    var swept = compliance.sweepNow(as("dea.supervisor"));
    log.info(
        "registry demo loaded in {} ms; compliance sweep raised {}",
        since(started),
        swept.raised());
  }

  // ---- registrants ---------------------------------------------------------------------------

  private void registrants() {
    for (RegistrantCategory category : RegistrantCategory.values()) {
      active.put(category, new ArrayList<>());
    }
    active.get(RegistrantCategory.MANUFACTURER).add(named("ACME-TABLET"));
    active.get(RegistrantCategory.DEALER).add(named("TRISTATE-EQUIP"));
    active.get(RegistrantCategory.OWNER).add(named("GREENVALLEY"));
    Map<RegistrantCategory, Integer> counts =
        Map.of(
            RegistrantCategory.MANUFACTURER, 14,
            RegistrantCategory.IMPORTER, 14,
            RegistrantCategory.EXPORTER, 8,
            RegistrantCategory.DEALER, 50,
            RegistrantCategory.OWNER, 200,
            RegistrantCategory.BROKER, 10);
    AccessContext admin = as("admin");
    transactions.executeWithoutResult(
        status -> {
          for (RegistrantCategory category : RegistrantCategory.values()) {
            for (int i = 0; i < counts.get(category); i++) {
              register(admin, category, i);
            }
          }
        });
  }

  private void register(AccessContext admin, RegistrantCategory category, int index) {
    String[] trades = TRADES.get(category);
    String legal =
        FIRST[(index * 7 + category.ordinal() * 11) % FIRST.length]
            + " "
            + trades[index % trades.length]
            + (index >= FIRST.length ? " " + (index / FIRST.length + 1) : "")
            + (random.nextBoolean() ? " LLC" : " Inc.");
    String place = PLACES[random.nextInt(PLACES.length)];
    boolean holdsDea = category != RegistrantCategory.BROKER && random.nextInt(3) > 0;
    var registrant =
        registry.register(
            admin,
            new NewRegistrant(
                legal,
                random.nextInt(4) == 0 ? legal.split(" ")[0] + " " + trades[0] : null,
                category,
                holdsDea ? deaNumber(legal) : null,
                (100 + random.nextInt(9800))
                    + " "
                    + STREETS[random.nextInt(STREETS.length)]
                    + ", "
                    + place,
                "compliance@" + legal.split(" ")[0].toLowerCase(Locale.ROOT) + index + ".example",
                "USA"));
    int roll = random.nextInt(100);
    if (roll < 4) {
      return; // application still pending
    }
    registrant =
        registry.activate(admin, registrant.id(), "Application and site inspection complete");
    active.get(category).add(registrant);
    if (roll < 8) {
      toSuspend.add(registrant);
    } else if (roll < 11) {
      toLapse.add(registrant);
    }
  }

  /** A DEA number that passes the check digit, lettered for the registrant's name. */
  private String deaNumber(String legalName) {
    int[] d = new int[6];
    for (int i = 0; i < 6; i++) {
      d[i] = random.nextInt(10);
    }
    int check = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10;
    var number = new StringBuilder().append("ABFGM".charAt(random.nextInt(5)));
    number.append(Character.toUpperCase(legalName.charAt(0)));
    for (int digit : d) {
      number.append(digit);
    }
    return number.append(check).toString();
  }

  private RegistrantView named(String agency) {
    return registry.registrantOf(callerFor(agency)).orElseThrow();
  }

  // ---- equipment -----------------------------------------------------------------------------

  /** A manufacturer's output over three years, with spares and moulds, sold along dealer chains. */
  private void manufactureAndSell(RegistrantView maker) {
    AccessContext context = actingFor(maker);
    String make =
        maker.agencyCode().equals("ACME-TABLET")
            ? "Acme"
            : MAKES[Math.floorMod(maker.legalName().hashCode(), MAKES.length)];
    String plant = "Plant " + (1 + random.nextInt(3)) + ", " + maker.address();
    int machines = maker.agencyCode().equals("ACME-TABLET") ? 140 : 90 + random.nextInt(40);
    for (int i = 0; i < machines; i++) {
      Model model = MODELS.get(random.nextInt(MODELS.size()));
      LocalDate made = today.minusDays(20 + random.nextInt(HISTORY_DAYS));
      MachineView machine =
          registry.registerMachine(
              context,
              item(
                  serial(make),
                  make,
                  model.name(),
                  model.kind(),
                  null,
                  plant,
                  EquipmentOrigin.MANUFACTURED,
                  made,
                  null));
      if (random.nextInt(10) < 8) {
        sellAlong(maker, machine, made);
      } else if (random.nextInt(4) == 0) {
        incident(maker, machine, made.plusDays(5 + random.nextInt(60)));
      }
    }
    int spares = machines / 2;
    for (int i = 0; i < spares; i++) {
      EquipmentKind kind = PARTS.get(random.nextInt(PARTS.size()));
      boolean tooling =
          kind == EquipmentKind.MOULD
              || kind == EquipmentKind.UPPER_PUNCH
              || kind == EquipmentKind.LOWER_PUNCH;
      LocalDate made = today.minusDays(20 + random.nextInt(HISTORY_DAYS));
      MachineView part =
          registry.registerMachine(
              context,
              item(
                  serial(make),
                  make,
                  kind.name().charAt(0) + "-" + (10 + random.nextInt(40)),
                  kind,
                  tooling ? IMPRINTS[random.nextInt(IMPRINTS.length)] : null,
                  plant,
                  EquipmentOrigin.MANUFACTURED,
                  made,
                  null));
      if (random.nextInt(10) < 6) {
        sellAlong(maker, part, made);
      }
    }
  }

  /** An importer's stock declared when the registry opened, sold on to dealers. */
  private void importedStock(RegistrantView importer) {
    AccessContext context = actingFor(importer);
    String make = random.nextBoolean() ? "Zhejiang Lianfa" : "Shanghai Tianhe";
    for (int i = 0; i < 35 + random.nextInt(20); i++) {
      Model model = MODELS.get(random.nextInt(MODELS.size()));
      LocalDate declared = today.minusDays(30 + random.nextInt(HISTORY_DAYS));
      boolean legacy = random.nextInt(25) == 0;
      MachineView machine =
          registry.registerMachine(
              context,
              item(
                  legacy ? null : serial(make),
                  make,
                  model.name(),
                  model.kind(),
                  null,
                  "Bonded warehouse, " + importer.address(),
                  EquipmentOrigin.DECLARED,
                  declared,
                  null));
      if (random.nextInt(20) == 0) {
        incident(importer, machine, declared.plusDays(10 + random.nextInt(300)));
      }
    }
  }

  /**
   * Sells an item from {@code seller} to a dealer, then often on to a second dealer, then to an
   * owner; the last holder may move it or suffer an incident.
   */
  private void sellAlong(RegistrantView seller, MachineView item, LocalDate from) {
    RegistrantView holder = seller;
    LocalDate day = from;
    int hops = 1 + random.nextInt(3);
    for (int hop = 0; hop < hops; hop++) {
      boolean last = hop == hops - 1;
      RegistrantCategory next =
          last && hop > 0 ? RegistrantCategory.OWNER : RegistrantCategory.DEALER;
      RegistrantView buyer = pick(next, holder);
      LocalDate shipped = day.plusDays(7 + random.nextInt(120));
      if (shipped.isAfter(today) || buyer == null) {
        break;
      }
      Instant checked =
          shipped
              .minusDays(1 + random.nextInt(5))
              .atTime(9 + random.nextInt(8), 0)
              .toInstant(ZoneOffset.UTC);
      registry.transfer(
          actingFor(holder), item.id(), new Transfer(buyer.registrationNumber(), checked, shipped));
      if (random.nextInt(6) == 0
          && shipped.isAfter(today.minusDays(80))
          && shipped.isBefore(today.minusDays(30))) {
        lateMachines.add(item.id());
      }
      holder = buyer;
      day = shipped;
      if (!holder.category().sells()) {
        break;
      }
    }
    if (holder != seller && random.nextInt(8) == 0) {
      LocalDate moved = day.plusDays(20 + random.nextInt(200));
      if (!moved.isAfter(today)) {
        registry.relocate(
            actingFor(holder),
            item.id(),
            new CustodyReport(
                moved, "Building " + (2 + random.nextInt(5)) + ", " + holder.address()));
        day = moved;
      }
    }
    if (random.nextInt(12) == 0) {
      incident(holder, item, day.plusDays(10 + random.nextInt(200)));
    }
  }

  /** Loss, theft, seizure, destruction or tampering, and what followed. */
  private void incident(RegistrantView holder, MachineView item, LocalDate on) {
    if (on.isAfter(today)) {
      return;
    }
    AccessContext by = actingFor(holder);
    AccessContext agency = random.nextInt(3) == 0 ? as("cbp.investigator") : as("dea.investigator");
    int roll = random.nextInt(100);
    if (roll < 25) {
      registry.reportStolen(
          by,
          item.id(),
          new CustodyReport(
              on,
              "Break-in at "
                  + holder.address()
                  + "; police report "
                  + (1000 + random.nextInt(9000))));
      if (random.nextInt(5) == 0 && on.plusDays(40).isBefore(today)) {
        registry.recover(
            agency,
            item.id(),
            new CustodyReport(
                on.plusDays(20 + random.nextInt(20)),
                "Found during a search warrant; returned to the holder"));
      }
    } else if (roll < 40) {
      registry.reportLost(by, item.id(), new CustodyReport(on, "Missing at stock count"));
      if (random.nextInt(4) == 0 && on.plusDays(30).isBefore(today)) {
        registry.recover(
            by,
            item.id(),
            new CustodyReport(on.plusDays(10 + random.nextInt(20)), "Found in a second warehouse"));
      }
    } else if (roll < 70) {
      registry.seize(
          agency, item.id(), new CustodyReport(on, "Seized under warrant, case " + agencyCase()));
      if (random.nextInt(10) == 0) {
        registry.reportSerialTampering(
            agency, item.id(), new CustodyReport(on, "Serial plate ground down; partly readable"));
      }
      if (random.nextBoolean() && on.plusDays(60).isBefore(today)) {
        registry.forfeit(
            agency, item.id(), new CustodyReport(on.plusDays(45), "Forfeiture order entered"));
        if (random.nextBoolean() && on.plusDays(120).isBefore(today)) {
          registry.destroy(
              agency,
              item.id(),
              new CustodyReport(on.plusDays(100), "Destroyed under the forfeiture order"));
        }
      }
    } else if (roll < 85) {
      registry.destroy(
          by, item.id(), new CustodyReport(on, "Worn out; scrapped by a licensed recycler"));
    } else {
      registry.reportSerialTampering(
          agency,
          item.id(),
          new CustodyReport(on, "Serial plate replaced; inspection found a second plate"));
    }
  }

  private String agencyCase() {
    return today.getYear() - random.nextInt(3) + "-" + (100 + random.nextInt(900));
  }

  /** A few owners buying more whole machines in a month than an owner plausibly needs. */
  private void unusualAcquirers() {
    List<RegistrantView> owners = active.get(RegistrantCategory.OWNER);
    List<RegistrantView> dealers = active.get(RegistrantCategory.DEALER);
    for (int k = 0; k < 3; k++) {
      RegistrantView buyer = owners.get(1 + random.nextInt(owners.size() - 1));
      RegistrantView dealer = dealers.get(random.nextInt(dealers.size()));
      for (int i = 0; i < 7 + random.nextInt(4); i++) {
        LocalDate stocked = today.minusDays(40 + random.nextInt(20));
        Model model = MODELS.get(2 + random.nextInt(3));
        MachineView press =
            registry.registerMachine(
                actingFor(dealer),
                item(
                    serial("Pressline"),
                    "Pressline",
                    model.name(),
                    model.kind(),
                    null,
                    dealer.address(),
                    EquipmentOrigin.DECLARED,
                    stocked,
                    null));
        LocalDate shipped = today.minusDays(1 + random.nextInt(25));
        registry.transfer(
            actingFor(dealer),
            press.id(),
            new Transfer(
                buyer.registrationNumber(),
                shipped.atTime(11, 0).toInstant(ZoneOffset.UTC),
                shipped));
      }
    }
  }

  /** Importers file reports for presses on their way: most on time, a few late. */
  private void pendingImports() {
    for (RegistrantView importer : active.get(RegistrantCategory.IMPORTER)) {
      int items = 1 + random.nextInt(4);
      var listed = new ArrayList<ReportedItem>();
      for (int i = 0; i < items; i++) {
        Model model = MODELS.get(random.nextInt(MODELS.size()));
        listed.add(
            new ReportedItem(null, "Shanghai Tianhe", model.name(), serial("Shanghai Tianhe")));
      }
      boolean late = random.nextInt(5) == 0;
      reports.file(
          actingFor(importer),
          new TransactionReportForm(
              ReportKind.IMPORT,
              "Resale to registered dealers",
              today.plusDays(late ? 3 + random.nextInt(10) : 20 + random.nextInt(40)),
              random.nextBoolean() ? "Los Angeles" : "Newark",
              new Party(importer.legalName(), "USA"),
              new Party("Shanghai Tianhe Machinery Co.", "CHN"),
              null,
              random.nextBoolean() ? "Harbor Customs Brokerage" : null,
              listed));
    }
  }

  // ---- dates and statuses --------------------------------------------------------------------

  /**
   * Dates each custody report to the day the history says it was made: the day after the event, or
   * three to five weeks after it for the late few.
   */
  private void datedAsReported() {
    history.dateCustodyReportsAsReported(today, lateMachines);
  }

  /**
   * Spreads expiry days over the coming year, lets a few registrations lapse (recorded by the
   * sweep) and suspends a few, after they acquired their equipment.
   */
  private void laterStatuses() {
    AccessContext admin = as("admin");
    for (List<RegistrantView> registrants : active.values()) {
      for (RegistrantView registrant : registrants) {
        if (!registrant.agencyCode().startsWith("R-")) {
          continue; // the named demo registrants keep their fresh year
        }
        LocalDate expires =
            toLapse.contains(registrant)
                ? today.minusDays(1 + random.nextInt(40))
                : today.plusDays(5 + random.nextInt(360));
        history.expireOn(registrant.id(), expires);
      }
    }
    for (RegistrantView registrant : toSuspend) {
      registry.suspend(
          admin,
          registrant.id(),
          "Inspection found unreported transfers; suspended pending review");
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static long since(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** The one place a demo item is described, so new equipment fields change one line. */
  private static NewMachine item(
      String serial,
      String make,
      String model,
      EquipmentKind kind,
      String imprint,
      String location,
      EquipmentOrigin origin,
      LocalDate on,
      String installedIn) {
    return new NewMachine(
        serial,
        serial == null,
        make,
        model,
        kind,
        imprint,
        location,
        origin,
        null,
        on,
        installedIn);
  }

  private String serial(String make) {
    serials++;
    String prefix = make.replaceAll("[^A-Za-z]", "").substring(0, 2).toUpperCase(Locale.ROOT);
    return prefix + "-" + (2300 + serials / 97) + "-" + String.format(Locale.ROOT, "%05d", serials);
  }

  /** An active registrant of {@code category} other than {@code not}, or null if none. */
  private RegistrantView pick(RegistrantCategory category, RegistrantView not) {
    List<RegistrantView> pool = active.get(category);
    if (pool.isEmpty()) {
      return null;
    }
    // the named demo registrants trade more often than the rest
    RegistrantView candidate =
        random.nextInt(6) == 0 ? pool.get(0) : pool.get(random.nextInt(pool.size()));
    return candidate.id().equals(not.id()) ? null : candidate;
  }

  private final Map<String, AccessContext> contexts = new java.util.HashMap<>();

  /** A user of the registrant's agency, as the registry sees one acting for it. */
  private AccessContext actingFor(RegistrantView registrant) {
    return contexts.computeIfAbsent(
        registrant.agencyCode(),
        agency ->
            new AccessContext(
                callerFor(agency), Channel.CLI, new Purpose("Loading the demo world")));
  }

  private static Caller callerFor(String agency) {
    return new Caller(
        "demo." + agency.toLowerCase(Locale.ROOT),
        agency,
        AgencyKind.REGISTRANT,
        new CountryCode("USA"),
        Set.of(Role.REGISTRANT),
        Set.of());
  }

  private AccessContext as(String username) {
    return new AccessContext(
        directory.caller(username).orElseThrow(),
        Channel.CLI,
        new Purpose("Loading the demo world"));
  }
}
