package org.presstrace.cli;

import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.presstrace.ledger.LedgerVerifier;
import org.presstrace.ledger.Verification;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Ledger jobs over the configured database. */
@Command(
    name = "ledger",
    description = "Tamper-evident ledger jobs.",
    subcommands = {LedgerCommand.Verify.class})
class LedgerCommand {

  @ParentCommand PressTraceCommand root;

  /** Re-reads the whole log; exits 0 when it holds, 1 naming the first divergence. */
  @Command(
      name = "verify",
      description = "Re-read every leaf, node and signed head; exit 1 on the first divergence.")
  static class Verify implements Callable<Integer> {

    @ParentCommand LedgerCommand ledger;

    @Mixin StorageOptions storage = new StorageOptions();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      var properties = new LinkedHashMap<String, Object>(storage.properties(false));
      if (storage.usesEmbeddedDatabase()) {
        Preflight.dataDirectory(storage.dataDir);
      }
      Preflight.database(
          (String) properties.get("spring.datasource.url"),
          (String) properties.get("spring.datasource.username"),
          (String) properties.get("spring.datasource.password"));
      properties.put("logging.level.root", "warn");
      properties.put("logging.level.org.springframework.boot.SpringApplication", "off");
      var application = new SpringApplication(ledger.root.application());
      application.setWebApplicationType(WebApplicationType.NONE);
      String[] args =
          properties.entrySet().stream()
              .map(e -> "--" + e.getKey() + "=" + e.getValue())
              .toArray(String[]::new);
      try (var context = application.run(args)) {
        Verification result = context.getBean(LedgerVerifier.class).verify();
        if (result.holds()) {
          spec.commandLine()
              .getOut()
              .println(
                  "ledger holds: "
                      + result.leaves()
                      + " leaves, "
                      + result.heads()
                      + " signed heads verified");
          return 0;
        }
        spec.commandLine()
            .getErr()
            .println("presstrace: ledger diverges: " + result.firstDivergence());
        return PressTraceCommand.EXIT_FAILURE;
      }
    }
  }
}
