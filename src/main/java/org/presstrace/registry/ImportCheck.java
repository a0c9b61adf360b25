package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.presstrace.registry.internal.Machine;
import org.presstrace.registry.internal.Machines;
import org.presstrace.registry.internal.Registrants;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;

/**
 * Checks the rows of one import file in order, against the registry as stored and the rows before
 * them, through the same rules as the API: {@link Registry#prepare} and the {@link Machine}
 * aggregate's guards. A transfer may move equipment declared earlier in the same file, or move it
 * on again. Collects a problem per bad field; keeps the resulting equipment and events in memory
 * for {@link RegistryImports} to store.
 */
final class ImportCheck {

  /** The two kinds of row. */
  enum RecordType {
    INVENTORY,
    TRANSFER
  }

  /** An item the file touches: new in the file, or stored and moved by the file. */
  static final class Item {
    final Machine machine;
    final NewMachine spec;
    final boolean legacy;
    final String manufacturer;
    final Machines.Found stored;
    final long row;
    String ownerAgency;
    int seq;

    Item(
        Machine machine,
        NewMachine spec,
        boolean legacy,
        String manufacturer,
        Machines.Found stored,
        long row,
        String ownerAgency) {
      this.machine = machine;
      this.spec = spec;
      this.legacy = legacy;
      this.manufacturer = manufacturer;
      this.stored = stored;
      this.row = row;
      this.ownerAgency = ownerAgency;
      this.seq = stored == null ? 0 : stored.lastSeq();
    }

    boolean fromFile() {
      return stored == null;
    }
  }

  /**
   * What a row is told when its serial is carried by stored equipment of the same make ({@link
   * SerialConflicts}): its own item named, anyone else's not.
   */
  interface Clash {
    String refuse(
        RegistrantView registrant,
        String make,
        SerialNumber serial,
        Machines.Registered stored,
        long row);
  }

  /** An event the file records, in row order, with the day its report counts as made. */
  record Recorded(Item item, CustodyEvent event, Instant reportedAt) {}

  private final Registry registry;
  private final Registrants registrants;
  private final Clash clash;
  private final RegistrantView own;
  private final Instant now;
  private final Map<String, List<Machines.Found>> storedBySerial;
  private final Map<String, Optional<RegistrantView>> byNumber = new HashMap<>();
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final Map<String, Long> badInventory = new HashMap<>();
  private final List<Recorded> recorded = new ArrayList<>();
  private final List<ImportProblem> problems = new ArrayList<>();
  private long inventoryRows;
  private long transferRows;

  /**
   * @param clash answers a row whose serial stored equipment of the same make carries
   * @param own the registrant a registrant user imports for; null for an operator administrator,
   *     who names the registrant on each row
   * @param stored the stored items whose normalised serial appears in the file
   */
  ImportCheck(
      Registry registry,
      Registrants registrants,
      Clash clash,
      RegistrantView own,
      Instant now,
      List<Machines.Found> stored) {
    this.registry = registry;
    this.registrants = registrants;
    this.clash = clash;
    this.own = own;
    this.now = now;
    this.storedBySerial = new HashMap<>();
    for (Machines.Found found : stored) {
      storedBySerial
          .computeIfAbsent(found.machine().serial().normalised(), key -> new ArrayList<>())
          .add(found);
    }
  }

  List<ImportProblem> problems() {
    return problems;
  }

  List<Item> items() {
    return List.copyOf(items.values());
  }

  List<Recorded> recorded() {
    return recorded;
  }

  long inventoryRows() {
    return inventoryRows;
  }

  long transferRows() {
    return transferRows;
  }

  void check(ImportFile.Row row) {
    var cells = new Cells(row);
    RecordType type = cells.choice(ImportColumn.RECORD, RecordType.class, true);
    if (type == RecordType.INVENTORY) {
      inventoryRows++;
      inventory(cells);
    } else if (type == RecordType.TRANSFER) {
      transferRows++;
      transfer(cells);
    } else {
      // The record column is the problem; read the other cells only to report them too.
      cells.registrant();
    }
  }

  // ---- inventory -------------------------------------------------------------------------------

  private void inventory(Cells cells) {
    RegistrantView holder = cells.registrant();
    var spec =
        new NewMachine(
            cells.text(ImportColumn.SERIAL),
            cells.flag(ImportColumn.LEGACY),
            cells.text(ImportColumn.MAKE),
            cells.text(ImportColumn.MODEL),
            cells.choice(ImportColumn.KIND, EquipmentKind.class, true),
            cells.text(ImportColumn.IMPRINT),
            cells.text(ImportColumn.LOCATION),
            Optional.ofNullable(cells.choice(ImportColumn.ORIGIN, EquipmentOrigin.class, false))
                .orElse(cells.has(ImportColumn.ORIGIN) ? null : EquipmentOrigin.DECLARED),
            cells.text(ImportColumn.TRANSACTION_ID),
            cells.day(ImportColumn.OCCURRED_ON),
            null,
            cells.choice(ImportColumn.POWER, EquipmentPower.class, false),
            cells.number(ImportColumn.RATED_OUTPUT_PER_HOUR));
    String key = key(spec.make(), spec.serial());
    if (cells.bad() || holder == null) {
      remember(key, cells.row());
      return;
    }
    Registry.Prepared prepared;
    try {
      prepared = registry.prepare(holder, spec);
    } catch (InvalidRequest e) {
      cells.refused(e);
      remember(key, cells.row());
      return;
    } catch (ConflictingState e) {
      cells.problem(
          spec.origin() == EquipmentOrigin.IMPORTED && e.getMessage().contains("transaction report")
              ? ImportColumn.TRANSACTION_ID
              : ImportColumn.REGISTRANT,
          e.getMessage());
      remember(key, cells.row());
      return;
    }
    Machine machine = prepared.machine();
    key = key(spec.make(), machine.serial());
    Item earlier = items.get(key);
    if (earlier != null) {
      cells.problem(
          ImportColumn.SERIAL,
          "serial read as "
              + machine.serial().identity()
              + " of make "
              + spec.make().strip()
              + " is also on row "
              + earlier.row
              + ": serials are unique per manufacturer");
      return;
    }
    Optional<Machines.Found> stored = storedItem(spec.make(), machine.serial());
    if (stored.isPresent()) {
      Machine found = stored.get().machine();
      cells.problem(
          ImportColumn.SERIAL,
          clash.refuse(
              holder,
              spec.make(),
              machine.serial(),
              new Machines.Registered(found.id(), found.holder()),
              cells.row()));
      return;
    }
    var item =
        new Item(
            machine,
            spec,
            prepared.legacy(),
            spec.origin() == EquipmentOrigin.MANUFACTURED ? holder.id() : null,
            null,
            cells.row(),
            holder.agencyCode());
    items.put(key, item);
    record(item, 0, prepared.reportedAt().orElse(now));
  }

  private void remember(String key, long row) {
    if (key != null) {
      badInventory.putIfAbsent(key, row);
    }
  }

  // ---- transfer --------------------------------------------------------------------------------

  private void transfer(Cells cells) {
    RegistrantView seller = cells.registrant();
    String make = cells.text(ImportColumn.MAKE);
    String serialText = cells.text(ImportColumn.SERIAL);
    var transfer =
        new Transfer(
            cells.text(ImportColumn.BUYER_REGISTRATION),
            cells.instant(ImportColumn.BUYER_CHECKED_AT),
            cells.day(ImportColumn.OCCURRED_ON));
    if (make == null) {
      cells.problem(ImportColumn.MAKE, "make is required");
    }
    SerialNumber serial = null;
    if (serialText == null) {
      cells.problem(ImportColumn.SERIAL, "a transfer names the serial of the equipment it moves");
    } else {
      try {
        serial = new SerialNumber(serialText);
      } catch (InvalidRequest e) {
        cells.refused(e);
      }
    }
    if (cells.bad() || seller == null) {
      return;
    }
    String key = key(make, serial);
    Item item = items.get(key);
    if (item == null) {
      item = storedItem(make, serial).map(found -> stored(found, cells.row())).orElse(null);
    }
    if (item == null || !item.machine.holder().equals(seller.id())) {
      Long bad = badInventory.get(key);
      cells.problem(
          ImportColumn.SERIAL,
          bad != null && item == null
              ? "the equipment is declared on row " + bad + ", which has problems"
              : seller.label()
                  + " holds no "
                  + make.strip()
                  + " serial "
                  + serial
                  + ": it is neither registered to it nor passed to it by an earlier row");
      return;
    }
    int before = item.machine.recordedEvents().size();
    try {
      RegistrantView buyer = registry.transfer(seller, item.machine, transfer, this::registrant);
      items.putIfAbsent(key, item);
      item.ownerAgency = buyer.agencyCode();
      record(item, before, now);
    } catch (InvalidRequest e) {
      cells.refused(e);
    } catch (ConflictingState e) {
      var buyer =
          transfer.buyerRegistration() == null
              ? Optional.<RegistrantView>empty()
              : registrant(transfer.buyerRegistration());
      cells.problem(
          buyer.isPresent() && e.getMessage().startsWith(buyer.get().label())
              ? ImportColumn.BUYER_REGISTRATION
              : e.getMessage().startsWith(seller.label())
                  ? ImportColumn.REGISTRANT
                  : ImportColumn.SERIAL,
          e.getMessage());
    }
  }

  private Item stored(Machines.Found found, long row) {
    return new Item(found.machine(), null, false, null, found, row, null);
  }

  private void record(Item item, int from, Instant reportedAt) {
    var events = item.machine.recordedEvents();
    for (int i = from; i < events.size(); i++) {
      recorded.add(new Recorded(item, events.get(i), reportedAt));
    }
  }

  private Optional<Machines.Found> storedItem(String make, SerialNumber serial) {
    String makeKey = Machines.makeKey(make.strip());
    return storedBySerial.getOrDefault(serial.normalised(), List.of()).stream()
        .filter(found -> found.makeKey().equals(makeKey))
        .filter(found -> found.machine().serial().identity().equals(serial.identity()))
        .findFirst();
  }

  private static String key(String make, String serial) {
    if (make == null || serial == null || serial.isBlank()) {
      return null;
    }
    try {
      return key(make, new SerialNumber(serial));
    } catch (InvalidRequest e) {
      return null;
    }
  }

  private static String key(String make, SerialNumber serial) {
    return Machines.makeKey(make.strip()) + "/" + serial.identity();
  }

  private Optional<RegistrantView> registrant(String number) {
    return byNumber.computeIfAbsent(
        number.strip().toUpperCase(Locale.ROOT), registrants::byRegistration);
  }

  // ---- cells -----------------------------------------------------------------------------------

  /** One row's cells, read into values; each unreadable cell is a problem. */
  private final class Cells {
    private final ImportFile.Row row;
    private boolean bad;

    Cells(ImportFile.Row row) {
      this.row = row;
    }

    long row() {
      return row.number();
    }

    boolean bad() {
      return bad;
    }

    boolean has(ImportColumn column) {
      return row.get(column) != null;
    }

    String text(ImportColumn column) {
      return row.get(column);
    }

    void problem(ImportColumn column, String message) {
      bad = true;
      problems.add(
          ImportProblem.of(
              row.number(), column == null ? null : column.header(), text(column), message));
    }

    /** A refusal by the registry's rules, in the column of the field it names. */
    void refused(InvalidRequest e) {
      problem(ImportColumn.forField(e.field()).orElse(null), e.getMessage());
    }

    <E extends Enum<E>> E choice(ImportColumn column, Class<E> type, boolean required) {
      String value = text(column);
      if (value == null) {
        if (required) {
          problem(column, column.header() + " is required");
        }
        return null;
      }
      String name = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(name)) {
          return constant;
        }
      }
      problem(
          column,
          "not one of "
              + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
      return null;
    }

    boolean flag(ImportColumn column) {
      String value = text(column);
      if (value == null) {
        return false;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1" -> true;
        case "false", "no", "n", "0" -> false;
        default -> {
          problem(column, "not true or false");
          yield false;
        }
      };
    }

    Integer number(ImportColumn column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return Decimals.wholeNumber(value, column.header(), Integer.MIN_VALUE, Integer.MAX_VALUE)
            .intValue();
      } catch (InvalidRequest e) {
        problem(column, e.getMessage());
        return null;
      }
    }

    LocalDate day(ImportColumn column) {
      String value = text(column);
      if (value == null) {
        problem(column, column.header() + " is required");
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        problem(column, "not a day such as 2026-03-04");
        return null;
      }
    }

    Instant instant(ImportColumn column) {
      String value = text(column);
      if (value == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException offsetMissing) {
        try {
          return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          problem(column, "not a date and time such as 2026-03-04T14:30 (UTC) or ...+01:00");
          return null;
        }
      }
    }

    /** The acting registrant: a registrant user's own, or the one the row names. */
    RegistrantView registrant() {
      String number = text(ImportColumn.REGISTRANT);
      if (number == null) {
        if (own == null) {
          problem(ImportColumn.REGISTRANT, "registrant is required: its registration number");
        }
        return own;
      }
      Optional<RegistrantView> found = ImportCheck.this.registrant(number);
      if (found.isEmpty()) {
        problem(ImportColumn.REGISTRANT, "no registrant has this registration number");
        return null;
      }
      if (own != null && !own.id().equals(found.get().id())) {
        problem(
            ImportColumn.REGISTRANT,
            "you import only for your own registrant " + own.registrationNumber());
        return null;
      }
      return found.get();
    }
  }
}
