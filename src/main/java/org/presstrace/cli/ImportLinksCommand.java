package org.presstrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.access.AccessContext;
import org.presstrace.casework.LinkBatch;
import org.presstrace.casework.Links;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Utf8Text;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Imports links between case subjects (and to registrants, machines, seizures) from a CSV file as a
 * named user: every row is checked first; on any problem each refused row is printed, nothing is
 * stored, and the exit code is non-zero. {@code --dry-run} checks without storing.
 */
@Command(
    name = "links",
    description = "Import links (payments, ownership ...) from CSV (columns in README).")
class ImportLinksCommand implements Callable<Integer> {

  @Mixin StorageOptions storage = new StorageOptions();

  @ParentCommand ImportCommand parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8, header row).")
  Path file;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "USERNAME",
      description = "Who states the links: an investigator, analyst or supervisor.")
  String user;

  @Option(names = "--dry-run", description = "Check every row and store nothing.")
  boolean dryRun;

  @Option(
      names = "--purpose",
      paramLabel = "TEXT",
      description = "Why (recorded in the audit trail); default: bulk import of FILE.")
  String purpose;

  @Override
  public Integer call() throws IOException {
    if (!Files.isReadable(file)) {
      throw new StartupRefused("cannot read " + file);
    }
    Reader csv = new StringReader(text(file));
    try (ConfigurableApplicationContext context =
        Contexts.boot(parent.root.application(), storage, Map.of())) {
      AccessContext access = Contexts.importing(context, user, purpose, file);
      LinkBatch batch = context.getBean(Links.class).importCsv(access, csv, dryRun);
      PrintWriter out = spec.commandLine().getOut();
      if (!batch.refused()) {
        out.println(
            (dryRun ? "checked " + batch.rows() + " links, nothing stored: " : "imported ")
                + (dryRun ? "all valid" : batch.stored() + " links from " + file));
        out.flush();
        return 0;
      }
      return RowRefusal.print(
          spec.commandLine().getErr(),
          file,
          batch.rows(),
          batch.problems().stream()
              .map(p -> new RowRefusal.Problem(p.row(), p.field(), p.message()))
              .toList());
    }
  }

  /** The file's text, refused before anything starts when it is not UTF-8. */
  static String text(Path file) throws IOException {
    try {
      return Utf8Text.decode(Files.readAllBytes(file));
    } catch (InvalidRequest notText) {
      throw new StartupRefused(file + ": " + notText.getMessage());
    }
  }
}
