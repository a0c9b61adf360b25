package org.presstrace.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.presstrace.faults.PressTraceProcess.Storage;
import org.presstrace.faults.RegistryClient.Answer;

/**
 * The embedded database's disk full: PressTrace on H2 with its data directory on a small file
 * system (a tmpfs the caller mounted); the file system is filled; writes must fail with a clear
 * error (a 5xx problem, not a hang); when space returns writes resume; after a restart everything
 * acknowledged reads back and {@code presstrace ledger verify} passes.
 */
final class DiskFull {

  /** Refuses to fill a file system larger than this: it must be a scratch one. */
  private static final long LARGEST_FILE_SYSTEM = 512L * 1024 * 1024;

  private static final int REFUSALS_WANTED = 5;
  private static final Duration WRITING_WHILE_FULL = Duration.ofSeconds(120);
  private static final int RESUME_BOUND_SECONDS = 30;

  private final PressTraceProcess presstrace;
  private final Storage storage;

  DiskFull(PressTraceProcess presstrace, Storage storage) {
    this.presstrace = presstrace;
    this.storage = storage;
  }

  Result run() throws Exception {
    var result = new Result("disk-full");
    var store = Files.getFileStore(storage.data());
    if (!storage.embedded() || store.getTotalSpace() > LARGEST_FILE_SYSTEM) {
      return result.expect(
          false,
          "needs the embedded database on a scratch file system of at most 512 MiB, not "
              + store
              + " ("
              + store.getTotalSpace() / 1024 / 1024
              + " MiB)");
    }
    int port = PressTraceProcess.freePort();
    presstrace.start(port, true, "disk-full-first");
    var api = new RegistryClient(port, presstrace.password(), FaultRun.seeded(storage));
    var acknowledged = new java.util.HashMap<String, List<RegistryClient.Acknowledged>>();
    int n = 0;
    for (; n < 5; n++) {
      write(api, "DF-" + n, acknowledged);
    }
    long databaseBytes = Files.size(storage.data().resolve("presstrace.mv.db"));

    Path filler = storage.data().resolve("filler");
    long filled = fill(filler);
    Map<String, Integer> whileFull = new TreeMap<>();
    long slowest = 0;
    int acknowledgedWhileFull = 0;
    int refused = 0;
    var answers = new ArrayList<String>();
    // H2 first fills the free space inside its file; keep writing until it needs more.
    long fullSince = System.nanoTime();
    while (refused < REFUSALS_WANTED
        && System.nanoTime() - fullSince < WRITING_WHILE_FULL.toNanos()) {
      try {
        Answer answer = write(api, "DF-" + n++, acknowledged);
        slowest = Math.max(slowest, answer.millis());
        whileFull.merge(answer.status() + "_" + contentType(answer), 1, Integer::sum);
        if (answer.acknowledged()) {
          acknowledgedWhileFull++;
        } else {
          refused++;
          if (answers.size() < 2) {
            answers.add(answer.text().replace('\n', ' '));
          }
        }
      } catch (IOException noAnswer) {
        refused++;
        whileFull.merge("no_answer_" + noAnswer.getClass().getSimpleName(), 1, Integer::sum);
      }
    }
    result.expect(refused > 0, "no write was refused with the disk full: not exercised");
    result.expect(
        whileFull.keySet().stream().allMatch(key -> key.startsWith("5") || key.startsWith("2")),
        "writes with the disk full answered " + whileFull + " (expected 5xx problems)");
    result.expect(
        whileFull.keySet().stream()
            .noneMatch(key -> key.startsWith("5") && !key.contains("problem")),
        "a refusal was not problem details: " + whileFull);

    Files.delete(filler);
    long freed = System.nanoTime();
    double resumed = -1;
    int attempts = 0;
    while (System.nanoTime() - freed < RESUME_BOUND_SECONDS * 1_000_000_000L) {
      attempts++;
      Answer answer = write(api, "DF-" + n++, acknowledged);
      if (answer.acknowledged()) {
        resumed = FaultRun.seconds(System.nanoTime() - freed);
        break;
      }
      Thread.sleep(500);
    }
    result.expect(
        resumed >= 0,
        "writes did not resume within "
            + RESUME_BOUND_SECONDS
            + " s of freeing space ("
            + attempts
            + " tries) without a restart");
    presstrace.stop();

    StoredCustody.Report report;
    try (var connection = StoredCustody.open(storage)) {
      report = StoredCustody.check(connection, acknowledged);
    }
    result.problems.addAll(report.problems());
    int verify = presstrace.verifyLedger();
    result.expect(verify == 0, "ledger verify exited " + verify);
    presstrace.start(port, false, "disk-full-second");
    Answer afterRestart = write(api, "DF-" + n, acknowledged);
    result.expect(
        afterRestart.acknowledged(), "no write after the restart: " + afterRestart.text());
    presstrace.stop();

    for (String answer : answers) {
      System.out.println("  answer with the disk full: " + answer);
    }
    return result
        .figure("database_mib", databaseBytes / 1024 / 1024)
        .figure("filler_mib", filled / 1024 / 1024)
        .figure("acknowledged_while_full", acknowledgedWhileFull)
        .figure("refused", refused)
        .figure("answers", whileFull.toString().replace(" ", "_"))
        .figure("slowest_ms", slowest)
        .figure("resumed_s", resumed)
        .figure("acknowledged", report.acknowledged())
        .figure("present", report.present())
        .figure("ledger_verify", verify == 0 ? "ok" : "exit " + verify);
  }

  /** Registers a machine and, if acknowledged, sells it on; returns the last answer. */
  private static Answer write(
      RegistryClient api, String serial, Map<String, List<RegistryClient.Acknowledged>> into)
      throws IOException, InterruptedException {
    Answer made = api.registerMachine(serial);
    if (!made.acknowledged()) {
      return made;
    }
    var chain = new ArrayList<>(List.of(RegistryClient.registered(made)));
    into.put(chain.get(0).machineId(), chain);
    Answer moved = api.transfer(chain.get(0).machineId(), chain.get(0).holder());
    if (moved.acknowledged()) {
      chain.add(RegistryClient.transferred(chain.get(0).machineId(), moved));
    }
    return moved;
  }

  /** Writes {@code filler} until the file system refuses another byte; returns its size. */
  private static long fill(Path filler) throws IOException {
    byte[] block = new byte[1024 * 1024];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (int size = block.length; size > 0; size /= 2) {
        try {
          while (true) {
            out.write(block, 0, size);
            out.flush();
            written += size;
          }
        } catch (IOException full) {
          // try a smaller block, down to one byte
        }
      }
    } catch (IOException closing) {
      // the last buffered bytes did not fit either
    }
    return written;
  }

  private static String contentType(Answer answer) {
    return answer.text().contains("\"status\"") && answer.text().contains("\"title\"")
        ? "problem"
        : "other";
  }
}
