package org.presstrace.faults;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.presstrace.faults.PressTraceProcess.Storage;

/**
 * kill -9 during a bulk import: the maker uploads a large inventory as a background job; PressTrace
 * is killed while the job is storing rows; after a restart the import is all or nothing (no
 * machine, custody event, leaf or import record of it, or all of them), the restarted node takes
 * the job over and stores the file whole (or, refused, the same file imports whole when uploaded
 * again), and {@code presstrace ledger verify} passes.
 */
final class ImportKill {

  private static final String FILE = "faults-inventory.csv";

  private final PressTraceProcess presstrace;
  private final Storage storage;
  private final Path work;

  ImportKill(PressTraceProcess presstrace, Storage storage, Path work) {
    this.presstrace = presstrace;
    this.storage = storage;
    this.work = work;
  }

  Result run(int rows) throws Exception {
    var result = new Result("import");
    Path csv = inventory(rows);
    int port = PressTraceProcess.freePort();
    presstrace.start(port, true, "import-first");
    var api = new RegistryClient(port, presstrace.password(), FaultRun.seeded(storage));

    var started = api.startImport("maker", Files.readAllBytes(csv), FILE);
    if (started.status() != 202) {
      return result.expect(false, "the import did not start: " + started.text());
    }
    String job = "/api/v1/registry/imports/jobs/" + started.body().path("id").asString();
    String phase = "";
    long done = 0;
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      var progress = api.get(job, "maker").body();
      phase = progress.path("phase").asString();
      done = progress.path("done").asLong();
      if (!progress.path("state").asString().equals("RUNNING")
          || (phase.equals("STORING") && done >= rows / 4)) {
        break;
      }
      Thread.sleep(50);
    }
    presstrace.kill();
    result.expect(
        phase.equals("STORING"),
        "the import was in phase '" + phase + "' at the kill, not STORING");

    presstrace.start(port, false, "import-second");
    long[] afterKill;
    try (var connection = StoredCustody.open(storage)) {
      afterKill = imported(connection);
    }
    boolean nothing = afterKill[0] == 0 && afterKill[1] == 0 && afterKill[2] == 0;
    boolean whole = afterKill[0] == rows && afterKill[1] == rows && afterKill[2] == 1;
    result.expect(
        nothing || whole,
        "partial import after the kill: "
            + afterKill[0]
            + " machines, "
            + afterKill[1]
            + " custody events, "
            + afterKill[2]
            + " import records of "
            + rows
            + " rows");

    // The job and its file are in the database: the restarted node takes the job over once the
    // killed one's heartbeats are stale, and imports the file whole (or refuses it cleanly).
    String resumed = "";
    long resumeDeadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < resumeDeadline) {
      resumed = api.get(job, "maker").body().path("state").asString();
      if (!resumed.equals("QUEUED") && !resumed.equals("RUNNING")) {
        break;
      }
      Thread.sleep(500);
    }
    long[] afterResume;
    try (var connection = StoredCustody.open(storage)) {
      afterResume = imported(connection);
    }
    nothing = afterResume[0] == 0 && afterResume[1] == 0 && afterResume[2] == 0;
    result.expect(
        nothing || (afterResume[0] == rows && afterResume[1] == rows && afterResume[2] == 1),
        "partial import after the job was taken over: " + afterResume[0] + " machines");
    long again = System.nanoTime();
    var retried = nothing ? api.importNow("maker", csv, FILE) : null;
    double retrySeconds = FaultRun.seconds(System.nanoTime() - again);
    if (nothing) {
      result.expect(
          retried.status() == 201 && retried.body().path("rows").asInt() == rows,
          "the same file did not import whole after the restart: "
              + retried.status()
              + " "
              + abbreviate(retried.text()));
    }
    presstrace.stop();

    long[] end;
    long events;
    long custodyLeaves;
    long size;
    long leaves;
    try (var connection = StoredCustody.open(storage)) {
      end = imported(connection);
      events = StoredCustody.count(connection, "SELECT COUNT(*) FROM custody_event");
      custodyLeaves =
          StoredCustody.count(
              connection, "SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'");
      size = StoredCustody.count(connection, "SELECT size FROM ledger_state");
      leaves = StoredCustody.count(connection, "SELECT COUNT(*) FROM ledger_leaf");
    }
    result.expect(
        end[0] == rows && end[1] == rows && end[2] == 1,
        "after the retry: " + end[0] + " machines, " + end[1] + " events, " + end[2] + " imports");
    result.expect(
        events == custodyLeaves, events + " custody events but " + custodyLeaves + " leaves");
    result.expect(size == leaves, "ledger size " + size + " but " + leaves + " leaves");
    int verify = presstrace.verifyLedger();
    result.expect(verify == 0, "ledger verify exited " + verify);
    return result
        .figure("rows", rows)
        .figure("killed_in", phase + "@" + done)
        .figure("machines_after_kill", afterKill[0])
        .figure("events_after_kill", afterKill[1])
        .figure("imports_after_kill", afterKill[2])
        .figure("job_after_restart", resumed)
        .figure("retry_status", retried == null ? "not needed" : String.valueOf(retried.status()))
        .figure("retry_s", retrySeconds)
        .figure("machines_after_retry", end[0])
        .figure("ledger_verify", verify == 0 ? "ok" : "exit " + verify);
  }

  /** Machines, custody events and import records of the file. */
  private static long[] imported(Connection connection) throws Exception {
    return new long[] {
      StoredCustody.count(
          connection, "SELECT COUNT(*) FROM machine WHERE serial_as_entered LIKE 'FI-%'"),
      StoredCustody.count(
          connection,
          "SELECT COUNT(*) FROM custody_event e JOIN machine m ON m.id = e.machine_id"
              + " WHERE m.serial_as_entered LIKE 'FI-%'"),
      StoredCustody.count(
          connection, "SELECT COUNT(*) FROM registry_import WHERE file_name = '" + FILE + "'")
    };
  }

  /** {@code rows} inventory rows of rotary presses for the importing registrant itself. */
  private Path inventory(int rows) throws Exception {
    Path csv = work.resolve(FILE);
    String day = RegistryClient.yesterday().toString();
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("record,serial,make,model,kind,power,rated_output_per_hour,location,occurred_on\n");
      for (int i = 0; i < rows; i++) {
        out.write(
            String.format(
                "INVENTORY,FI-%07d,Korsch,XL 100,TABLETING_ROTARY,POWERED,60000,Hall 1,%s%n",
                i, day));
      }
    }
    return csv;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
