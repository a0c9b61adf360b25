package org.presstrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.EntityCsv;
import org.presstrace.resolution.Match;
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
 * database start. Writes {@code left_id,right_id,score} for every pair at or above the threshold.
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

  @Spec picocli.CommandLine.Model.CommandSpec spec;

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
    var reader = EntityCsv.mapping(kind, map);
    List<Entity> lefts = reader.read(left, "left");
    Matching matching = Matching.with(options);
    MatchRun run =
        right == null
            ? matching.deduplicate(lefts)
            : matching.link(lefts, reader.read(right, "right"));
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
