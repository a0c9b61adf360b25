package org.presstrace.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.ledger.ExportCheck;
import org.presstrace.ledger.LedgerExport;
import org.presstrace.ledger.LedgerKeys;
import org.presstrace.ledger.LedgerVerifier;
import org.presstrace.ledger.LedgerWitness;
import org.presstrace.ledger.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Ledger jobs: over the configured database (verify, export), or on their own (check, witness). */
@Command(
    name = "ledger",
    description = "Tamper-evident ledger jobs.",
    subcommands = {
      LedgerCommand.Verify.class,
      LedgerCommand.Export.class,
      LedgerCommand.Check.class,
      LedgerCommand.Witness.class
    })
class LedgerCommand {

  /** Exit code of a witness that saw the log forked, shrunk, badly signed or re-keyed. */
  static final int EXIT_ALERT = 3;

  @ParentCommand PressTraceCommand root;

  /** Prints the outcome of a verification: one line either way; 0 when it holds, else 1. */
  static int report(PrintWriter out, PrintWriter err, String what, Verification result) {
    if (result.holds()) {
      out.println(
          what
              + " holds: "
              + result.leaves()
              + " leaves, "
              + result.heads()
              + " signed heads verified");
      return 0;
    }
    err.println("presstrace: " + what + " diverges: " + result.firstDivergence());
    return PressTraceCommand.EXIT_FAILURE;
  }

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
      try (var context = Contexts.boot(ledger.root.application(), storage, Map.of())) {
        Verification result = context.getBean(LedgerVerifier.class).verify();
        return report(spec.commandLine().getOut(), spec.commandLine().getErr(), "ledger", result);
      }
    }
  }

  /** Writes every leaf and signed head, with the public key, to a file. */
  @Command(
      name = "export",
      description =
          "Write every leaf and signed head, with the public key, as JSON lines"
              + " (presstrace-ledger-export/v1).")
  static class Export implements Callable<Integer> {

    @ParentCommand LedgerCommand ledger;

    @Mixin StorageOptions storage = new StorageOptions();

    @Parameters(paramLabel = "FILE", description = "Where to write the export.")
    Path file;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Path dir = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("directory " + dir + " does not exist");
      }
      try (var context = Contexts.boot(ledger.root.application(), storage, Map.of())) {
        // Written beside the target and moved in place: a failed export leaves no partial file.
        Path temporary = Files.createTempFile(dir, ".ledger-export", ".tmp");
        try {
          LedgerExport.Written written;
          try (var out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            written = context.getBean(LedgerExport.class).export(out);
          }
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
          spec.commandLine()
              .getOut()
              .println(
                  "exported "
                      + written.leaves()
                      + " leaves and "
                      + written.heads()
                      + " signed heads to "
                      + file);
          return 0;
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
    }
  }

  /** Checks an export offline, with nothing but the file and the public key. */
  @Command(
      name = "check",
      description =
          "Check an export with only the file and the public key (no database); exit 1 naming"
              + " the first divergence.")
  static class Check implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A file written by 'ledger export'.")
    Path file;

    @Option(
        names = "--public-key",
        required = true,
        paramLabel = "KEYFILE",
        description =
            "The key you trust: the JSON of GET /api/v1/ledger/key, a PEM PUBLIC KEY, or its"
                + " base64.")
    Path keyFile;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PublicKey key = LedgerKeys.read(keyFile);
      Verification result;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        result = new ExportCheck(key).check(in);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("export file " + file + " does not exist");
      }
      return report(spec.commandLine().getOut(), spec.commandLine().getErr(), "export", result);
    }
  }

  /** Watches another instance's signed heads and proves each extends the last one seen. */
  @Command(
      name = "witness",
      description =
          "Fetch another instance's signed head, check its signature against the pinned key and"
              + " its consistency with the last head seen; ALERT (exit 3 with --once) on a fork.")
  static class Witness implements Callable<Integer> {

    @Option(
        names = "--url",
        required = true,
        paramLabel = "BASE_URL",
        description = "The instance, e.g. https://presstrace.example.gov")
    URI url;

    @Option(
        names = "--state",
        paramLabel = "FILE",
        defaultValue = "presstrace-witness.json",
        description = "Pinned key and last head seen (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(
        names = "--interval",
        paramLabel = "SECONDS",
        defaultValue = "300",
        description = "Seconds between looks (default: ${DEFAULT-VALUE}).")
    long interval;

    @Option(names = "--once", description = "Look once; exit 0, or 3 on an alert.")
    boolean once;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description = "Bearer token for the instance (env PRESSTRACE_WITNESS_TOKEN).",
        defaultValue = "${env:PRESSTRACE_WITNESS_TOKEN}")
    String token;

    @Option(
        names = "--user",
        paramLabel = "USER",
        description =
            "Sign in with HTTP Basic as USER; the password comes from env"
                + " PRESSTRACE_WITNESS_PASSWORD.")
    String user;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "With --user: read the password from FILE instead of the environment.")
    Path passwordFile;

    @Option(
        names = "--public-key",
        paramLabel = "KEYFILE",
        description = "Pin this key on first contact instead of the one the instance publishes.")
    Path keyFile;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (url.getScheme() == null || !url.getScheme().matches("https?")) {
        throw new IllegalArgumentException("--url must be an http or https address: " + url);
      }
      if (interval < 1) {
        throw new IllegalArgumentException("--interval must be at least 1 second");
      }
      var witness =
          new LedgerWitness(
              url,
              authorization(),
              state,
              keyFile == null ? null : LedgerKeys.read(keyFile),
              Clock.systemUTC());
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      while (true) {
        try {
          LedgerWitness.Observation seen = witness.observe();
          if (seen.alert()) {
            err.println("ALERT witness " + url + ": " + seen.message());
            if (once) {
              return EXIT_ALERT;
            }
          } else {
            out.println("witness " + url + ": " + seen.message());
          }
        } catch (IOException e) {
          if (once) {
            throw e;
          }
          err.println("presstrace: witness: " + OneLine.of(e));
        }
        if (once) {
          return 0;
        }
        Thread.sleep(interval * 1000);
      }
    }

    private String authorization() throws IOException {
      if (token != null && !token.isBlank()) {
        return "Bearer " + token.strip();
      }
      if (user == null) {
        return null;
      }
      String password =
          passwordFile == null
              ? System.getenv("PRESSTRACE_WITNESS_PASSWORD")
              : Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      if (password == null) {
        throw new IllegalArgumentException(
            "--user needs --password-file or the password in PRESSTRACE_WITNESS_PASSWORD");
      }
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }
}
