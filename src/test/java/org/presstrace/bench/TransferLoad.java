package org.presstrace.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Transfer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Domestic transfers through the service layer ({@link Registry#transfer}): each one checks the
 * rules, updates the machine, appends its custody event, writes the audit entry and the ledger
 * leaves, all in one transaction, as a dealer's user would through the API. Machines held by active
 * dealers are sold on to other active dealers, so each stays sellable; every thread sells its own
 * machines.
 */
final class TransferLoad {

  record Result(int threads, long transfers, long failures, double seconds, Latencies latencies) {
    double perSecond() {
      return transfers / seconds;
    }
  }

  private record Dealer(String id, String number, String agency) {}

  private final Registry registry;
  private final Directory directory;
  private final List<Dealer> dealers;
  private final List<String[]> machines;
  private final Map<String, Caller> callers = new ConcurrentHashMap<>();

  TransferLoad(Registry registry, Directory directory, JdbcClient jdbc, int machineLimit) {
    this.registry = registry;
    this.directory = directory;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    this.dealers =
        jdbc.sql(
                """
                SELECT id, registration_number, agency_code FROM registrant
                WHERE category = 'DEALER' AND status = 'ACTIVE' AND expires_on > :today
                  AND id LIKE :generated
                ORDER BY id
                """)
            .param("today", today)
            .param("generated", RegistryWorld.GENERATED_IDS)
            .query((rs, row) -> new Dealer(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    this.machines =
        jdbc.sql(
                """
                SELECT m.id, m.current_holder FROM machine m
                JOIN registrant r ON r.id = m.current_holder
                WHERE m.state = 'HELD' AND r.category = 'DEALER' AND r.status = 'ACTIVE'
                  AND r.expires_on > :today AND r.id LIKE :generated
                  AND m.kind IN ('TABLETING_SINGLE_PUNCH', 'TABLETING_ROTARY',
                                 'ENCAPSULATING_MANUAL', 'ENCAPSULATING_SEMI_AUTOMATIC',
                                 'ENCAPSULATING_AUTOMATIC')
                ORDER BY m.id
                FETCH FIRST :limit ROWS ONLY
                """)
            .param("today", today)
            .param("limit", machineLimit)
            .param("generated", RegistryWorld.GENERATED_IDS)
            .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    if (dealers.size() < 2 || machines.isEmpty()) {
      throw new IllegalStateException(
          "the world has "
              + dealers.size()
              + " active dealers and "
              + machines.size()
              + " machines they hold: too few to transfer");
    }
  }

  int machines() {
    return machines.size();
  }

  /** Transfers for {@code duration} on {@code threads} threads, each with its own machines. */
  Result run(int threads, Duration duration, long seed) throws InterruptedException {
    var done = new AtomicLong();
    var failed = new AtomicLong();
    var perThread = new ArrayList<Latencies>();
    var workers = new ArrayList<Thread>();
    long deadline = System.nanoTime() + duration.toNanos();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      var mine = new ArrayList<String[]>();
      for (int i = t; i < machines.size(); i += threads) {
        mine.add(machines.get(i));
      }
      var latencies = new Latencies();
      perThread.add(latencies);
      var random = new SplittableRandom(seed + t);
      var worker =
          new Thread(() -> sell(mine, random, deadline, latencies, done, failed), "transfer-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    var all = new Latencies();
    perThread.forEach(all::addAll);
    return new Result(threads, done.get(), failed.get(), seconds, all);
  }

  private void sell(
      List<String[]> mine,
      SplittableRandom random,
      long deadline,
      Latencies latencies,
      AtomicLong done,
      AtomicLong failed) {
    if (mine.isEmpty()) {
      return;
    }
    Map<String, Dealer> byId = new java.util.HashMap<>();
    dealers.forEach(d -> byId.put(d.id(), d));
    int next = 0;
    while (System.nanoTime() < deadline) {
      String[] machine = mine.get(next++ % mine.size());
      Dealer seller = byId.get(machine[1]);
      Dealer buyer = dealers.get(random.nextInt(dealers.size()));
      if (buyer.id().equals(seller.id())) {
        continue;
      }
      var context = new AccessContext(caller(seller), Channel.API, null);
      var transfer =
          new Transfer(
              buyer.number(), Instant.now().minusSeconds(60), LocalDate.now(ZoneOffset.UTC));
      long began = System.nanoTime();
      try {
        registry.transfer(context, machine[0], transfer);
        latencies.add(System.nanoTime() - began);
        machine[1] = buyer.id();
        done.incrementAndGet();
      } catch (RuntimeException e) {
        if (failed.incrementAndGet() <= 3) {
          System.err.println("transfer of " + machine[0] + " refused: " + e.getMessage());
        }
      }
    }
  }

  /** The dealer's user, looked up once as a signed-in session would be. */
  private Caller caller(Dealer dealer) {
    return callers.computeIfAbsent(
        dealer.agency(),
        agency ->
            directory
                .caller("r." + agency.substring(2).toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new IllegalStateException("no user for " + agency)));
  }
}
