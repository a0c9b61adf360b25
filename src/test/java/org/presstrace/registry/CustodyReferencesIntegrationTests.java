package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agencies and registrants that custody events, machines and transfer records name: a name that
 * is no row is refused on every database; on PostgreSQL a sale checks its names without locking the
 * rows they name, and those rows can be neither deleted nor re-keyed by any role.
 */
@PressTraceIntegrationTest
class CustodyReferencesIntegrationTests {

  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Value("${spring.flyway.url:}")
  String ownerUrl;

  @Value("${spring.flyway.user:}")
  String ownerUser;

  @Value("${spring.flyway.password:}")
  String ownerPassword;

  @Value("${spring.flyway.default-schema:}")
  String schema;

  World world;
  RegistrantView seller;
  RegistrantView buyer;
  String sellerUser;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    seller = active(admin, "Reference Seller " + world.suffix());
    buyer = active(admin, "Reference Buyer " + world.suffix());
    sellerUser = world.user("seller", seller.agencyCode(), Role.REGISTRANT);
  }

  RegistrantView active(AccessContext admin, String name) {
    var registrant =
        registry.register(
            admin,
            new NewRegistrant(
                name, null, RegistrantCategory.DEALER, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  String declared() {
    String serial = "ZR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return registry
        .registerMachine(
            world.as(sellerUser, Channel.API),
            new NewMachine(
                serial,
                false,
                "Acme",
                "RT",
                EquipmentKind.TABLETING_ROTARY,
                null,
                "Bay 4",
                EquipmentOrigin.DECLARED,
                null,
                today,
                null))
        .id();
  }

  String sold() {
    String machine = declared();
    registry.transfer(
        world.as(sellerUser, Channel.API),
        machine,
        new Transfer(buyer.registrationNumber(), Instant.now().minusSeconds(60), today));
    return machine;
  }

  @Test
  void aSaleLocksNoAgencyOrRegistrantRowItNames() {
    assumeTrue(TestDatabase.postgres(), "row locks and their MultiXacts are PostgreSQL's");
    String machine = declared();
    String ownerAgency =
        jdbc.sql("SELECT owner_agency FROM machine WHERE id = :id")
            .param("id", machine)
            .query(String.class)
            .single();

    // Inside the sale's own transaction, after its writes: a foreign key would have left this
    // transaction's id in the xmax of every agency and registrant row the sale names (its KEY
    // SHARE lock), and sales at once would share those locks through MultiXacts.
    List<String> lockedByTheSale =
        new TransactionTemplate(transactionManager)
            .execute(
                status -> {
                  registry.transfer(
                      world.as(sellerUser, Channel.API),
                      machine,
                      new Transfer(
                          buyer.registrationNumber(), Instant.now().minusSeconds(60), today));
                  String self =
                      jdbc.sql("SELECT pg_current_xact_id()::text").query(String.class).single();
                  return jdbc.sql(
                          """
                          SELECT 'registrant ' || id FROM registrant
                           WHERE id IN (:seller, :buyer) AND xmax::text = :self
                          UNION ALL
                          SELECT 'agency ' || code FROM agency
                           WHERE code IN (:sellerAgency, :ownerAgency) AND xmax::text = :self
                          """)
                      .param("seller", seller.id())
                      .param("buyer", buyer.id())
                      .param("sellerAgency", seller.agencyCode())
                      .param("ownerAgency", ownerAgency)
                      .param("self", self)
                      .query(String.class)
                      .list();
                });

    assertThat(lockedByTheSale).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM custody_event WHERE machine_id = :id AND to_registrant"
                        + " = :buyer")
                .param("id", machine)
                .param("buyer", buyer.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aNameThatIsNoAgencyOrRegistrantIsRefusedAndNothingChanges() {
    String machine = sold();
    String event =
        jdbc.sql("SELECT id FROM custody_event WHERE machine_id = :id AND seq = 2")
            .param("id", machine)
            .query(String.class)
            .single();
    Map<String, Object> machineBefore = row("machine", "id", machine);
    Map<String, Object> eventBefore = row("custody_event", "id", event);
    Map<String, Object> recordBefore = row("transfer_record", "machine_id", machine);
    String nobody = "nobody-" + world.suffix();

    for (String change :
        List.of(
            "UPDATE machine SET current_holder = :nobody WHERE id = :machine",
            "UPDATE machine SET owner_agency = :nobody WHERE id = :machine",
            "UPDATE custody_event SET from_registrant = :nobody WHERE id = :event",
            "UPDATE custody_event SET to_registrant = :nobody WHERE id = :event",
            "UPDATE custody_event SET agency = :nobody WHERE id = :event",
            "UPDATE custody_event SET owner_agency = :nobody WHERE id = :event",
            "UPDATE transfer_record SET seller = :nobody WHERE machine_id = :machine",
            "UPDATE transfer_record SET buyer = :nobody WHERE machine_id = :machine")) {
      assertThatThrownBy(
              () ->
                  jdbc.sql(change)
                      .param("nobody", nobody)
                      .param("machine", machine)
                      .param("event", event)
                      .update())
          .as(change)
          .isInstanceOf(DataIntegrityViolationException.class)
          .satisfies(
              refused -> {
                if (TestDatabase.postgres()) {
                  String column = change.replaceAll(".* SET (\\w+) = .*", "$1");
                  String table = change.replaceAll("UPDATE (\\w+) .*", "$1");
                  assertThat(refused)
                      .hasMessageContaining(
                          "violates foreign key constraint \"" + table + "_" + column + "_fkey\"")
                      .hasMessageContaining("Key (" + column + ")=(" + nobody + ")");
                }
              });
    }
    // A new event naming an agency that does not exist is refused as the changed one is.
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        """
                        INSERT INTO custody_event (id, machine_id, seq, type, occurred_on,
                          reported_at, from_registrant, to_registrant, agency, owner_agency, tlp,
                          recorded_by)
                        SELECT :id, machine_id, 3, type, occurred_on, reported_at,
                          from_registrant, to_registrant, :nobody, owner_agency, tlp, recorded_by
                          FROM custody_event WHERE id = :event
                        """)
                    .param("id", UUID.randomUUID().toString())
                    .param("nobody", nobody)
                    .param("event", event)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(row("machine", "id", machine)).isEqualTo(machineBefore);
    assertThat(row("custody_event", "id", event)).isEqualTo(eventBefore);
    assertThat(row("transfer_record", "machine_id", machine)).isEqualTo(recordBefore);
  }

  @Test
  void agenciesAndRegistrantsAreNeverDeletedNorReKeyedEvenByTheSchemaOwner() throws SQLException {
    assumeTrue(TestDatabase.postgres(), "the custody tables keep foreign keys on H2");
    // A registrant no row names yet: only the trigger stands between it and a DELETE.
    AccessContext admin =
        world.as(world.user("admin2", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    RegistrantView unnamed =
        registry.register(
            admin,
            new NewRegistrant(
                "Unnamed " + world.suffix(),
                null,
                RegistrantCategory.DEALER,
                null,
                "2 Press Way",
                null,
                "USA"));
    Map<String, Object> sellerBefore = row("registrant", "id", seller.id());

    try (var owner = DriverManager.getConnection(ownerUrl, ownerUser, ownerPassword)) {
      owner.setAutoCommit(true);
      owner.setSchema(schema);
      for (String change :
          List.of(
              "DELETE FROM registrant WHERE id = '" + unnamed.id() + "'",
              "DELETE FROM registrant WHERE id = '" + seller.id() + "'",
              "UPDATE registrant SET id = 'rekeyed' WHERE id = '" + seller.id() + "'",
              "DELETE FROM agency WHERE code = '" + unnamed.agencyCode() + "'",
              "UPDATE agency SET code = 'REKEYED' WHERE code = '" + seller.agencyCode() + "'",
              "TRUNCATE registrant CASCADE",
              "TRUNCATE agency CASCADE")) {
        try (var statement = owner.createStatement()) {
          assertThatThrownBy(() -> statement.execute(change))
              .as(change)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("never deleted and their keys never change");
        }
      }
      // A change that keeps the key is the registry's ordinary business.
      try (var statement = owner.createStatement()) {
        statement.execute(
            "UPDATE registrant SET address = address WHERE id = '" + seller.id() + "'");
      }
    }

    assertThat(row("registrant", "id", seller.id())).isEqualTo(sellerBefore);
    assertThat(row("registrant", "id", unnamed.id())).isNotNull();
  }

  private Map<String, Object> row(String table, String key, String value) {
    return jdbc.sql("SELECT * FROM " + table + " WHERE " + key + " = :value")
        .param("value", value)
        .query()
        .singleRow();
  }
}
