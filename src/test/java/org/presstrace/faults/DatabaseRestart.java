package org.presstrace.faults;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.presstrace.faults.PressTraceProcess.Storage;

/**
 * PostgreSQL restarted under load: clients stream registrations and transfers; the database is
 * restarted (the command the caller names, e.g. {@code pg_ctlcluster 15 main restart}); without
 * restarting PressTrace, requests succeed again within {@link #RECOVERY_BOUND_SECONDS}, every
 * acknowledged event is stored once, and no custody event or ledger leaf is duplicated.
 */
final class DatabaseRestart {

  static final int RECOVERY_BOUND_SECONDS = 30;
  private static final int WRITERS = 3;
  private static final int ACKNOWLEDGED_BEFORE = 20;
  private static final int ACKNOWLEDGED_AFTER = 20;

  private final PressTraceProcess presstrace;
  private final Storage storage;

  DatabaseRestart(PressTraceProcess presstrace, Storage storage) {
    this.presstrace = presstrace;
    this.storage = storage;
  }

  Result run(String restartCommand) throws Exception {
    var result = new Result("pg-restart");
    int port = PressTraceProcess.freePort();
    presstrace.start(port, true, "pg-restart");
    var api = new RegistryClient(port, presstrace.password(), FaultRun.seeded(storage));
    var writers = new Writers(api, "PR-");
    writers.start(WRITERS);
    await(() -> writers.acks.get() >= ACKNOWLEDGED_BEFORE, 120);

    int acksBefore = writers.acks.get();
    long restartIssued = System.nanoTime();
    var restart = new ProcessBuilder("bash", "-c", restartCommand).inheritIO().start();
    if (!restart.waitFor(120, TimeUnit.SECONDS) || restart.exitValue() != 0) {
      writers.stop();
      return result.expect(false, "the restart command failed: " + restartCommand);
    }
    long databaseBack = System.nanoTime();
    // Recovered: a request that started after the database was back was acknowledged.
    boolean recovered =
        await(
            () ->
                writers.outcomes.stream()
                    .anyMatch(o -> o.started() >= databaseBack && o.acknowledged()),
            RECOVERY_BOUND_SECONDS + 30);
    int acksAtRecovery = writers.acks.get();
    await(() -> writers.acks.get() >= acksAtRecovery + ACKNOWLEDGED_AFTER, 60);
    writers.stop();

    long firstAckAfter =
        writers.outcomes.stream()
            .filter(o -> o.started() >= databaseBack && o.acknowledged())
            .mapToLong(Writers.Outcome::ended)
            .min()
            .orElse(Long.MAX_VALUE);
    double recovery =
        firstAckAfter == Long.MAX_VALUE ? -1 : FaultRun.seconds(firstAckAfter - databaseBack);
    List<Writers.Outcome> failures =
        writers.outcomes.stream()
            .filter(o -> !o.acknowledged())
            .sorted(Comparator.comparingLong(Writers.Outcome::started))
            .toList();
    double outage =
        failures.isEmpty()
            ? 0
            : FaultRun.seconds(
                Math.max(firstAckAfter == Long.MAX_VALUE ? 0 : firstAckAfter, databaseBack)
                    - Math.min(failures.get(0).started(), restartIssued));
    Map<Integer, Integer> statuses = new TreeMap<>();
    failures.forEach(o -> statuses.merge(o.status(), 1, Integer::sum));
    result.expect(recovered, "no request succeeded within the bound after the database was back");
    result.expect(
        recovery >= 0 && recovery <= RECOVERY_BOUND_SECONDS,
        "recovery took " + recovery + " s (bound " + RECOVERY_BOUND_SECONDS + " s)");
    result.expect(
        statuses.keySet().stream().allMatch(status -> status >= 500),
        "failures other than 5xx: " + statuses + " " + writers.refusals);
    presstrace.stop();

    StoredCustody.Report report;
    try (var connection = StoredCustody.open(storage)) {
      report = StoredCustody.check(connection, writers.acknowledged);
      long duplicated =
          StoredCustody.count(
              connection,
              "SELECT COUNT(*) FROM (SELECT machine_id, seq FROM custody_event"
                  + " GROUP BY machine_id, seq HAVING COUNT(*) > 1) d");
      result.expect(duplicated == 0, duplicated + " custody events stored twice");
    }
    result.problems.addAll(report.problems());
    result.expect(
        report.unacknowledged() <= failures.size(),
        report.unacknowledged()
            + " events stored without acknowledgement, but only "
            + failures.size()
            + " requests failed");
    int verify = presstrace.verifyLedger();
    result.expect(verify == 0, "ledger verify exited " + verify);
    return result
        .figure("acknowledged", report.acknowledged())
        .figure("present", report.present())
        .figure("acknowledged_before_restart", acksBefore)
        .figure("failed_requests", failures.size())
        .figure("failure_statuses", statuses.toString().replace(" ", ""))
        .figure("stored_unacknowledged", report.unacknowledged())
        .figure("restart_s", FaultRun.seconds(databaseBack - restartIssued))
        .figure("recovery_s", recovery)
        .figure("outage_s", outage)
        .figure("ledger_verify", verify == 0 ? "ok" : "exit " + verify);
  }

  /** Waits until {@code condition} holds or {@code seconds} pass; returns whether it held. */
  static boolean await(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }
}
