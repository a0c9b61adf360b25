package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.presstrace.shared.PageQuery;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each item's holder is kept beside it in {@code machine_holder}, so that no index of {@code
 * machine} names a column a sale changes and a sale is a heap-only update on PostgreSQL. What that
 * must not cost: a holder's page shows exactly what it holds, before and after a sale; the two
 * tables never disagree, and on PostgreSQL a transaction that changes one without the other is
 * refused when it commits.
 */
@PressTraceIntegrationTest
class MachineHolderIntegrationTests {

  /** The columns {@code Machines.update} writes; an index on any of them makes a sale non-HOT. */
  private static final List<String> SALE_COLUMNS =
      List.of(
          "current_holder",
          "state",
          "location",
          "tampering_reported",
          "owner_agency",
          "updated_at",
          "version");

  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Trace trace;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  World world;
  RegistrantView seller;
  RegistrantView buyer;
  AccessContext selling;
  AccessContext buying;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    seller = active(admin, "Holding Dealer " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active(admin, "Holding Owner " + world.suffix(), RegistrantCategory.OWNER);
    selling = world.as(world.user("seller", seller.agencyCode(), Role.REGISTRANT), Channel.API);
    buying = world.as(world.user("buyer", buyer.agencyCode(), Role.REGISTRANT), Channel.API);
  }

  private RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  private String declared() {
    String serial = "HD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return registry
        .registerMachine(
            selling,
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

  private void sell(String machine) {
    registry.transfer(
        selling,
        machine,
        new Transfer(buyer.registrationNumber(), Instant.now().minusSeconds(60), today));
  }

  private List<String> heldBy(AccessContext context, RegistrantView holder) {
    return trace.heldBy(context, holder.id(), new PageQuery(0, PageQuery.MAX_SIZE)).items().stream()
        .map(MachineView::id)
        .toList();
  }

  private long disagreements() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM machine m LEFT JOIN machine_holder h ON h.machine_id = m.id"
                + " WHERE h.holder_id IS NULL OR h.holder_id <> m.current_holder")
        .query(Long.class)
        .single();
  }

  @Test
  void aSaleMovesTheItemFromTheSellersPageToTheBuyersAndBothTablesAgree() {
    String kept = declared();
    String sold = declared();
    assertThat(heldBy(selling, seller)).containsExactlyInAnyOrder(kept, sold);
    assertThat(heldBy(buying, buyer)).isEmpty();

    sell(sold);

    assertThat(heldBy(selling, seller)).containsExactly(kept);
    assertThat(heldBy(buying, buyer)).containsExactly(sold);
    assertThat(
            jdbc.sql("SELECT holder_id FROM machine_holder WHERE machine_id = :m")
                .param("m", sold)
                .query(String.class)
                .single())
        .isEqualTo(buyer.id());
    // Every item written by any test of this context so far, imports included.
    assertThat(disagreements()).isZero();
  }

  @Test
  void aChangeThatKeepsTheHolderLeavesTheHoldersRowAlone() {
    String machine = declared();
    registry.reportLost(selling, machine, new CustodyReport(today, "not found at stocktake"));
    assertThat(heldBy(selling, seller)).contains(machine);
    assertThat(disagreements()).isZero();
  }

  @Test
  void onPostgreSqlNoIndexOfTheItemNamesAColumnASaleChanges() {
    assumeTrue(TestDatabase.postgres(), "H2 keeps the indexes its foreign keys are checked by");
    List<String> columns =
        jdbc.sql(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                    + " ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                    + " WHERE i.indrelid = 'machine'::regclass")
            .query(String.class)
            .list();
    assertThat(columns)
        .contains("id", "serial_normalised")
        .doesNotContainAnyElementsOf(SALE_COLUMNS);
  }

  @Test
  void onPostgreSqlASaleIsAHeapOnlyUpdateOfTheItem() {
    assumeTrue(TestDatabase.postgres(), "heap-only updates are PostgreSQL's");
    String machine = declared();
    Map<String, Object> counts =
        transactions.execute(
            status -> {
              sell(machine);
              return jdbc.sql(
                      "SELECT pg_stat_get_xact_tuples_updated('machine'::regclass) AS updated,"
                          + " pg_stat_get_xact_tuples_hot_updated('machine'::regclass) AS hot")
                  .query()
                  .singleRow();
            });
    assertThat(((Number) counts.get("updated")).longValue()).isEqualTo(1);
    assertThat(((Number) counts.get("hot")).longValue()).isEqualTo(1);
  }

  @Test
  void onPostgreSqlAHolderChangedInOneTableAloneIsRefusedAtCommit() {
    assumeTrue(TestDatabase.postgres(), "the deferred foreign key is PostgreSQL's");
    String machine = declared();
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status ->
                        jdbc.sql("UPDATE machine SET current_holder = :b WHERE id = :m")
                            .param("b", buyer.id())
                            .param("m", machine)
                            .update()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("machine_holder_agrees");
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status ->
                        jdbc.sql("UPDATE machine_holder SET holder_id = :b WHERE machine_id = :m")
                            .param("b", buyer.id())
                            .param("m", machine)
                            .update()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("machine_holder_agrees");
    // Nothing of either attempt was kept.
    assertThat(heldBy(selling, seller)).contains(machine);
    assertThat(disagreements()).isZero();
  }
}
