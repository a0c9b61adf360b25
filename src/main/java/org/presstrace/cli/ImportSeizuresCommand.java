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
import org.presstrace.seizures.ImportReport;
import org.presstrace.seizures.Seizures;
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
 * Imports seizure reports from a CSV file as a named user (channel CLI): every row is checked
 * first; on any problem the validation report is printed, nothing is stored, and the exit code is
 * non-zero.
 */
@Command(
    name = "seizures",
    description = "Import seizure reports from CSV (columns in docs/seizures.md).")
class ImportSeizuresCommand implements Callable<Integer> {

  @Mixin StorageOptions storage = new StorageOptions();

  @ParentCommand ImportCommand parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8, header row).")
  Path file;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "USERNAME",
      description = "Who reports: an investigator or supervisor of a domestic agency.")
  String user;

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
      ImportReport report = context.getBean(Seizures.class).importCsv(access, csv);
      PrintWriter out = spec.commandLine().getOut();
      if (report.accepted()) {
        out.println("imported " + report.stored() + " seizures from " + file);
        out.flush();
        return 0;
      }
      return RowRefusal.print(
          spec.commandLine().getErr(),
          file,
          report.rows(),
          report.problems().stream()
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
