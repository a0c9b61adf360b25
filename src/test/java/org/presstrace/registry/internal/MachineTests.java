package org.presstrace.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
import org.presstrace.registry.RegistrantStatus;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.SerialNumber;
import org.presstrace.registry.SerialTamperingReported;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;

/** Every allowed and refused transition of the custody lifecycle. */
class MachineTests {

  static final LocalDate DAY = LocalDate.of(2026, 3, 4);
  static final Instant CHECKED = Instant.parse("2026-03-03T15:00:00Z");

  static RegistrantView registrant(
      String id, RegistrantCategory category, RegistrantStatus status) {
    return new RegistrantView(
        id,
        "PPR-" + id,
        "AG-" + id,
        id + " Ltd",
        null,
        category,
        null,
        "1 Main St",
        status,
        DAY.plusYears(1));
  }

  final RegistrantView maker =
      registrant("MAKER", RegistrantCategory.MANUFACTURER, RegistrantStatus.ACTIVE);
  final RegistrantView dealer =
      registrant("DEALER", RegistrantCategory.DEALER, RegistrantStatus.ACTIVE);
  final RegistrantView owner =
      registrant("OWNER", RegistrantCategory.OWNER, RegistrantStatus.ACTIVE);
  final RegistrantView exporter =
      registrant("EXPORTER", RegistrantCategory.EXPORTER, RegistrantStatus.ACTIVE);

  Machine heldBy(RegistrantView holder) {
    return new Machine(
        "m1",
        new SerialNumber("A123-5501"),
        EquipmentKind.TABLETING_ROTARY,
        holder.id(),
        CustodyState.HELD,
        "Bay 4",
        false);
  }

  Machine in(CustodyState state) {
    return new Machine(
        "m1",
        new SerialNumber("A123-5501"),
        EquipmentKind.TABLETING_ROTARY,
        dealer.id(),
        state,
        "Bay 4",
        false);
  }

  // ---- coming in -----------------------------------------------------------------------------

  @Test
  void anActiveManufacturerRegistersWhatItMade() {
    var machine =
        Machine.manufactured(
            "m1", new SerialNumber("A123"), EquipmentKind.DIE, maker, "Plant 1", DAY);
    assertThat(machine.state()).isEqualTo(CustodyState.HELD);
    assertThat(machine.holder()).isEqualTo("MAKER");
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineManufactured("m1", "MAKER", DAY));
  }

  @Test
  void onlyManufacturersRegisterEquipmentAsManufactured() {
    assertThatThrownBy(
            () ->
                Machine.manufactured(
                    "m1", new SerialNumber("A123"), EquipmentKind.DIE, dealer, "x", DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "DEALER Ltd (PPR-DEALER) is a DEALER: only manufacturers register equipment as"
                + " manufactured");
  }

  @ParameterizedTest
  @EnumSource(
      value = RegistrantStatus.class,
      names = {"PENDING", "SUSPENDED", "REVOKED", "EXPIRED"})
  void inactiveRegistrantsNeitherMakeImportNorDeclare(RegistrantStatus status) {
    var inactiveMaker = registrant("M2", RegistrantCategory.MANUFACTURER, status);
    var inactiveImporter = registrant("I2", RegistrantCategory.IMPORTER, status);
    var serial = new SerialNumber("A123");
    assertThatThrownBy(
            () -> Machine.manufactured("m1", serial, EquipmentKind.DIE, inactiveMaker, "x", DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining(
            "is " + status + ": only active registrants hold or acquire equipment");
    assertThatThrownBy(
            () ->
                Machine.imported(
                    "m1", serial, EquipmentKind.DIE, inactiveImporter, "TX-1", "x", DAY))
        .hasMessageContaining("only active registrants hold or acquire equipment");
    assertThatThrownBy(
            () -> Machine.declared("m1", serial, EquipmentKind.DIE, inactiveMaker, "x", DAY, null))
        .hasMessageContaining("only active registrants hold or acquire equipment");
  }

  @Test
  void anImportNeedsAnImporterAndATransactionId() {
    var importer = registrant("IMP", RegistrantCategory.IMPORTER, RegistrantStatus.ACTIVE);
    var machine =
        Machine.imported(
            "m1", new SerialNumber("A123"), EquipmentKind.TURRET, importer, "TX-9", "Dock", DAY);
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineImported("m1", "IMP", "TX-9", DAY));
    assertThatThrownBy(
            () ->
                Machine.imported(
                    "m1", new SerialNumber("A123"), EquipmentKind.TURRET, importer, " ", "D", DAY))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("transaction id");
    assertThatThrownBy(
            () ->
                Machine.imported(
                    "m1", new SerialNumber("A123"), EquipmentKind.TURRET, owner, "TX-9", "D", DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("only importers and manufacturers import equipment");
  }

  @Test
  void aHolderDeclaresEquipmentItAlreadyHadButBrokersHoldNothing() {
    var machine =
        Machine.declared(
            "m1", new SerialNumber("A123"), EquipmentKind.MOULD, owner, "Shed", DAY, "legacy");
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineDeclared("m1", "OWNER", DAY, "legacy"));
    var broker = registrant("BRK", RegistrantCategory.BROKER, RegistrantStatus.ACTIVE);
    assertThatThrownBy(
            () ->
                Machine.declared(
                    "m1", new SerialNumber("A123"), EquipmentKind.MOULD, broker, "x", DAY, null))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("brokers arrange movements but hold no equipment");
  }

  @Test
  void aStorageLocationIsRequired() {
    assertThatThrownBy(
            () ->
                Machine.declared(
                    "m1", new SerialNumber("A123"), EquipmentKind.MOULD, owner, " ", DAY, null))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("the storage location is required");
  }

  // ---- transfers -----------------------------------------------------------------------------

  @Test
  void aDealerTransfersToAnActiveBuyerAndRecordsItsCheck() {
    var machine = heldBy(dealer);
    machine.transferTo(dealer, owner, "ppr-owner", CHECKED, DAY);
    assertThat(machine.holder()).isEqualTo("OWNER");
    assertThat(machine.state()).isEqualTo(CustodyState.HELD);
    assertThat(machine.recordedEvents())
        .containsExactly(
            new MachineTransferred("m1", "DEALER", "OWNER", "PPR-OWNER", CHECKED, DAY));
  }

  @Test
  void aManufacturerSellsToo() {
    var machine = heldBy(maker);
    machine.transferTo(maker, dealer, "PPR-DEALER", CHECKED, DAY);
    assertThat(machine.holder()).isEqualTo("DEALER");
  }

  @Test
  void onlyDealersAndManufacturersSell() {
    var machine = heldBy(owner);
    assertThatThrownBy(() -> machine.transferTo(owner, dealer, "PPR-DEALER", CHECKED, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "OWNER Ltd (PPR-OWNER) is a OWNER: only dealers and manufacturers sell equipment");
    assertThat(machine.recordedEvents()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = CustodyState.class,
      names = {"LOST", "STOLEN", "SEIZED", "FORFEITED"})
  void lostStolenSeizedOrForfeitedEquipmentIsNotTransferred(CustodyState state) {
    var machine = in(state);
    assertThatThrownBy(() -> machine.transferTo(dealer, owner, "PPR-OWNER", CHECKED, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "tableting rotary A123-5501 is "
                + state
                + ": lost, stolen, seized or forfeited equipment cannot be transferred");
  }

  @ParameterizedTest
  @EnumSource(
      value = CustodyState.class,
      names = {"DESTROYED", "EXPORTED"})
  void nothingFollowsDestructionOrExport(CustodyState state) {
    var machine = in(state);
    assertThatThrownBy(() -> machine.transferTo(dealer, owner, "PPR-OWNER", CHECKED, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("no custody change follows; it cannot be transferred");
    assertThatThrownBy(() -> machine.relocate(dealer, "elsewhere", DAY))
        .hasMessageContaining("no custody change follows");
    assertThatThrownBy(() -> machine.reportStolen(dealer, null, DAY))
        .hasMessageContaining("no custody change follows");
    assertThatThrownBy(() -> machine.seize("DEA", null, DAY))
        .hasMessageContaining("no custody change follows");
    assertThatThrownBy(() -> machine.recover(dealer, null, DAY))
        .hasMessageContaining("no custody change follows");
    assertThatThrownBy(() -> machine.forfeit("DEA", null, DAY))
        .hasMessageContaining("no custody change follows");
    assertThatThrownBy(() -> machine.destroyByAgency("DEA", null, DAY))
        .hasMessageContaining("no custody change follows");
    assertThatThrownBy(() -> machine.export(dealer, "TX", "MEX", DAY))
        .hasMessageContaining("no custody change follows");
  }

  @ParameterizedTest
  @EnumSource(
      value = RegistrantStatus.class,
      names = {"PENDING", "SUSPENDED", "REVOKED", "EXPIRED"})
  void inactiveBuyersDoNotAcquire(RegistrantStatus status) {
    var machine = heldBy(dealer);
    var buyer = registrant("BUYER", RegistrantCategory.OWNER, status);
    assertThatThrownBy(() -> machine.transferTo(dealer, buyer, "PPR-BUYER", CHECKED, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "BUYER Ltd (PPR-BUYER) is "
                + status
                + ": only active registrants hold or acquire equipment, so it cannot acquire");
  }

  @Test
  void aSuspendedSellerDoesNotSell() {
    var suspended = registrant("DEALER", RegistrantCategory.DEALER, RegistrantStatus.SUSPENDED);
    var machine = heldBy(suspended);
    assertThatThrownBy(() -> machine.transferTo(suspended, owner, "PPR-OWNER", CHECKED, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is SUSPENDED: only active registrants")
        .hasMessageEndingWith("so it cannot sell");
  }

  @Test
  void onlyTheHolderTransfers() {
    var machine = heldBy(maker);
    assertThatThrownBy(() -> machine.transferTo(dealer, owner, "PPR-OWNER", CHECKED, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessage(
            "DEALER Ltd (PPR-DEALER) does not hold tableting rotary A123-5501: only its holder"
                + " may transfer it");
  }

  @Test
  void theSellerMustHaveCheckedTheBuyersRegistration() {
    var machine = heldBy(dealer);
    assertThatThrownBy(() -> machine.transferTo(dealer, owner, "PPR-OTHER", CHECKED, DAY))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("registration number 'PPR-OTHER' is not the buyer's")
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("buyerRegistration"));
    assertThatThrownBy(() -> machine.transferTo(dealer, owner, "PPR-OWNER", null, DAY))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("buyerCheckedAt"));
    assertThatThrownBy(() -> machine.transferTo(dealer, dealer, "PPR-DEALER", CHECKED, DAY))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("a registrant cannot transfer to itself");
  }

  @Test
  void brokersDoNotAcquire() {
    var broker = registrant("BRK", RegistrantCategory.BROKER, RegistrantStatus.ACTIVE);
    assertThatThrownBy(() -> heldBy(dealer).transferTo(dealer, broker, "PPR-BRK", CHECKED, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("hold no equipment");
  }

  // ---- relocation and export -----------------------------------------------------------------

  @Test
  void theHolderRelocatesHeldEquipment() {
    var machine = heldBy(owner);
    machine.relocate(owner, "Warehouse 2", DAY);
    assertThat(machine.location()).isEqualTo("Warehouse 2");
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineRelocated("m1", "OWNER", "Warehouse 2", DAY));
    assertThatThrownBy(() -> machine.relocate(owner, "Warehouse 2", DAY))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("the item is already at 'Warehouse 2'");
    assertThatThrownBy(() -> machine.relocate(dealer, "Elsewhere", DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("only its holder may relocate it");
    assertThatThrownBy(() -> in(CustodyState.STOLEN).relocate(dealer, "Elsewhere", DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is STOLEN: only equipment in its holder's custody is relocated");
  }

  @Test
  void anExporterExportsHeldEquipmentUnderATransactionId() {
    var machine = heldBy(exporter);
    machine.export(exporter, "TX-77", "mex", DAY);
    assertThat(machine.state()).isEqualTo(CustodyState.EXPORTED);
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineExported("m1", "EXPORTER", "TX-77", "MEX", DAY));
  }

  @Test
  void exportsAreRefusedToOthersAndWithoutTheirReport() {
    assertThatThrownBy(() -> heldBy(dealer).export(dealer, "TX-77", "MEX", DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("only exporters and manufacturers export equipment");
    assertThatThrownBy(() -> heldBy(exporter).export(exporter, "", "MEX", DAY))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("transaction id");
    assertThatThrownBy(() -> heldBy(exporter).export(exporter, "TX", "Mexico", DAY))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("ISO 3166 alpha-3");
    assertThatThrownBy(() -> in(CustodyState.SEIZED).export(dealer, "TX", "MEX", DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is SEIZED: only equipment in its holder's custody is exported");
  }

  // ---- loss, theft, recovery -----------------------------------------------------------------

  @Test
  void theHolderReportsLossAndTheftOfHeldEquipment() {
    var lost = heldBy(owner);
    lost.reportLost(owner, "not found at stocktake", DAY);
    assertThat(lost.state()).isEqualTo(CustodyState.LOST);
    assertThat(lost.recordedEvents())
        .containsExactly(new MachineReportedLost("m1", "OWNER", "not found at stocktake", DAY));

    var stolen = heldBy(owner);
    stolen.reportStolen(owner, "break-in", DAY);
    assertThat(stolen.state()).isEqualTo(CustodyState.STOLEN);
    assertThat(stolen.recordedEvents())
        .containsExactly(new MachineReportedStolen("m1", "OWNER", "break-in", DAY));
  }

  @Test
  void lossAndTheftAreReportedOnlyByTheHolderOfHeldEquipment() {
    assertThatThrownBy(() -> heldBy(owner).reportStolen(dealer, null, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("only its holder may report it stolen");
    assertThatThrownBy(() -> in(CustodyState.LOST).reportStolen(dealer, null, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is LOST: only equipment in its holder's custody is reported stolen");
    assertThatThrownBy(() -> in(CustodyState.SEIZED).reportLost(dealer, null, DAY))
        .hasMessageContaining("is SEIZED");
  }

  @ParameterizedTest
  @EnumSource(
      value = CustodyState.class,
      names = {"LOST", "STOLEN", "SEIZED"})
  void lostStolenOrSeizedEquipmentIsRecoveredToItsHolder(CustodyState state) {
    var machine = in(state);
    machine.recover(dealer, "found", DAY);
    assertThat(machine.state()).isEqualTo(CustodyState.HELD);
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineRecovered("m1", "DEALER", "found", DAY));
  }

  @Test
  void recoveryIsRefusedForHeldOrForfeitedEquipmentAndForAnInactiveHolder() {
    assertThatThrownBy(() -> in(CustodyState.HELD).recover(dealer, null, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is HELD: only lost, stolen or seized equipment is recovered");
    assertThatThrownBy(() -> in(CustodyState.FORFEITED).recover(dealer, null, DAY))
        .hasMessageContaining("is FORFEITED");
    var revoked = registrant("DEALER", RegistrantCategory.DEALER, RegistrantStatus.REVOKED);
    assertThatThrownBy(() -> in(CustodyState.STOLEN).recover(revoked, null, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is REVOKED: only active registrants hold or acquire equipment");
  }

  // ---- seizure, forfeiture, destruction, tampering -------------------------------------------

  @ParameterizedTest
  @EnumSource(
      value = CustodyState.class,
      names = {"HELD", "LOST", "STOLEN"})
  void anAgencySeizesHeldLostOrStolenEquipment(CustodyState state) {
    var machine = in(state);
    machine.seize("DEA", "search warrant 26-114", DAY);
    assertThat(machine.state()).isEqualTo(CustodyState.SEIZED);
    assertThat(machine.holder()).as("last lawful holder").isEqualTo("DEALER");
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineSeized("m1", "DEA", "search warrant 26-114", DAY));
  }

  @Test
  void seizedOrForfeitedEquipmentIsNotSeizedAgain() {
    assertThatThrownBy(() -> in(CustodyState.SEIZED).seize("DEA", null, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("is SEIZED: only held, lost or stolen equipment is seized");
    assertThatThrownBy(() -> in(CustodyState.FORFEITED).seize("DEA", null, DAY))
        .hasMessageContaining("is FORFEITED");
  }

  @Test
  void onlySeizedEquipmentIsForfeited() {
    var machine = in(CustodyState.SEIZED);
    machine.forfeit("DEA", "court order", DAY);
    assertThat(machine.state()).isEqualTo(CustodyState.FORFEITED);
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineForfeited("m1", "DEA", "court order", DAY));
    for (CustodyState state :
        EnumSet.of(CustodyState.HELD, CustodyState.LOST, CustodyState.STOLEN)) {
      assertThatThrownBy(() -> in(state).forfeit("DEA", null, DAY))
          .isInstanceOf(ConflictingState.class)
          .hasMessageContaining("is " + state + ": only seized equipment is forfeited");
    }
  }

  @Test
  void theHolderDestroysHeldEquipment() {
    var machine = heldBy(owner);
    machine.destroyByHolder(owner, "crushed", DAY);
    assertThat(machine.state()).isEqualTo(CustodyState.DESTROYED);
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineDestroyed("m1", null, "OWNER", "crushed", DAY));
    assertThatThrownBy(() -> in(CustodyState.STOLEN).destroyByHolder(dealer, null, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("a holder destroys only equipment in its custody");
    assertThatThrownBy(() -> heldBy(owner).destroyByHolder(dealer, null, DAY))
        .hasMessageContaining("only its holder may destroy it");
  }

  @ParameterizedTest
  @EnumSource(
      value = CustodyState.class,
      names = {"SEIZED", "FORFEITED"})
  void anAgencyDestroysSeizedOrForfeitedEquipment(CustodyState state) {
    var machine = in(state);
    machine.destroyByAgency("DEA", "smelted", DAY);
    assertThat(machine.state()).isEqualTo(CustodyState.DESTROYED);
    assertThat(machine.recordedEvents())
        .containsExactly(new MachineDestroyed("m1", "DEA", "DEALER", "smelted", DAY));
  }

  @Test
  void anAgencyDoesNotDestroyEquipmentItHasNotSeized() {
    assertThatThrownBy(() -> in(CustodyState.HELD).destroyByAgency("DEA", null, DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("an agency destroys only seized or forfeited equipment");
  }

  @Test
  void serialTamperingIsRecordedWithoutChangingState() {
    var machine = in(CustodyState.SEIZED);
    machine.reportSerialTampering("DEA", "plate ground off, A1?3 visible", DAY);
    assertThat(machine.state()).isEqualTo(CustodyState.SEIZED);
    assertThat(machine.tamperingReported()).isTrue();
    assertThat(machine.recordedEvents())
        .containsExactly(
            new SerialTamperingReported("m1", "DEA", "plate ground off, A1?3 visible", DAY));
    assertThatThrownBy(() -> in(CustodyState.DESTROYED).reportSerialTampering("DEA", "x", DAY))
        .isInstanceOf(ConflictingState.class)
        .hasMessageContaining("destroyed equipment");
    assertThatThrownBy(() -> in(CustodyState.HELD).reportSerialTampering("DEA", " ", DAY))
        .isInstanceOf(InvalidRequest.class);
  }
}
