package org.presstrace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.registry.ImportProblem;
import org.presstrace.registry.ImportProgress;
import org.presstrace.registry.ImportResult;
import org.presstrace.registry.RegistryImports;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Imports a registry CSV file of inventories and transfers (docs/registry-import.md) as a named
 * user, all or nothing. Exits 0 when stored (or, with {@code --dry-run}, when valid), 1 with the
 * report of every bad row and field when anything is wrong, in which case nothing is stored.
 */
@Command(
    name = "registry",
    description =
        "Import equipment inventories and transfers from a CSV file (docs/registry-import.md).")
class ImportRegistryCommand implements Callable<Integer> {

  @ParentCommand ImportCommand parent;

  @Mixin StorageOptions storage = new StorageOptions();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8).")
  Path file;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "USERNAME",
      description =
          "Who imports: a registrant's user (its own equipment) or an operator administrator.")
  String user;

  @Option(names = "--dry-run", description = "Only check the file; store nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new StartupRefused("no file " + file);
    }
    byte[] content = Files.readAllBytes(file);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ConfigurableApplicationContext context =
        Contexts.boot(
            parent.root.application(),
            storage,
            Map.of("presstrace.registry.compliance.sweep-cron", "-"))) {
      Caller caller = Contexts.user(context, user);
      ImportResult result =
          context
              .getBean(RegistryImports.class)
              .importCsv(
                  new AccessContext(caller, Channel.CLI, null),
                  file.getFileName().toString(),
                  content,
                  dryRun,
                  progress(err));
      return report(result, out, err);
    }
  }

  /** Progress on standard error every 10,000 rows. */
  private static ImportProgress progress(PrintWriter err) {
    return (phase, done, total) -> {
      if (total >= ImportProgress.EVERY) {
        err.println(String.format(Locale.ROOT, "%s %,d of %,d rows", phase, done, total));
        err.flush();
      }
    };
  }

  private static int report(ImportResult result, PrintWriter out, PrintWriter err) {
    if (!result.valid()) {
      result.problems().stream().map(ImportProblem::line).forEach(out::println);
      if (result.problemCount() > result.problems().size()) {
        out.println(
            "... and " + (result.problemCount() - result.problems().size()) + " more problems");
      }
      out.flush();
      err.println(
          "presstrace: "
              + result.fileName()
              + " has "
              + result.problemCount()
              + " problems; nothing was stored");
      return PressTraceCommand.EXIT_FAILURE;
    }
    out.println(
        String.format(
            Locale.ROOT,
            "%s %s: %,d rows (%,d inventory, %,d transfers) in %,d ms%s",
            result.fileName(),
            result.dryRun() ? "is valid" : "imported",
            result.rows(),
            result.inventoryRows(),
            result.transferRows(),
            result.millis(),
            result.dryRun() ? "; nothing stored (dry run)" : " as import " + result.importId()));
    out.flush();
    return 0;
  }
}
