package org.presstrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Purpose;
import org.presstrace.substances.DesignationPreview;
import org.presstrace.substances.DesignationPreview.Problem;
import org.presstrace.substances.DesignationRejected;
import org.presstrace.substances.DesignationView;
import org.presstrace.substances.Designations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Imports a designation announcement (CSV or JSON) as an administrator, through the same preview
 * and apply as the designation page and API: the preview is printed first; when any row has a
 * problem every problem is printed, nothing is applied and the exit code is non-zero.
 */
@Command(
    name = "designation",
    description =
        "Import a designation announcement (CSV or JSON, columns in docs/substances.md):"
            + " preview, then apply all or nothing.")
class ImportDesignationCommand implements Callable<Integer> {

  /** Exit code when the file was read but the preview found problems. */
  static final int EXIT_REFUSED = 2;

  @Mixin StorageOptions storage = new StorageOptions();

  @ParentCommand ImportCommand parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The announcement, FILE.csv or FILE.json (UTF-8).")
  Path file;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "USERNAME",
      description = "Who imports: an administrator.")
  String user;

  @Option(names = "--dry-run", description = "Print the preview and its problems; apply nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      throw new StartupRefused("cannot read " + file);
    }
    String content = ImportSeizuresCommand.text(file);
    String format = Designations.formatOf(file.getFileName().toString());
    try (var context = Contexts.boot(parent.root.application(), storage, Map.of())) {
      var access =
          new AccessContext(
              Contexts.user(context, user),
              Channel.CLI,
              new Purpose("Designation import of " + file.getFileName()));
      Designations designations = context.getBean(Designations.class);
      DesignationPreview preview = designations.preview(access, content, format);
      printPreview(preview);
      if (!preview.applicable()) {
        return refused(preview);
      }
      if (dryRun) {
        out().println("dry run: nothing applied");
        out().flush();
        return 0;
      }
      DesignationView applied;
      try {
        applied = designations.apply(access, content, format);
      } catch (DesignationRejected rejected) {
        return refused(rejected.preview());
      }
      out()
          .println(
              "applied "
                  + file
                  + " as list version "
                  + applied.listVersion()
                  + " (designation "
                  + applied.id()
                  + ")");
      out().flush();
      return 0;
    }
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private void printPreview(DesignationPreview preview) {
    PrintWriter out = out();
    out.println(
        "designation: "
            + orUnknown(preview.jurisdiction())
            + ", "
            + orUnknown(preview.instrument())
            + ", "
            + orUnknown(preview.category())
            + ", effective "
            + orUnknown(preview.effectiveFrom())
            + "; "
            + preview.rows().size()
            + " substances, "
            + preview.newSubstances()
            + " new");
    for (DesignationPreview.Row row : preview.rows()) {
      out.println(
          "  row "
              + row.row()
              + ": "
              + row.name()
              + " -> "
              + row.substanceId()
              + (row.newSubstance()
                  ? " (new substance)"
                  : " (listed, matched by " + row.matchedBy() + ")"));
    }
    for (DesignationPreview.Ended ended : preview.endedActions()) {
      out.println("  ends: " + ended.name() + ", " + ended.category() + " since " + ended.since());
    }
    out.flush();
  }

  private int refused(DesignationPreview preview) {
    PrintWriter err = spec.commandLine().getErr();
    for (Problem problem : preview.problems()) {
      err.println(
          (problem.row() == 0 ? "announcement" : "row " + problem.row())
              + ", "
              + problem.field()
              + ": "
              + problem.message());
    }
    err.println(
        "presstrace: "
            + file
            + " refused: "
            + preview.problems().size()
            + (preview.problems().size() == 1 ? " problem" : " problems")
            + " in "
            + preview.rows().size()
            + " rows; nothing applied");
    err.flush();
    return EXIT_REFUSED;
  }

  private static String orUnknown(Object value) {
    return value == null ? "?" : value.toString();
  }
}
