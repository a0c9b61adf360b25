package org.presstrace.faults;

import java.util.List;
import org.presstrace.faults.PressTraceProcess.Storage;

/**
 * kill -9 during transfers: clients stream machine registrations and transfers through the API;
 * PressTrace is killed with requests open; after a restart every acknowledged custody event is in
 * its machine's chain of custody and in the ledger, the service takes writes again, and {@code
 * presstrace ledger verify} passes.
 */
final class TransferKill {

  private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
  private static final int WRITERS = 3;

  private final PressTraceProcess presstrace;
  private final Storage storage;

  TransferKill(PressTraceProcess presstrace, Storage storage) {
    this.presstrace = presstrace;
    this.storage = storage;
  }

  Result run() throws Exception {
    var result = new Result("transfers");
    int port = PressTraceProcess.freePort();
    presstrace.start(port, true, "transfers-first");
    var api = new RegistryClient(port, presstrace.password(), FaultRun.seeded(storage));
    var writers = new Writers(api, "FK-");
    writers.start(WRITERS);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while ((writers.acks.get() < ACKNOWLEDGED_BEFORE_KILL || writers.inFlight.get() == 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    int openAtKill = writers.inFlight.get();
    presstrace.kill();
    writers.stop();
    result.expect(writers.refusals.isEmpty(), "refused before the kill: " + writers.refusals);
    result.expect(openAtKill > 0, "no request was open when the process was killed");

    presstrace.start(port, false, "transfers-second");
    var after = api.registerMachine("FK-after-restart");
    result.expect(after.acknowledged(), "no write after the restart: " + after.text());
    if (after.acknowledged()) {
      writers.acknowledged.put(
          RegistryClient.registered(after).machineId(), List.of(RegistryClient.registered(after)));
    }
    presstrace.stop();

    StoredCustody.Report report;
    try (var connection = StoredCustody.open(storage)) {
      report = StoredCustody.check(connection, writers.acknowledged);
    }
    result.problems.addAll(report.problems());
    int verify = presstrace.verifyLedger();
    result.expect(verify == 0, "ledger verify exited " + verify);
    return result
        .figure("acknowledged", report.acknowledged())
        .figure("present", report.present())
        .figure("open_at_kill", openAtKill)
        .figure("stored_unacknowledged", report.unacknowledged())
        .figure("ledger_verify", verify == 0 ? "ok" : "exit " + verify);
  }
}
