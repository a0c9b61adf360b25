package org.presstrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.casework.FtmImport;
import org.presstrace.casework.FtmImportReport;
import org.presstrace.casework.FtmImports;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Imports FollowTheMoney entities (JSON lines) as case subjects and links of a named user's agency,
 * under the marking given for the batch: every line is checked first; on any problem each refused
 * line is printed, nothing is stored, and the exit code is non-zero. A re-import from the same
 * source stores only what changed. {@code --dry-run} checks without storing.
 */
@Command(
    name = "ftm",
    description =
        "Import FollowTheMoney entities (JSON lines) as subjects and links, all or nothing.")
class ImportFtmCommand implements Callable<Integer> {

  @Mixin StorageOptions storage = new StorageOptions();

  @ParentCommand ImportCommand parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "FILE",
      description = "The FollowTheMoney file, one entity a line (UTF-8).")
  Path file;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "NAME",
      description = "Where the file came from; a re-import from the same source is idempotent.")
  String source;

  @Option(
      names = "--tlp",
      required = true,
      paramLabel = "LEVEL",
      description = "TLP of every subject: CLEAR, GREEN, AMBER, AMBER+STRICT or RED.")
  String tlp;

  @Option(names = "--cui", paramLabel = "CATEGORY", description = "CUI category (LEI ...).")
  String cui;

  @Option(names = "--noforn", description = "Not releasable to foreign nationals.")
  boolean noforn;

  @Option(
      names = "--rel-to",
      paramLabel = "CODES",
      split = ",",
      description = "Countries it may be released to (USA,MEX).")
  List<String> relTo;

  @Option(names = "--compartment", paramLabel = "CODE", description = "A compartment of yours.")
  String compartment;

  @Option(names = "--case", paramLabel = "REFERENCE", description = "Case; default: the source.")
  String caseReference;

  @Option(names = "--contact", paramLabel = "TEXT", description = "Contact; default: the user.")
  String contact;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "USERNAME",
      description = "Who imports: an investigator, analyst or supervisor.")
  String user;

  @Option(names = "--dry-run", description = "Check every line and store nothing.")
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
    String text = ImportLinksCommand.text(file);
    try (ConfigurableApplicationContext context =
        Contexts.boot(parent.root.application(), storage, Map.of())) {
      long limit =
          context
              .getEnvironment()
              .getProperty("presstrace.api.import-max-body-bytes", Long.class, 26_214_400L);
      if (Files.size(file) > limit) {
        throw new StartupRefused(
            file + " is " + Files.size(file) + " bytes, more than the import limit of " + limit);
      }
      AccessContext access = Contexts.importing(context, user, purpose, file);
      var marking =
          new Marking(
              access.caller().agency(),
              Tlp.parse(tlp),
              cui,
              noforn,
              Marking.relTo(relTo == null ? List.of() : relTo),
              compartment);
      FtmImportReport report =
          context
              .getBean(FtmImports.class)
              .importLines(
                  access,
                  new FtmImport(
                      source, file.getFileName().toString(), caseReference, contact, marking),
                  text,
                  dryRun);
      if (report.refused()) {
        return RowRefusal.print(
            spec.commandLine().getErr(),
            file,
            report.lines(),
            report.problems().stream()
                .map(p -> new RowRefusal.Problem(p.line(), p.field(), p.message()))
                .toList(),
            "lines");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          (dryRun ? "checked " : "imported ")
              + file
              + " from "
              + report.source()
              + ": "
              + report.created()
              + " new, "
              + report.unchanged()
              + " unchanged, "
              + report.updated()
              + " updated, "
              + report.skipped()
              + " skipped"
              + (dryRun ? "; nothing stored" : ""));
      out.flush();
      return 0;
    }
  }
}
