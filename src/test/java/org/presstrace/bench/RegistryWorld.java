package org.presstrace.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.presstrace.registry.CustodyEvent;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.MachineDeclared;
import org.presstrace.registry.MachineDestroyed;
import org.presstrace.registry.MachineExported;
import org.presstrace.registry.MachineForfeited;
import org.presstrace.registry.MachineImported;
import org.presstrace.registry.MachineManufactured;
import org.presstrace.registry.MachineRecovered;
import org.presstrace.registry.MachineRelocated;
import org.presstrace.registry.MachineReportedLost;
import org.presstrace.registry.MachineReportedStolen;
import org.presstrace.registry.MachineSeized;
import org.presstrace.registry.MachineTransferred;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.SerialNumber;
import org.presstrace.registry.SerialTamperingReported;
import org.presstrace.registry.internal.Machines;

/**
 * Fills a migrated PressTrace database with a synthetic national registry for benchmarks:
 * registrants of every category with their access agencies and one user each, and machines, parts
 * and moulds whose chains of custody follow the registry's rules (manufactured by the make's
 * registered manufacturer, imported or declared; sold only by dealers and manufacturers along
 * dealer chains; relocated; some lost, stolen, seized, forfeited, destroyed or exported).
 *
 * <p>Each custody row is written from the registry's own {@link CustodyEvent} records, and each
 * machine row holds the state, holder, location and marking its last event leaves, with the serial
 * normalised by {@link SerialNumber}. No ledger leaves are written: a generated database serves
 * registry reads and writes and is not a ledger-verified database (its verification reports the
 * custody events the log does not hold).
 *
 * <p>Generated ids are UUID-shaped and ordered by generation (machine {@code n} has {@link
 * #machineId(long) machineId(n)}), so bulk loading appends to the indexes and a benchmark can pick
 * random machines without a scan. Everything follows from the seed.
 */
final class RegistryWorld {

  /** How big a world to make. */
  record Size(int registrants, int machines, long events, long seed) {
    Size {
      if (registrants < 50 || machines < 1 || events < machines) {
        throw new IllegalArgumentException(
            "need at least 50 registrants, 1 machine and one event per machine, not "
                + registrants
                + "/"
                + machines
                + "/"
                + events);
      }
    }

    static Size of(int machines, long events) {
      return new Size(Math.max(50, machines / 50), machines, events, 20_261_128L);
    }
  }

  /** What was written. */
  record Written(int registrants, int machines, long events, long millis) {}

  static final String FEDERAL_AGENCY = "BENCH-FED";
  static final String STATE_AGENCY = "BENCH-STATE";
  static final String INVESTIGATOR = "bench.investigator";
  private static final String CHANGED_BY = "bench.generator";

  private static final int CHUNK = 5_000;
  private static final String[] DOMESTIC =
      ("Kestrel,Meridian,Apex Tableting,Orion Press,Halcyon,Vantage,Corvid,Tessera,Norland,"
              + "Brightwater,Sable,Quarry Works,Lumen,Westbrook,Granite,Pioneer Pharma,"
              + "Harbor Machinery,Summit,Falcon,Redwood,Ironbridge,Bluestem,Cobalt,Everline")
          .split(",");
  private static final String[] FOREIGN =
      ("Hengyuan,Tianfeng,Ruixin,Xinda,Jinlong,Precisa,Maquinas Duarte,Weisshorn,Karavel,"
              + "Ostrava Stroj,Nordpress,Anhui Baima,Ruian Kaida,Lianyun,Bhavani,Medellin Tec")
          .split(",");
  private static final String[] WORDS =
      ("Acme,Tri-State,Green Valley,Northern,Coastal,Prairie,Liberty,Keystone,Lakeside,Union,"
              + "Heritage,Eagle,Mountain,River,Capitol,Cardinal,Pacific,Atlantic,Central,Frontier")
          .split(",");
  private static final String[] SUFFIXES =
      "Pharma,Compounding,Nutraceuticals,Supply,Equipment,Labs,Candy Co,Vitamins".split(",");
  private static final String[] STREETS = "Main,Oak,Industrial,Commerce,Mill,Harbor".split(",");
  private static final int[] MODEL_NUMBERS = {5, 8, 12, 16, 23, 27, 33, 45, 55, 2000};

  private final Size size;
  private final SplittableRandom random;
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
  private final Instant now = Instant.now();
  private final List<Registrant> registrants = new ArrayList<>();
  private final List<Registrant> manufacturers = new ArrayList<>();
  private final List<Registrant> importers = new ArrayList<>();
  private final List<Registrant> exporters = new ArrayList<>();
  private final List<Registrant> dealers = new ArrayList<>();
  private final List<Registrant> owners = new ArrayList<>();
  private final List<Make> makes = new ArrayList<>();
  private double makeWeightTotal;
  private long eventCounter;
  private long legacyCounter;

  RegistryWorld(Size size) {
    this.size = size;
    this.random = new SplittableRandom(size.seed());
  }

  /** The id of the {@code n}th generated machine (0-based). */
  static String machineId(long n) {
    return id(n, 0x1);
  }

  static String registrantId(long n) {
    return id(n, 0x2);
  }

  /** Every generated id ends so; {@code LIKE GENERATED_IDS} selects the generated rows. */
  static final String GENERATED_IDS = "%-8000-505245535354";

  private static String id(long n, int kind) {
    return new UUID((n << 16) | 0x7000L | kind, 0x8000_5052_4553_5354L).toString();
  }

  /** Writes the world through {@code connection}, committing every chunk; progress per chunk. */
  Written generate(Connection connection, LongConsumer machinesDone) throws SQLException {
    long started = System.nanoTime();
    connection.setAutoCommit(false);
    RowWriter writer = RowWriter.on(connection);
    writeAgenciesAndInvestigator(writer);
    writeRegistrants(writer);
    connection.commit();
    defineMakes();
    long events = 0;
    for (int from = 0; from < size.machines(); from += CHUNK) {
      int to = Math.min(size.machines(), from + CHUNK);
      var machineRows = new ArrayList<Object[]>(to - from);
      var eventRows = new ArrayList<Object[]>((to - from) * 12);
      Item lastHeldMachine = null;
      for (int n = from; n < to; n++) {
        long budget = eventBudget(n, events + eventRows.size());
        Item item =
            lastHeldMachine != null && random.nextInt(100) < 12
                ? part(n, lastHeldMachine, budget)
                : machine(n, budget);
        machineRows.add(item.row());
        eventRows.addAll(item.events);
        if (item.kind.machine() && item.state == CustodyState.HELD) {
          lastHeldMachine = item;
        }
      }
      writer.write("machine", MACHINE_COLUMNS, machineRows);
      writer.write("custody_event", EVENT_COLUMNS, eventRows);
      connection.commit();
      events += eventRows.size();
      machinesDone.accept(to);
    }
    return new Written(
        registrants.size(), size.machines(), events, (System.nanoTime() - started) / 1_000_000);
  }

  /** About as many events for machine {@code n} as keep the total on course for the target. */
  private long eventBudget(int n, long eventsSoFar) {
    long remainingItems = size.machines() - n;
    double mean = (double) (size.events() - eventsSoFar) / remainingItems;
    if (mean <= 1) {
      return 1;
    }
    long spread = Math.max(1, Math.round((mean - 1) * 2));
    return 1 + random.nextLong(spread + 1);
  }

  // ---- registrants ---------------------------------------------------------------------------

  private record Registrant(
      String id,
      String number,
      String agency,
      String user,
      RegistrantCategory category,
      String address) {}

  private void writeAgenciesAndInvestigator(RowWriter writer) throws SQLException {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    writer.write(
        "agency",
        List.of("code", "name", "kind", "country", "created_at"),
        List.of(
            new Object[] {FEDERAL_AGENCY, "Benchmark federal agency", "FEDERAL", "USA", at},
            new Object[] {STATE_AGENCY, "Benchmark state police", "STATE", "USA", at}));
    writer.write(
        "app_user",
        USER_COLUMNS,
        List.<Object[]>of(user(INVESTIGATOR, "Benchmark investigator", FEDERAL_AGENCY, at)));
    writer.write(
        "user_role",
        List.of("username", "role"),
        List.<Object[]>of(new Object[] {INVESTIGATOR, "INVESTIGATOR"}));
  }

  private static Object[] user(String username, String name, String agency, OffsetDateTime at) {
    return new Object[] {username, name, agency, null, true, at, at};
  }

  private void writeRegistrants(RowWriter writer) throws SQLException {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    var agencies = new ArrayList<Object[]>();
    var rows = new ArrayList<Object[]>();
    var changes = new ArrayList<Object[]>();
    var users = new ArrayList<Object[]>();
    var roles = new ArrayList<Object[]>();
    for (int n = 0; n < size.registrants(); n++) {
      RegistrantCategory category = category(n);
      String suffix = String.format(Locale.ROOT, "%08X", n);
      String number = "PPR-" + suffix;
      String agency = "R-" + suffix;
      String user = "r." + suffix.toLowerCase(Locale.ROOT);
      String name =
          WORDS[random.nextInt(WORDS.length)]
              + " "
              + SUFFIXES[random.nextInt(SUFFIXES.length)]
              + " "
              + (n + 1);
      String address =
          (100 + random.nextInt(9_800))
              + " "
              + STREETS[random.nextInt(STREETS.length)]
              + " St, Unit "
              + (n + 1);
      var registrant = new Registrant(registrantId(n), number, agency, user, category, address);
      registrants.add(registrant);
      switch (category) {
        case MANUFACTURER -> manufacturers.add(registrant);
        case IMPORTER -> importers.add(registrant);
        case EXPORTER -> exporters.add(registrant);
        case DEALER -> dealers.add(registrant);
        case OWNER -> owners.add(registrant);
        case BROKER -> {}
      }
      int roll = random.nextInt(100);
      String status = roll < 3 ? "SUSPENDED" : roll < 5 ? "REVOKED" : "ACTIVE";
      // About 3% of active registrations have lapsed (EXPIRED at read time).
      LocalDate expires =
          roll >= 97 ? today.minusDays(1 + random.nextInt(60)) : today.plusDays(30 + n % 330);
      agencies.add(new Object[] {agency, name, "REGISTRANT", "USA", at});
      rows.add(
          new Object[] {
            registrant.id(),
            number,
            agency,
            name,
            null,
            category.name(),
            dea(category),
            address,
            "compliance@" + suffix.toLowerCase(Locale.ROOT) + ".example",
            status,
            expires,
            at,
            at
          });
      changes.add(
          new Object[] {registrant.id(), "PENDING", "application received", null, CHANGED_BY, at});
      changes.add(
          new Object[] {
            registrant.id(), "ACTIVE", "registration approved", expires, CHANGED_BY, at
          });
      if (!status.equals("ACTIVE")) {
        changes.add(
            new Object[] {registrant.id(), status, "inspection findings", expires, CHANGED_BY, at});
      }
      users.add(user(user, name + " compliance officer", agency, at));
      roles.add(new Object[] {user, "REGISTRANT"});
    }
    writer.write("agency", List.of("code", "name", "kind", "country", "created_at"), agencies);
    writer.write("registrant", REGISTRANT_COLUMNS, rows);
    writer.write(
        "registrant_status_change",
        List.of("registrant_id", "status", "reason", "expires_on", "changed_by", "changed_at"),
        changes);
    writer.write("app_user", USER_COLUMNS, users);
    writer.write("user_role", List.of("username", "role"), roles);
  }

  /**
   * 3% manufacturers, 4% importers, 1% exporters, 22% dealers, 68% owners, 2% brokers; the first
   * five are one of each that holds equipment.
   */
  private RegistrantCategory category(int n) {
    int roll = n < 5 ? new int[] {0, 3, 7, 8, 30}[n] : random.nextInt(100);
    if (roll < 3) {
      return RegistrantCategory.MANUFACTURER;
    }
    if (roll < 7) {
      return RegistrantCategory.IMPORTER;
    }
    if (roll < 8) {
      return RegistrantCategory.EXPORTER;
    }
    if (roll < 30) {
      return RegistrantCategory.DEALER;
    }
    return roll < 98 ? RegistrantCategory.OWNER : RegistrantCategory.BROKER;
  }

  /** A DEA number with a valid check digit for most registrants, none for a quarter. */
  private String dea(RegistrantCategory category) {
    if (random.nextInt(4) == 0) {
      return null;
    }
    int[] d = new int[6];
    for (int i = 0; i < 6; i++) {
      d[i] = random.nextInt(10);
    }
    int check = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10;
    char first = category == RegistrantCategory.MANUFACTURER ? 'R' : 'A';
    char second = (char) ('A' + random.nextInt(26));
    var text = new StringBuilder().append(first).append(second);
    for (int digit : d) {
      text.append(digit);
    }
    return text.append(check).toString();
  }

  // ---- makes and serials ---------------------------------------------------------------------

  private record Make(
      String name,
      String key,
      String prefix,
      int style,
      boolean encapsulating,
      Registrant manufacturer,
      List<String> models,
      double weight,
      long[] counter,
      long stride) {}

  private void defineMakes() {
    int index = 0;
    for (String[] group : List.of(DOMESTIC, FOREIGN)) {
      for (String name : group) {
        boolean domestic = group == DOMESTIC;
        String key = Machines.makeKey(name);
        String prefix = key.substring(0, 2);
        var models = new ArrayList<String>();
        int first = random.nextInt(MODEL_NUMBERS.length);
        for (int m = 0; m < 6; m++) {
          int number = MODEL_NUMBERS[(first + m) % MODEL_NUMBERS.length];
          models.add(prefix + (m % 2 == 0 ? "-" : "P-") + number + (m >= 4 ? "D" : ""));
        }
        double weight = 1.0 / Math.pow(index + 1, 0.8);
        makeWeightTotal += weight;
        makes.add(
            new Make(
                name,
                key,
                prefix,
                index % 4,
                index % 4 == 3,
                domestic ? manufacturers.get(index % manufacturers.size()) : null,
                models,
                weight,
                new long[] {100_000 + random.nextInt(800_000)},
                STRIDES[index % STRIDES.length]));
        index++;
      }
    }
  }

  /** Strides coprime to 10^7: a make's serials stay distinct for ten million items. */
  private static final long[] STRIDES = {7_919, 104_729, 15_485_863 % 10_000_000, 31_337, 4_999};

  private Make pickMake() {
    double roll = random.nextDouble() * makeWeightTotal;
    for (Make make : makes) {
      roll -= make.weight();
      if (roll <= 0) {
        return make;
      }
    }
    return makes.get(makes.size() - 1);
  }

  /** The next serial of {@code make} as stamped, in the make's style, look-alikes sometimes. */
  private String serial(Make make) {
    long value = make.counter()[0];
    make.counter()[0] = (value + make.stride()) % 10_000_000;
    String digits = String.format(Locale.ROOT, "%07d", value);
    if (random.nextInt(25) == 0) {
      digits = digits.replaceFirst("0", "O");
    }
    return switch (make.style()) {
      case 0 -> make.prefix() + "-" + digits;
      case 1 -> make.prefix().charAt(0) + digits.substring(0, 3) + "-" + digits.substring(3);
      case 2 -> make.prefix() + " " + digits.substring(0, 2) + " " + digits.substring(2);
      default -> make.prefix().toLowerCase(Locale.ROOT) + "/" + digits;
    };
  }

  // ---- items and their chains of custody -----------------------------------------------------

  private static final List<String> MACHINE_COLUMNS =
      List.of(
          "id",
          "serial_as_entered",
          "serial_normalised",
          "serial_key",
          "make",
          "make_key",
          "model",
          "model_key",
          "kind",
          "imprint",
          "manufacturer_registrant",
          "current_holder",
          "state",
          "location",
          "legacy",
          "tampering_reported",
          "installed_in",
          "owner_agency",
          "tlp",
          "cui_category",
          "noforn",
          "created_at",
          "updated_at",
          "version");
  private static final List<String> EVENT_COLUMNS =
      List.of(
          "id",
          "machine_id",
          "seq",
          "type",
          "occurred_on",
          "reported_at",
          "from_registrant",
          "to_registrant",
          "agency",
          "buyer_registration",
          "buyer_checked_at",
          "transaction_id",
          "details",
          "recorded_by",
          "salt");
  private static final List<String> REGISTRANT_COLUMNS =
      List.of(
          "id",
          "registration_number",
          "agency_code",
          "legal_name",
          "trade_name",
          "category",
          "dea_number",
          "address",
          "contact",
          "status",
          "expires_on",
          "created_at",
          "updated_at");
  private static final List<String> USER_COLUMNS =
      List.of(
          "username",
          "display_name",
          "agency_code",
          "password_hash",
          "enabled",
          "created_at",
          "updated_at");

  /** One generated item while its history is written. */
  private final class Item {
    final String id;
    final String serial;
    final boolean legacy;
    final Make make;
    final String model;
    final EquipmentKind kind;
    final String imprint;
    final String installedIn;
    String manufacturer;
    Registrant holder;
    CustodyState state = CustodyState.HELD;
    String location;
    boolean tampering;
    LocalDate day;
    Instant created;
    Instant updated;
    final List<Object[]> events = new ArrayList<>();

    Item(
        int n,
        Make make,
        String model,
        EquipmentKind kind,
        String imprint,
        String installedIn,
        boolean legacy) {
      this.id = machineId(n);
      this.make = make;
      this.model = model;
      this.kind = kind;
      this.imprint = imprint;
      this.installedIn = installedIn;
      this.legacy = legacy;
      this.serial =
          legacy
              ? String.format(Locale.ROOT, "PTL-%010d", (legacyCounter++ * 7_919) % 10_000_000_000L)
              : serial(make);
    }

    void record(CustodyEvent event, Registrant by, Instant reportedAt) {
      Instant reported = reportedAt.isAfter(now) ? now : reportedAt;
      events.add(
          new Object[] {
            id(eventCounter++, 0x3),
            id,
            events.size() + 1,
            event.type(),
            event.occurredOn(),
            OffsetDateTime.ofInstant(reported, ZoneOffset.UTC),
            event.fromRegistrant(),
            event.toRegistrant(),
            event.agency(),
            event.buyerRegistration(),
            event.buyerCheckedAt() == null
                ? null
                : OffsetDateTime.ofInstant(event.buyerCheckedAt(), ZoneOffset.UTC),
            event.transactionId(),
            event.details(),
            by == null ? INVESTIGATOR : by.user(),
            // the ledger's commitments need a salt per event; a fixed one is enough for a load
            String.format(Locale.ROOT, "%032x", eventCounter)
          });
      if (created == null) {
        created = reported;
      }
      updated = reported;
    }

    Object[] row() {
      return new Object[] {
        id,
        serial,
        new SerialNumber(serial).normalised(),
        new SerialNumber(serial).identity(),
        make.name(),
        make.key(),
        model,
        Machines.modelKey(model),
        kind.name(),
        imprint,
        manufacturer,
        holder.id(),
        state.name(),
        location,
        legacy,
        tampering,
        installedIn,
        holder.agency(),
        "GREEN",
        "PROPIN",
        false,
        OffsetDateTime.ofInstant(created, ZoneOffset.UTC),
        OffsetDateTime.ofInstant(updated, ZoneOffset.UTC),
        events.size()
      };
    }
  }

  private Item machine(int n, long budget) {
    Make make = pickMake();
    EquipmentKind kind =
        make.encapsulating()
            ? EquipmentKind.values()[2 + random.nextInt(3)]
            : random.nextInt(10) < 4
                ? EquipmentKind.TABLETING_SINGLE_PUNCH
                : EquipmentKind.TABLETING_ROTARY;
    boolean legacy = random.nextInt(100) == 0;
    var item =
        new Item(
            n,
            make,
            make.models().get(random.nextInt(make.models().size())),
            kind,
            null,
            null,
            legacy);
    LocalDate start = today.minusDays(30 + random.nextInt(3_620));
    item.day = start;
    originate(item, legacy);
    long step = Math.max(1, ChronoUnit.DAYS.between(start, today) / budget);
    for (long k = 1; k < budget && !final_(item.state); k++) {
      LocalDate next = item.day.plusDays(1 + random.nextLong(step));
      if (!next.isBefore(today)) {
        break;
      }
      item.day = next;
      change(item, k == budget - 1);
    }
    return item;
  }

  private Item part(int n, Item machine, long budget) {
    EquipmentKind kind = EquipmentKind.values()[5 + random.nextInt(7)];
    String imprint =
        kind == EquipmentKind.MOULD
                || kind == EquipmentKind.UPPER_PUNCH
                || kind == EquipmentKind.LOWER_PUNCH
            ? (char) ('A' + random.nextInt(26)) + " / " + (10 + random.nextInt(300))
            : null;
    var item = new Item(n, machine.make, machine.model, kind, imprint, machine.id, false);
    item.day = machine.day.isBefore(today.minusDays(2)) ? machine.day : today.minusDays(2);
    item.holder = machine.holder;
    item.location = machine.location;
    item.record(
        new MachineDeclared(item.id, item.holder.id(), item.day, "installed in " + machine.serial),
        item.holder,
        reported(item.day));
    for (long k = 1; k < Math.min(budget, 3); k++) {
      item.day = item.day.plusDays(1);
      if (!item.day.isBefore(today)) {
        break;
      }
      relocate(item);
    }
    return item;
  }

  private void originate(Item item, boolean legacy) {
    Make make = item.make;
    int roll = random.nextInt(100);
    if (!legacy && make.manufacturer() != null && roll < 85) {
      item.holder = make.manufacturer();
      item.manufacturer = item.holder.id();
      item.location = item.holder.address();
      item.record(
          new MachineManufactured(item.id, item.holder.id(), item.day),
          item.holder,
          reported(item.day));
    } else if (!legacy && roll < 75) {
      item.holder = random.nextInt(10) < 4 ? any(manufacturers) : any(importers);
      item.location = item.holder.address();
      String transaction =
          String.format(Locale.ROOT, "PT-%d-%06d", item.day.getYear(), random.nextInt(999_999));
      LocalDate filed = item.day.minusDays(15 + random.nextInt(30));
      item.record(
          new MachineImported(item.id, item.holder.id(), transaction, item.day),
          item.holder,
          filed.atStartOfDay(ZoneOffset.UTC).toInstant());
    } else {
      item.holder = random.nextInt(4) == 0 ? any(dealers) : any(owners);
      item.location = item.holder.address();
      item.record(
          new MachineDeclared(
              item.id,
              item.holder.id(),
              item.day,
              legacy ? "legacy equipment without a serial; registry-issued serial" : null),
          item.holder,
          reported(item.day));
    }
  }

  /** One custody change allowed from the item's state; incidents likelier on the last one. */
  private void change(Item item, boolean last) {
    int roll = random.nextInt(1000);
    switch (item.state) {
      case HELD -> {
        int incident = last ? 50 : 8;
        if (roll < incident / 2) {
          lose(item, roll % 2 == 0);
        } else if (roll < incident * 3 / 4) {
          seize(item);
        } else if (roll < incident) {
          tamperOrEnd(item, roll);
        } else if (item.holder.category().sells() && random.nextInt(100) < 55) {
          transfer(item);
        } else {
          relocate(item);
        }
      }
      case LOST, STOLEN -> {
        if (roll < 600) {
          item.state = CustodyState.HELD;
          item.record(
              new MachineRecovered(item.id, item.holder.id(), "found at the site", item.day),
              item.holder,
              reported(item.day));
        } else {
          seize(item);
        }
      }
      case SEIZED -> {
        if (roll < 500) {
          item.state = CustodyState.FORFEITED;
          item.record(
              new MachineForfeited(item.id, agency(), "forfeiture order", item.day),
              null,
              reported(item.day));
        } else if (roll < 800) {
          item.state = CustodyState.HELD;
          item.record(
              new MachineRecovered(item.id, item.holder.id(), "released to the holder", item.day),
              null,
              reported(item.day));
        } else {
          destroyByAgency(item);
        }
      }
      case FORFEITED -> destroyByAgency(item);
      default -> throw new IllegalStateException(item.state + " is final");
    }
  }

  private void lose(Item item, boolean stolen) {
    item.state = stolen ? CustodyState.STOLEN : CustodyState.LOST;
    CustodyEvent event =
        stolen
            ? new MachineReportedStolen(item.id, item.holder.id(), "break-in reported", item.day)
            : new MachineReportedLost(item.id, item.holder.id(), "missing at inventory", item.day);
    item.record(event, item.holder, item.day.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
  }

  private void seize(Item item) {
    item.state = CustodyState.SEIZED;
    item.record(
        new MachineSeized(item.id, agency(), "seized under warrant", item.day),
        null,
        reported(item.day));
  }

  private void tamperOrEnd(Item item, int roll) {
    if (roll % 3 == 0) {
      item.tampering = true;
      item.record(
          new SerialTamperingReported(item.id, agency(), "serial ground off", item.day),
          null,
          reported(item.day));
    } else if (roll % 3 == 1
        && (item.holder.category() == RegistrantCategory.EXPORTER
            || item.holder.category() == RegistrantCategory.MANUFACTURER)) {
      item.state = CustodyState.EXPORTED;
      String transaction =
          String.format(Locale.ROOT, "PT-%d-%06d", item.day.getYear(), random.nextInt(999_999));
      item.record(
          new MachineExported(item.id, item.holder.id(), transaction, "CAN", item.day),
          item.holder,
          item.day.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant());
    } else {
      item.state = CustodyState.DESTROYED;
      item.record(
          new MachineDestroyed(item.id, null, item.holder.id(), "scrapped", item.day),
          item.holder,
          reported(item.day));
    }
  }

  private void destroyByAgency(Item item) {
    item.state = CustodyState.DESTROYED;
    item.record(
        new MachineDestroyed(item.id, agency(), item.holder.id(), "destroyed in custody", item.day),
        null,
        reported(item.day));
  }

  /** Manufacturers sell mostly to dealers, dealers mostly to owners. */
  private void transfer(Item item) {
    int toDealer = item.holder.category() == RegistrantCategory.MANUFACTURER ? 80 : 35;
    Registrant buyer = random.nextInt(100) < toDealer ? any(dealers) : any(owners);
    if (buyer == item.holder) {
      relocate(item);
      return;
    }
    Instant checked = item.day.minusDays(1).atTime(10, 30).toInstant(ZoneOffset.UTC);
    item.record(
        new MachineTransferred(
            item.id, item.holder.id(), buyer.id(), buyer.number(), checked, item.day),
        item.holder,
        reported(item.day));
    item.holder = buyer;
    item.location = buyer.address();
  }

  private void relocate(Item item) {
    String target = "Storage " + (1 + random.nextInt(9)) + ", " + item.holder.address();
    if (target.equals(item.location)) {
      target = "Annex, " + item.holder.address();
    }
    item.location = target;
    item.record(
        new MachineRelocated(item.id, item.holder.id(), target, item.day),
        item.holder,
        reported(item.day));
  }

  /** Most reports within days; one in fifty late (past the 10 or 15 day deadlines). */
  private Instant reported(LocalDate day) {
    int roll = random.nextInt(50);
    int delay = roll == 0 ? 16 + random.nextInt(30) : roll < 5 ? 4 + random.nextInt(6) : roll % 4;
    return day.plusDays(delay)
        .atStartOfDay(ZoneOffset.UTC)
        .plusSeconds(28_800 + random.nextInt(36_000))
        .toInstant();
  }

  private String agency() {
    return random.nextInt(3) == 0 ? STATE_AGENCY : FEDERAL_AGENCY;
  }

  private Registrant any(List<Registrant> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static boolean final_(CustodyState state) {
    return state == CustodyState.DESTROYED || state == CustodyState.EXPORTED;
  }
}
