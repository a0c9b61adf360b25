package org.presstrace.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.substances.ManifestCsv;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.ManifestScreen;
import org.presstrace.substances.ManifestVerdict;
import org.presstrace.substances.StructureScreen;
import org.presstrace.substances.StructureVerdict;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Screens a structure, or every line of a manifest, against the class rules and the built-in
 * reference list, in process: no server and no database start.
 */
@Command(
    name = "screen",
    description =
        "Screen a structure (SMILES) or a manifest (CSV) against the class rules and the built-in"
            + " list.")
class ScreenCommand implements Callable<Integer> {

  private static final int BLOCK = 1_000;

  /** Exactly one thing to screen. */
  static class Input {
    @Option(
        names = "--smiles",
        paramLabel = "SMILES",
        description = "a structure; salts and mixtures are screened as their largest organic part")
    String smiles;

    @Option(
        names = "--manifest",
        paramLabel = "FILE",
        description =
            "a manifest: CSV with a header row (description, cas, hs_code, quantity, shipper,"
                + " consignee) or one substance a line, optionally ', quantity'; prints one JSON"
                + " object per line")
    Path manifest;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(
      names = "--json",
      description = "print JSON (the only output format so far, and the default)")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (input.manifest != null) {
      return manifest(input.manifest);
    }
    StructureVerdict verdict;
    try {
      verdict = StructureScreen.builtIn().screen(input.smiles);
    } catch (InvalidRequest refused) {
      spec.commandLine().getErr().println("presstrace: " + OneLine.of(refused));
      return PressTraceCommand.EXIT_USAGE;
    }
    spec.commandLine().getOut().println(VerdictJson.of(verdict));
    return 0;
  }

  private int manifest(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      spec.commandLine().getErr().println("presstrace: cannot read manifest '" + file + "'");
      return PressTraceCommand.EXIT_FAILURE;
    }
    var screen = ManifestScreen.builtIn();
    var out = spec.commandLine().getOut();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      // Lines are screened in parallel a block at a time and printed in their order.
      var block = new ArrayList<ManifestLine>(BLOCK);
      ManifestCsv.forEach(
          reader,
          line -> {
            block.add(line);
            if (block.size() == BLOCK) {
              print(block, screen.screenAll(block), out);
              block.clear();
            }
          });
      print(block, screen.screenAll(block), out);
    } catch (InvalidRequest refused) {
      out.flush();
      spec.commandLine()
          .getErr()
          .println("presstrace: manifest '" + file + "': " + OneLine.of(refused));
      return PressTraceCommand.EXIT_FAILURE;
    } catch (java.io.UncheckedIOException notText) {
      if (!(notText.getCause() instanceof java.nio.charset.CharacterCodingException)) {
        throw notText;
      }
      spec.commandLine().getErr().println("presstrace: manifest '" + file + "' is not UTF-8 text");
      return PressTraceCommand.EXIT_FAILURE;
    }
    out.flush();
    return 0;
  }

  private static void print(
      List<ManifestLine> lines, List<ManifestVerdict> verdicts, java.io.PrintWriter out) {
    for (int i = 0; i < verdicts.size(); i++) {
      out.println(VerdictJson.of(verdicts.get(i), lines.get(i).quantity()));
    }
  }
}
