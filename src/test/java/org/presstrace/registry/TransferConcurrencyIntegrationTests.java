package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.ledger.AuditLeaves;
import org.presstrace.ledger.CustodyLeaves;
import org.presstrace.ledger.Ledger;
import org.presstrace.ledger.LedgerVerifier;
import org.presstrace.ledger.Verification;
import org.presstrace.registry.internal.Machines;
import org.presstrace.shared.NotFound;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers that meet: two sales of one machine at once leave one sale and one refusal, with the
 * machine, its chain of custody, the audit trail and the ledger telling the same story; a refused
 * sale leaves nothing behind; and every committed sale's audit and custody entries reach the log,
 * each machine's in the order its sales committed.
 */
@PressTraceIntegrationTest
class TransferConcurrencyIntegrationTests {

  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Ledger ledger;
  @Autowired LedgerVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  World world;
  RegistrantView seller;
  RegistrantView firstBuyer;
  RegistrantView secondBuyer;
  String sellerUser;
  String firstBuyerUser;
  final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    seller = active(admin, "Racing Dealer " + world.suffix());
    firstBuyer = active(admin, "First Buyer " + world.suffix());
    secondBuyer = active(admin, "Second Buyer " + world.suffix());
    sellerUser = world.user("seller", seller.agencyCode(), Role.REGISTRANT);
    firstBuyerUser = world.user("first", firstBuyer.agencyCode(), Role.REGISTRANT);
  }

  RegistrantView active(AccessContext admin, String name) {
    var registrant =
        registry.register(
            admin,
            new NewRegistrant(
                name, null, RegistrantCategory.DEALER, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  String declared(String user) {
    String serial = "ZQ-C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return registry
        .registerMachine(
            world.as(user, Channel.API),
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

  Transfer to(RegistrantView buyer) {
    return new Transfer(buyer.registrationNumber(), Instant.now().minusSeconds(60), today);
  }

  @Test
  void twoSalesOfOneMachineAtOnceLeaveOneSaleAndOneRefusal() throws Exception {
    String machine = declared(sellerUser);
    AccessContext selling = world.as(sellerUser, Channel.API);
    var transactions = new TransactionTemplate(transactionManager);
    var firstSold = new CountDownLatch(1);
    // The first sale is made and held open; the second starts while the first has not committed,
    // so it reads the machine as still the seller's unless the first sale's hold stops it.
    CompletableFuture<MachineView> first =
        CompletableFuture.supplyAsync(
            () ->
                transactions.execute(
                    status -> {
                      MachineView sold = registry.transfer(selling, machine, to(firstBuyer));
                      firstSold.countDown();
                      pause(1500);
                      return sold;
                    }));
    assertThat(firstSold.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<MachineView> second =
        CompletableFuture.supplyAsync(() -> registry.transfer(selling, machine, to(secondBuyer)));

    assertThat(first.get(60, TimeUnit.SECONDS).holder()).isEqualTo(firstBuyer.id());
    assertThatThrownBy(() -> second.get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NotFound.class);

    assertThat(holder(machine)).isEqualTo(firstBuyer.id());
    assertThat(chain(machine))
        .containsExactly(
            "1 MachineDeclared " + seller.id(), "2 MachineTransferred " + firstBuyer.id());
    assertThat(count("SELECT COUNT(*) FROM transfer_record WHERE machine_id = :m", machine))
        .isEqualTo(1);
    assertThat(custodyAudits(machine)).hasSize(2);
    assertThat(ledger.awaitIntegration()).isTrue();
    assertThat(custodyLeaves(machine)).isEqualTo(2);
    assertThat(queued(machine)).isZero();
    Verification verification = verifier.verify();
    assertThat(verification.holds()).as(verification.firstDivergence()).isTrue();
  }

  @Test
  void aRefusedSaleLeavesNoAuditQueueOrCustodyRow() {
    String machine = declared(sellerUser);
    assertThat(ledger.awaitIntegration()).isTrue();
    long auditsBefore = custodyAudits(machine).size();
    long leavesBefore = custodyLeaves(machine);
    AccessContext selling = world.as(sellerUser, Channel.API);

    // A buyer nobody registered: refused after the machine was read and its hold taken.
    assertThatThrownBy(
            () ->
                registry.transfer(
                    selling,
                    machine,
                    new Transfer("XX" + world.suffix(), Instant.now().minusSeconds(60), today)))
        .isInstanceOf(org.presstrace.shared.InvalidRequest.class);
    // A machine someone else holds: refused as not found.
    AccessContext stranger = world.as(firstBuyerUser, Channel.API);
    assertThatThrownBy(() -> registry.transfer(stranger, machine, to(secondBuyer)))
        .isInstanceOf(NotFound.class);

    assertThat(holder(machine)).isEqualTo(seller.id());
    assertThat(chain(machine)).containsExactly("1 MachineDeclared " + seller.id());
    assertThat(count("SELECT COUNT(*) FROM transfer_record WHERE machine_id = :m", machine))
        .isZero();
    assertThat(custodyAudits(machine)).hasSize((int) auditsBefore);
    assertThat(queued(machine)).isZero();
    assertThat(ledger.awaitIntegration()).isTrue();
    assertThat(custodyLeaves(machine)).isEqualTo(leavesBefore);

    // The machine is still the seller's to sell.
    registry.transfer(selling, machine, to(secondBuyer));
    assertThat(chain(machine))
        .containsExactly(
            "1 MachineDeclared " + seller.id(), "2 MachineTransferred " + secondBuyer.id());
  }

  @Test
  void aSaleAnswersWithTheMachineAsStoredAfterIt() {
    String serial = "ZQ-V" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String machine =
        registry
            .registerMachine(
                world.as(sellerUser, Channel.API),
                new NewMachine(
                    serial,
                    false,
                    "Acme Presses",
                    "RT-9 Mk 2",
                    EquipmentKind.TABLETING_ROTARY,
                    null,
                    "Bay 7, north wall",
                    EquipmentOrigin.DECLARED,
                    null,
                    today,
                    null,
                    EquipmentPower.POWERED,
                    240000))
            .id();

    MachineView sold =
        registry.transfer(world.as(sellerUser, Channel.API), machine, to(firstBuyer));

    MachineView stored =
        jdbc.sql("SELECT " + Machines.KIND.columns() + " FROM machine r WHERE r.id = :m")
            .param("m", machine)
            .query(Machines::view)
            .single();
    assertThat(sold).isEqualTo(stored);
    assertThat(sold.holder()).isEqualTo(firstBuyer.id());
    assertThat(sold.ratedOutputPerHour()).isEqualTo(240000);
    assertThat(sold.make()).isEqualTo("Acme Presses");
    // A registrant's report carries no marking of its own: it is read with its machine.
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM custody_event WHERE machine_id = :m"
                        + " AND owner_agency IS NULL AND tlp IS NULL")
                .param("m", machine)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aSaleReadsNeitherTheLogsCountNorTheCustodyRowItHasJustWritten() {
    String machine = declared(sellerUser);
    AccessContext selling = world.as(sellerUser, Channel.API);
    registry.transfer(selling, machine, to(secondBuyer));
    String secondUser = world.user("second", secondBuyer.agencyCode(), Role.REGISTRANT);

    // Every statement Spring's JDBC runs on this thread during one more sale.
    var statements = new ListAppender<ILoggingEvent>();
    var logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
    Level level = logger.getLevel();
    statements.start();
    logger.addAppender(statements);
    logger.setLevel(Level.DEBUG);
    String thread = Thread.currentThread().getName();
    try {
      registry.transfer(world.as(secondUser, Channel.API), machine, to(seller));
    } finally {
      logger.setLevel(level);
      logger.detachAppender(statements);
    }
    List<String> sql =
        statements.list.stream()
            .filter(event -> event.getThreadName().equals(thread))
            .map(ILoggingEvent::getFormattedMessage)
            .filter(message -> message.startsWith("Executing prepared SQL statement"))
            .toList();

    assertThat(sql).anyMatch(statement -> statement.contains("INSERT INTO custody_event"));
    assertThat(sql).noneMatch(statement -> statement.contains("ledger_leaf"));
    assertThat(sql).noneMatch(statement -> statement.contains("SELECT * FROM custody_event"));
    // The leaves still stand for the entries of their rank, which the verifier checks one by one.
    assertThat(chain(machine))
        .containsExactly(
            "1 MachineDeclared " + seller.id(),
            "2 MachineTransferred " + secondBuyer.id(),
            "3 MachineTransferred " + seller.id());
    assertThat(ledger.awaitIntegration()).isTrue();
    assertThat(custodyLeaves(machine)).isEqualTo(3);
    Verification verification = verifier.verify();
    assertThat(verification.holds()).as(verification.firstDivergence()).isTrue();
  }

  @Test
  void everyCommittedSaleReachesTheLogInTheOrderItsMachineWasSold() throws Exception {
    int machinesSold = 4;
    int rounds = 6;
    List<String> machines = new ArrayList<>();
    for (int i = 0; i < machinesSold; i++) {
      machines.add(declared(sellerUser));
    }
    String secondUser = world.user("second", secondBuyer.agencyCode(), Role.REGISTRANT);
    // Each machine goes back and forth between the seller and the second buyer, all at once.
    List<CompletableFuture<Void>> sales = new ArrayList<>();
    for (String machine : machines) {
      sales.add(
          CompletableFuture.runAsync(
              () -> {
                for (int round = 0; round < rounds; round++) {
                  boolean outward = round % 2 == 0;
                  registry.transfer(
                      world.as(outward ? sellerUser : secondUser, Channel.API),
                      machine,
                      to(outward ? secondBuyer : seller));
                }
              }));
    }
    CompletableFuture.allOf(sales.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    assertThat(ledger.awaitIntegration()).isTrue();

    for (String machine : machines) {
      assertThat(chain(machine)).hasSize(rounds + 1);
      // Each custody leaf is the event of the same rank, and the ranks come in log order.
      List<Long> custodyIndexes =
          jdbc.sql("SELECT idx FROM ledger_leaf WHERE kind = :kind AND ref = :m ORDER BY queue_id")
              .param("kind", CustodyLeaves.KIND)
              .param("m", machine)
              .query(Long.class)
              .list();
      assertThat(custodyIndexes).hasSize(rounds + 1).isSorted();
      // Every custody audit entry of the machine is in the log, in the order of its ids.
      List<Long> audits = custodyAudits(machine);
      assertThat(audits).hasSize(rounds + 1);
      List<Long> auditIndexes = new ArrayList<>();
      for (long audit : audits) {
        auditIndexes.add(
            jdbc.sql("SELECT idx FROM ledger_leaf WHERE kind = :kind AND ref = :ref")
                .param("kind", AuditLeaves.KIND)
                .param("ref", String.valueOf(audit))
                .query(Long.class)
                .single());
      }
      assertThat(auditIndexes).isSorted();
      assertThat(queued(machine)).isZero();
    }
    Verification verification = verifier.verify();
    assertThat(verification.holds()).as(verification.firstDivergence()).isTrue();
  }

  String holder(String machine) {
    return jdbc.sql("SELECT current_holder FROM machine WHERE id = :m")
        .param("m", machine)
        .query(String.class)
        .single();
  }

  /** The chain of custody as "seq TYPE to", oldest first. */
  List<String> chain(String machine) {
    return jdbc.sql(
            "SELECT seq, type, to_registrant FROM custody_event WHERE machine_id = :m ORDER BY seq")
        .param("m", machine)
        .query(
            (rs, row) ->
                rs.getInt(1)
                    + " "
                    + rs.getString(2)
                    + " "
                    + (rs.getString(3) == null ? "-" : rs.getString(3)))
        .list();
  }

  /** The ids of the audit entries of the machine's custody writes, oldest first. */
  List<Long> custodyAudits(String machine) {
    return jdbc.sql(
            "SELECT id FROM audit_event WHERE action = 'CUSTODY' AND record_id = :m ORDER BY id")
        .param("m", machine)
        .query(Long.class)
        .list();
  }

  long custodyLeaves(String machine) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_leaf WHERE kind = :kind AND ref = :m")
        .param("kind", CustodyLeaves.KIND)
        .param("m", machine)
        .query(Long.class)
        .single();
  }

  long queued(String machine) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_queue WHERE kind = :kind AND ref = :m")
        .param("kind", CustodyLeaves.KIND)
        .param("m", machine)
        .query(Long.class)
        .single();
  }

  long count(String sql, String machine) {
    return jdbc.sql(sql).param("m", machine).query(Long.class).single();
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
