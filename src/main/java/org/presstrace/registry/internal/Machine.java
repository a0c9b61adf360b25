package org.presstrace.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.SerialNumber;
import org.presstrace.registry.SerialTamperingReported;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;

/**
 * A registered machine, critical part or mould, and its custody lifecycle. Every state change is a
 * method that checks its guard, refuses with a {@link ConflictingState} naming the rule broken, and
 * otherwise records one past-tense {@link CustodyEvent}.
 */
public final class Machine {

  private static final Set<CustodyState> SEIZABLE =
      EnumSet.of(CustodyState.HELD, CustodyState.LOST, CustodyState.STOLEN);
  private static final Set<CustodyState> RECOVERABLE =
      EnumSet.of(CustodyState.LOST, CustodyState.STOLEN, CustodyState.SEIZED);
  private static final Set<CustodyState> SEIZED_OR_FORFEITED =
      EnumSet.of(CustodyState.SEIZED, CustodyState.FORFEITED);

  private final String id;
  private final SerialNumber serial;
  private final EquipmentKind kind;
  private String holder;
  private CustodyState state;
  private String location;
  private boolean tamperingReported;
  private final List<CustodyEvent> recorded = new ArrayList<>();

  /** A machine as stored, with no events recorded yet. */
  public Machine(
      String id,
      SerialNumber serial,
      EquipmentKind kind,
      String holder,
      CustodyState state,
      String location,
      boolean tamperingReported) {
    this.id = id;
    this.serial = serial;
    this.kind = kind;
    this.holder = holder;
    this.state = state;
    this.location = location;
    this.tamperingReported = tamperingReported;
  }

  // ---- coming into the registry ---------------------------------------------------------------

  /** A registered manufacturer made the item; it holds it at {@code location}. */
  public static Machine manufactured(
      String id,
      SerialNumber serial,
      EquipmentKind kind,
      RegistrantView maker,
      String location,
      LocalDate on) {
    requireActive(maker, "make");
    if (maker.category() != RegistrantCategory.MANUFACTURER) {
      throw new ConflictingState(
          maker.label()
              + " is a "
              + maker.category()
              + ": only manufacturers register equipment as manufactured");
    }
    var machine = held(id, serial, kind, maker, location);
    machine.recorded.add(new MachineManufactured(id, maker.id(), on));
    return machine;
  }

  /** A registered importer brought the item in under the transaction id of its filed report. */
  public static Machine imported(
      String id,
      SerialNumber serial,
      EquipmentKind kind,
      RegistrantView importer,
      String transactionId,
      String location,
      LocalDate on) {
    requireActive(importer, "import");
    if (importer.category() != RegistrantCategory.IMPORTER
        && importer.category() != RegistrantCategory.MANUFACTURER) {
      throw new ConflictingState(
          importer.label()
              + " is a "
              + importer.category()
              + ": only importers and manufacturers import equipment");
    }
    if (transactionId == null || transactionId.isBlank()) {
      throw new InvalidRequest(
          "transactionId", "an import needs the transaction id issued for its filed report");
    }
    var machine = held(id, serial, kind, importer, location);
    machine.recorded.add(new MachineImported(id, importer.id(), transactionId.strip(), on));
    return machine;
  }

  /** Equipment the holder already had when it registered it (including legacy equipment). */
  public static Machine declared(
      String id,
      SerialNumber serial,
      EquipmentKind kind,
      RegistrantView holder,
      String location,
      LocalDate acquiredOn,
      String details) {
    requireActive(holder, "hold");
    if (holder.category() == RegistrantCategory.BROKER) {
      throw new ConflictingState(
          holder.label() + " is a BROKER: brokers arrange movements but hold no equipment");
    }
    var machine = held(id, serial, kind, holder, location);
    machine.recorded.add(new MachineDeclared(id, holder.id(), acquiredOn, details));
    return machine;
  }

  private static Machine held(
      String id, SerialNumber serial, EquipmentKind kind, RegistrantView holder, String location) {
    return new Machine(
        id, serial, kind, holder.id(), CustodyState.HELD, requireLocation(location), false);
  }

  // ---- custody changes -------------------------------------------------------------------------

  /**
   * The holder sold and shipped the item to {@code buyer} after checking the buyer's registration
   * number at {@code checkedAt}.
   */
  public void transferTo(
      RegistrantView seller,
      RegistrantView buyer,
      String checkedRegistration,
      Instant checkedAt,
      LocalDate shippedOn) {
    requireNotFinal("transferred");
    if (state != CustodyState.HELD) {
      throw new ConflictingState(
          describe()
              + " is "
              + state
              + ": lost, stolen, seized or forfeited equipment cannot be transferred");
    }
    requireHolder(seller, "transfer");
    if (!seller.category().sells()) {
      throw new ConflictingState(
          seller.label()
              + " is a "
              + seller.category()
              + ": only dealers and manufacturers sell equipment");
    }
    requireActive(seller, "sell");
    if (buyer.id().equals(seller.id())) {
      throw new InvalidRequest("buyerRegistration", "a registrant cannot transfer to itself");
    }
    requireActive(buyer, "acquire");
    if (buyer.category() == RegistrantCategory.BROKER) {
      throw new ConflictingState(
          buyer.label() + " is a BROKER: brokers arrange movements but hold no equipment");
    }
    if (checkedAt == null) {
      throw new InvalidRequest(
          "buyerCheckedAt", "the seller must record when it checked the buyer's registration");
    }
    if (!buyer.registeredAs(checkedRegistration)) {
      throw new InvalidRequest(
          "buyerRegistration",
          "registration number '"
              + checkedRegistration
              + "' is not the buyer's; the seller must check the buyer's registration before"
              + " shipping");
    }
    holder = buyer.id();
    recorded.add(
        new MachineTransferred(
            id,
            seller.id(),
            buyer.id(),
            checkedRegistration.strip().toUpperCase(java.util.Locale.ROOT),
            checkedAt,
            shippedOn));
  }

  /** The holder moved the item to another storage location. */
  public void relocate(RegistrantView by, String to, LocalDate on) {
    requireNotFinal("relocated");
    if (state != CustodyState.HELD) {
      throw new ConflictingState(
          describe() + " is " + state + ": only equipment in its holder's custody is relocated");
    }
    requireHolder(by, "relocate");
    String target = requireLocation(to);
    if (target.equals(location)) {
      throw new InvalidRequest("location", "the item is already at '" + target + "'");
    }
    location = target;
    recorded.add(new MachineRelocated(id, by.id(), target, on));
  }

  /**
   * The holder exported the item under the transaction id of its export report (the report's lead
   * time is checked by {@code Deadlines} before this is called).
   */
  public void export(RegistrantView exporter, String transactionId, String country, LocalDate on) {
    requireNotFinal("exported");
    if (state != CustodyState.HELD) {
      throw new ConflictingState(
          describe() + " is " + state + ": only equipment in its holder's custody is exported");
    }
    requireHolder(exporter, "export");
    if (exporter.category() != RegistrantCategory.EXPORTER
        && exporter.category() != RegistrantCategory.MANUFACTURER) {
      throw new ConflictingState(
          exporter.label()
              + " is a "
              + exporter.category()
              + ": only exporters and manufacturers export equipment");
    }
    requireActive(exporter, "export");
    if (transactionId == null || transactionId.isBlank()) {
      throw new InvalidRequest(
          "transactionId", "an export needs the transaction id issued for its filed report");
    }
    if (country == null || !country.strip().matches("[A-Za-z]{3}")) {
      throw new InvalidRequest(
          "country", "destination country '" + country + "' must be an ISO 3166 alpha-3 code");
    }
    state = CustodyState.EXPORTED;
    recorded.add(
        new MachineExported(
            id,
            exporter.id(),
            transactionId.strip(),
            country.strip().toUpperCase(java.util.Locale.ROOT),
            on));
  }

  /** The holder reported the item lost. */
  public void reportLost(RegistrantView by, String details, LocalDate on) {
    reportLost(by, details, on, null);
  }

  /**
   * The holder reported the item lost, discovered on {@code discovered} (null: the day it was
   * lost), which may not come before the loss.
   */
  public void reportLost(RegistrantView by, String details, LocalDate on, LocalDate discovered) {
    requireHeldForReport(by, "lost");
    state = CustodyState.LOST;
    recorded.add(new MachineReportedLost(id, by.id(), details, on, discovery(on, discovered)));
  }

  private static LocalDate discovery(LocalDate on, LocalDate discovered) {
    if (discovered == null || discovered.equals(on)) {
      return null;
    }
    if (discovered.isBefore(on)) {
      throw new InvalidRequest(
          "discoveredOn", "discoveredOn " + discovered + " is before the day it happened, " + on);
    }
    return discovered;
  }

  /** The holder reported the item stolen. */
  public void reportStolen(RegistrantView by, String details, LocalDate on) {
    reportStolen(by, details, on, null);
  }

  /** The holder reported the item stolen, discovered on {@code discovered} (null: that day). */
  public void reportStolen(RegistrantView by, String details, LocalDate on, LocalDate discovered) {
    requireHeldForReport(by, "stolen");
    state = CustodyState.STOLEN;
    recorded.add(new MachineReportedStolen(id, by.id(), details, on, discovery(on, discovered)));
  }

  /**
   * The item is back with its last lawful holder: found, recovered after a theft, or released from
   * a seizure. The holder must still be active to take it back.
   */
  public void recover(RegistrantView lawfulHolder, String details, LocalDate on) {
    requireNotFinal("recovered");
    if (!RECOVERABLE.contains(state)) {
      throw new ConflictingState(
          describe() + " is " + state + ": only lost, stolen or seized equipment is recovered");
    }
    if (!lawfulHolder.id().equals(holder)) {
      throw new IllegalArgumentException("recovery goes to the holder of record");
    }
    requireActive(lawfulHolder, "take back");
    state = CustodyState.HELD;
    recorded.add(new MachineRecovered(id, holder, details, on));
  }

  /** An agency seized the item, whoever had it. */
  public void seize(String agency, String details, LocalDate on) {
    requireNotFinal("seized");
    if (!SEIZABLE.contains(state)) {
      throw new ConflictingState(
          describe() + " is " + state + ": only held, lost or stolen equipment is seized");
    }
    state = CustodyState.SEIZED;
    recorded.add(new MachineSeized(id, agency, details, on));
  }

  /** A seized item was forfeited to the government. */
  public void forfeit(String agency, String details, LocalDate on) {
    requireNotFinal("forfeited");
    if (state != CustodyState.SEIZED) {
      throw new ConflictingState(
          describe() + " is " + state + ": only seized equipment is forfeited");
    }
    state = CustodyState.FORFEITED;
    recorded.add(new MachineForfeited(id, agency, details, on));
  }

  /** The holder destroyed the item it holds. */
  public void destroyByHolder(RegistrantView by, String details, LocalDate on) {
    requireNotFinal("destroyed");
    if (state != CustodyState.HELD) {
      throw new ConflictingState(
          describe() + " is " + state + ": a holder destroys only equipment in its custody");
    }
    requireHolder(by, "destroy");
    state = CustodyState.DESTROYED;
    recorded.add(new MachineDestroyed(id, null, by.id(), details, on));
  }

  /** An agency destroyed an item it seized or that was forfeited. */
  public void destroyByAgency(String agency, String details, LocalDate on) {
    requireNotFinal("destroyed");
    if (!SEIZED_OR_FORFEITED.contains(state)) {
      throw new ConflictingState(
          describe() + " is " + state + ": an agency destroys only seized or forfeited equipment");
    }
    state = CustodyState.DESTROYED;
    recorded.add(new MachineDestroyed(id, agency, holder, details, on));
  }

  /** Someone saw the item's serial altered, removed or obliterated; the state does not change. */
  public void reportSerialTampering(String reportedBy, String details, LocalDate on) {
    if (state == CustodyState.DESTROYED) {
      throw new ConflictingState(
          describe() + " is DESTROYED: tampering cannot be reported on destroyed equipment");
    }
    if (details == null || details.isBlank()) {
      throw new InvalidRequest("details", "say what was seen on the serial plate");
    }
    tamperingReported = true;
    recorded.add(new SerialTamperingReported(id, reportedBy, details.strip(), on));
  }

  // ---- guards ----------------------------------------------------------------------------------

  private void requireNotFinal(String change) {
    if (state.terminal()) {
      throw new ConflictingState(
          describe() + " is " + state + ": no custody change follows; it cannot be " + change);
    }
  }

  private void requireHolder(RegistrantView by, String action) {
    if (!by.id().equals(holder)) {
      throw new ConflictingState(
          by.label() + " does not hold " + describe() + ": only its holder may " + action + " it");
    }
  }

  private void requireHeldForReport(RegistrantView by, String what) {
    requireNotFinal("reported " + what);
    if (state != CustodyState.HELD) {
      throw new ConflictingState(
          describe()
              + " is "
              + state
              + ": only equipment in its holder's custody is reported "
              + what);
    }
    requireHolder(by, "report it " + what);
  }

  private static void requireActive(RegistrantView registrant, String action) {
    if (!registrant.active()) {
      throw new ConflictingState(
          registrant.label()
              + " is "
              + registrant.status()
              + ": only active registrants hold or acquire equipment, so it cannot "
              + action);
    }
  }

  private static String requireLocation(String location) {
    if (location == null || location.isBlank()) {
      throw new InvalidRequest("location", "the storage location is required");
    }
    if (location.strip().length() > 300) {
      throw new InvalidRequest("location", "the storage location is longer than 300 characters");
    }
    return location.strip();
  }

  private String describe() {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + serial;
  }

  // ---- state -----------------------------------------------------------------------------------

  public String id() {
    return id;
  }

  public SerialNumber serial() {
    return serial;
  }

  public EquipmentKind kind() {
    return kind;
  }

  public String holder() {
    return holder;
  }

  public CustodyState state() {
    return state;
  }

  public String location() {
    return location;
  }

  public boolean tamperingReported() {
    return tamperingReported;
  }

  /** The events recorded since this object was loaded or created, oldest first. */
  public List<CustodyEvent> recordedEvents() {
    return List.copyOf(recorded);
  }
}
