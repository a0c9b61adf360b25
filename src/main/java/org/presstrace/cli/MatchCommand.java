package org.presstrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.presstrace.resolution.PairsCsv;
import org.presstrace.resolution.Schema;
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
      description =
          "a CSV file with a header row and an id column (with --engine spark, any path the"
              + " cluster reads: hdfs://, s3a://, a file on shared storage)")
  String left;

  @Option(
      names = "--right",
      paramLabel = "B.csv",
      description = "the file to link with; without it, --left is deduplicated")
  String right;

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
      names = "--out-dir",
      paramLabel = "DIR",
      description =
          "with --engine spark: a new directory where the cluster writes the pairs as part files"
              + " (part-00000.csv ...; concatenated in name order, they are the --out file)")
  String outDir;

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
    if (distributed != null) {
      return runOn(distributed, reader, options);
    }
    if (outDir != null) {
      throw new InvalidRequest("out-dir", "--out-dir needs --engine spark");
    }
    List<Entity> lefts = reader.read(Path.of(left), "left");
    List<Entity> rights = right == null ? null : reader.read(Path.of(right), "right");
    Matching matching = Matching.with(options);
    MatchRun run = rights == null ? matching.deduplicate(lefts) : matching.link(lefts, rights);
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

  /**
   * The run on another engine, which reads the files and writes the pairs itself. The output file
   * is written beside its place and moved there when complete: a refused run leaves none.
   */
  private int runOn(MatchEngine distributed, EntityCsv reader, MatchOptions options)
      throws IOException {
    if (out == null) {
      PrintWriter console = outDir == null ? spec.commandLine().getOut() : null;
      distributed.match(reader, left, right, options, explain, master, outDir, console);
      return 0;
    }
    Path absolute = out.toAbsolutePath();
    Path partial =
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
    try {
      try (Writer file = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        distributed.match(reader, left, right, options, explain, master, outDir, file);
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
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
    writer.print(PairsCsv.header(explain));
    for (Match match : run.matches()) {
      if (match.score() >= options.link()) {
        writer.print(PairsCsv.line(match, explain));
      }
    }
    writer.flush();
  }
}
