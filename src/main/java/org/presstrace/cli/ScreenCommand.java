package org.presstrace.cli;

import java.util.concurrent.Callable;
import org.presstrace.access.InvalidRequest;
import org.presstrace.substances.StructureScreen;
import org.presstrace.substances.StructureVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Screens a structure against the class rules and the built-in reference list, in process: no
 * server and no database start.
 */
@Command(
    name = "screen",
    description = "Screen a structure (SMILES) against the class rules and the built-in list.")
class ScreenCommand implements Callable<Integer> {

  @Option(
      names = "--smiles",
      required = true,
      paramLabel = "SMILES",
      description = "the structure; salts and mixtures are screened as their largest organic part")
  String smiles;

  @Option(
      names = "--json",
      description = "print one JSON object (the only output format so far; the default)")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    StructureVerdict verdict;
    try {
      verdict = StructureScreen.builtIn().screen(smiles);
    } catch (InvalidRequest refused) {
      spec.commandLine().getErr().println("presstrace: " + OneLine.of(refused));
      return PressTraceCommand.EXIT_USAGE;
    }
    spec.commandLine().getOut().println(VerdictJson.of(verdict));
    return 0;
  }
}
