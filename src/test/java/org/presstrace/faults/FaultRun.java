package org.presstrace.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.presstrace.faults.PressTraceProcess.Storage;

/**
 * Runs one fault scenario against real PressTrace processes and prints its verdict with figures;
 * {@code reliability/faults.sh} prepares the database, the file system and the classpath.
 *
 * <pre>
 * FaultRun import|transfers|pg-restart|disk-full --work DIR [--data DIR]
 *          [--db-url URL --db-user U --db-password P --db-owner-user O --db-owner-password Q]
 *          [--pg-restart 'COMMAND'] [--rows N] [--results FILE]
 * </pre>
 *
 * Exits 0 when the scenario passed, 1 when it found a broken promise, 2 when it could not run.
 */
public final class FaultRun {

  private FaultRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("FaultRun: name a scenario: import, transfers, pg-restart, disk-full");
      System.exit(2);
    }
    String scenario = args[0];
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    Path work = Files.createDirectories(Path.of(options.getOrDefault("--work", "target/faults")));
    Path data = Path.of(options.getOrDefault("--data", work.resolve("data").toString()));
    Files.createDirectories(data);
    // Owner-only, as PressTrace requires of its data directory (it refuses to start otherwise).
    Files.setPosixFilePermissions(
        data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    var storage =
        new Storage(
            data,
            options.get("--db-url"),
            options.get("--db-user"),
            options.get("--db-password"),
            options.get("--db-owner-user"),
            options.get("--db-owner-password"));
    var presstrace = new PressTraceProcess(work, storage, "Fault-" + UUID.randomUUID());
    Result result;
    try {
      result =
          switch (scenario) {
            case "import" ->
                new ImportKill(presstrace, storage, work)
                    .run(Integer.parseInt(options.getOrDefault("--rows", "5000")));
            case "transfers" -> new TransferKill(presstrace, storage).run();
            case "pg-restart" ->
                new DatabaseRestart(presstrace, storage).run(required(options, "--pg-restart"));
            case "disk-full" -> new DiskFull(presstrace, storage).run();
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario + "'");
          };
    } catch (Exception e) {
      result = new Result(scenario).expect(false, "could not run: " + e);
      e.printStackTrace();
    } finally {
      if (presstrace.alive()) {
        presstrace.kill();
      }
    }
    for (String problem : result.problems) {
      System.out.println("  problem: " + problem);
    }
    System.out.println(result.line());
    if (options.containsKey("--results")) {
      Files.writeString(
          Path.of(options.get("--results")),
          result.line() + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    System.exit(result.passed() ? 0 : 1);
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  /** The logins and registrants {@code CrashSeed} wrote at the first start. */
  static Properties seeded(Storage storage) throws Exception {
    var seeded = new Properties();
    try (var in = Files.newBufferedReader(storage.data().resolve("crash-registrants.properties"))) {
      seeded.load(in);
    }
    return seeded;
  }

  static double seconds(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }
}
