package org.presstrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.EntityCsv;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchEngine;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.MatchRun;
import org.presstrace.resolution.Matching;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.CsvField;
import org.presstrace.shared.InvalidRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Links two CSV files of people or companies, or deduplicates one, in process: no server and no
 * database start (or, with {@code --engine spark}, as an Apache Spark job). Writes {@code
 * left_id,right_id,score} for every pair at or above the threshold.
 */
@Command(
    name = "match",
    description =
        "Link two CSV files of people or companies (or deduplicate one) and write the matched"
            + " pairs as left_id,right_id,score.")
class MatchCommand implements Callable<Integer> {

  @Option(
      names = "--schema",
      required = true,
      paramLabel = "Person|Company",
      description = "what the rows describe")
  String schema;

  @Option(
      names = "--left",
      required = true,
      paramLabel = "A.csv",
      description = "a CSV file with a header row and an id column")
  Path left;

  @Option(
      names = "--right",
      paramLabel = "B.csv",
      description = "the file to link with; without it, --left is deduplicated")
  Path right;

  @Option(
      names = "--map",
      required = true,
      paramLabel = "COLUMN=property,...",
      description =
          "columns to FollowTheMoney properties, e.g. full_name=name,dob=birthDate,tel=phone;"
              + " map a column to id when the id column has another name")
  String map;

  @Option(
      names = "--out",
      paramLabel = "pairs.csv",
      description = "where to write the pairs (default: standard output)")
  Path out;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      description = "the lowest match probability written, in (0, 1] (default: 0.9, the link band)")
  Double threshold;

  @Option(
      names = "--explain",
      description = "add an explanation column: every feature's level and weight")
  boolean explain;

  @Option(
      names = "--fan-out-cap",
      paramLabel = "K",
      description = "drop a blocking key shared by more than K records (default: 500)")
  Integer fanOutCap;

  @Option(
      names = "--engine",
      paramLabel = "in-process|spark",
      description =
          "in-process (default), or spark: the same matching as an Apache Spark job, for files"
              + " too large for one machine (bin/presstrace adds Spark to the class path)")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "with --engine spark: the Spark master, e.g. local[4], spark://host:7077,"
              + " k8s://https://host:6443 (default: local[*], or the one spark-submit gives)")
  String master;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  static final String IN_PROCESS = "in-process";
  static final String SPARK = "spark";

  @Override
  public Integer call() throws IOException {
    try {
      return run();
    } catch (InvalidRequest refused) {
      spec.commandLine().getErr().println("presstrace: " + OneLine.of(refused));
      return PressTraceCommand.EXIT_FAILURE;
    }
  }

  private int run() throws IOException {
    Schema kind = Schema.parse("schema", schema);
    MatchOptions options = MatchOptions.DEFAULTS;
    if (threshold != null) {
      options = options.withLink(threshold);
    }
    if (fanOutCap != null) {
      options = options.withFanOutCap(fanOutCap);
    }
    MatchEngine distributed = engine();
    var reader = EntityCsv.mapping(kind, map);
    List<Entity> lefts = reader.read(left, "left");
    List<Entity> rights = right == null ? null : reader.read(right, "right");
    MatchRun run;
    if (distributed != null) {
      run =
          rights == null
              ? distributed.deduplicate(lefts, options, master)
              : distributed.link(lefts, rights, options, master);
    } else {
      Matching matching = Matching.with(options);
      run = rights == null ? matching.deduplicate(lefts) : matching.link(lefts, rights);
    }
    if (out == null) {
      write(run, spec.commandLine().getOut(), options);
      spec.commandLine().getOut().flush();
    } else {
      try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        write(run, new PrintWriter(file), options);
      }
    }
    return 0;
  }

  /** The engine chosen, or null for the in-process one; refused before any file is read. */
  private MatchEngine engine() {
    String name = engine == null ? IN_PROCESS : engine.trim().toLowerCase(Locale.ROOT);
    if (name.equals(IN_PROCESS)) {
      if (master != null) {
        throw new InvalidRequest("master", "--master needs --engine spark");
      }
      return null;
    }
    if (!name.equals(SPARK)) {
      throw new InvalidRequest(
          "engine", "the engine must be " + IN_PROCESS + " or " + SPARK + ", not '" + engine + "'");
    }
    for (MatchEngine found : ServiceLoader.load(MatchEngine.class)) {
      if (found.name().equals(name)) {
        return found;
      }
    }
    throw new InvalidRequest(
        "engine",
        "the spark engine is not on the class path: run bin/presstrace match --engine spark"
            + " (it builds the engine and adds Spark), or spark-submit as docs/resolution.md shows");
  }

  private void write(MatchRun run, PrintWriter writer, MatchOptions options) {
    writer.print(explain ? "left_id,right_id,score,explanation\n" : "left_id,right_id,score\n");
    for (Match match : run.matches()) {
      if (match.score() < options.link()) {
        continue;
      }
      writer.print(CsvField.of(match.leftId()) + "," + CsvField.of(match.rightId()) + ",");
      writer.print(String.format(Locale.ROOT, "%.4f", match.score()));
      if (explain) {
        writer.print("," + CsvField.of(match.explanation()));
      }
      writer.print("\n");
    }
    writer.flush();
  }
}
