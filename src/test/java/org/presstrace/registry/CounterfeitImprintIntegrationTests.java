package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A mould or punch stamped with a known counterfeit imprint (the "M 30" of counterfeit oxycodone 30
 * mg) held by a registrant that is not a manufacturer raises a compliance item; a manufacturer's
 * own tooling, and other imprints, raise none.
 */
@PressTraceIntegrationTest
class CounterfeitImprintIntegrationTests {

  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired ComplianceQueue queue;
  @Autowired JdbcClient jdbc;

  World world;
  AccessContext admin;
  AccessContext supervisor;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    supervisor =
        world.as(
            world.user(
                "supervisor", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.SUPERVISOR),
            Channel.API);
  }

  AccessContext registrantUser(RegistrantCategory category, String name) {
    var registrant =
        registry.activate(
            admin,
            registry
                .register(
                    admin,
                    new NewRegistrant(
                        name + " " + world.suffix(), null, category, null, "1 Way", null, "USA"))
                .id(),
            "inspection passed");
    return world.as(
        world.user(name.toLowerCase().replace(" ", ""), registrant.agencyCode(), Role.REGISTRANT),
        Channel.API);
  }

  String tooling(AccessContext holder, EquipmentKind kind, String imprint, EquipmentOrigin origin) {
    return registry
        .registerMachine(
            holder,
            new NewMachine(
                "CI-" + UUID.randomUUID().toString().substring(0, 8),
                false,
                "Tooling Co",
                "T-1",
                kind,
                imprint,
                "Bay 2",
                origin,
                null,
                today,
                null))
        .id();
  }

  List<String> items(String machine) {
    return jdbc.sql(
            "SELECT kind FROM compliance_item WHERE machine_id = :m AND kind = 'COUNTERFEIT_IMPRINT'")
        .param("m", machine)
        .query(String.class)
        .list();
  }

  @Test
  void anMThirtyMouldOrPunchHeldByANonManufacturerIsAnItem() {
    var dealer = registrantUser(RegistrantCategory.DEALER, "Mould Dealer");
    var manufacturer = registrantUser(RegistrantCategory.MANUFACTURER, "Pharma Maker");
    String mould = tooling(dealer, EquipmentKind.MOULD, "m-30", EquipmentOrigin.DECLARED);
    String punch = tooling(dealer, EquipmentKind.UPPER_PUNCH, "M|30", EquipmentOrigin.DECLARED);
    String other = tooling(dealer, EquipmentKind.MOULD, "M 31", EquipmentOrigin.DECLARED);
    String own = tooling(manufacturer, EquipmentKind.MOULD, "M 30", EquipmentOrigin.MANUFACTURED);

    queue.sweep(supervisor);
    queue.sweep(supervisor);

    assertThat(items(mould)).containsExactly("COUNTERFEIT_IMPRINT");
    assertThat(items(punch)).containsExactly("COUNTERFEIT_IMPRINT");
    assertThat(items(other)).isEmpty();
    assertThat(items(own)).as("a manufacturer's own tooling").isEmpty();
    String summary =
        jdbc.sql("SELECT summary FROM compliance_item WHERE machine_id = :m")
            .param("m", mould)
            .query(String.class)
            .single();
    assertThat(summary).contains("'m-30'").contains("M 30").contains("DEALER");
  }

  @Test
  void aManufacturersMouldSoldToADealerBecomesAnItemForTheDealer() {
    var manufacturer = registrantUser(RegistrantCategory.MANUFACTURER, "Tool Maker");
    var owner = registrantUser(RegistrantCategory.OWNER, "Press Owner");
    String mould = tooling(manufacturer, EquipmentKind.MOULD, "M 30", EquipmentOrigin.MANUFACTURED);
    queue.sweep(supervisor);
    assertThat(items(mould)).isEmpty();

    var buyer = registry.registrantOf(owner.caller()).orElseThrow();
    registry.transfer(
        manufacturer,
        mould,
        new Transfer(buyer.registrationNumber(), Instant.now().minusSeconds(60), today));
    queue.sweep(supervisor);

    assertThat(items(mould)).containsExactly("COUNTERFEIT_IMPRINT");
  }
}
