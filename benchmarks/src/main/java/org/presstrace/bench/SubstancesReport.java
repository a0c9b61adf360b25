package org.presstrace.bench;

import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SubstancesBenchmark} (three forks of three measured iterations each) and prints, per
 * benchmark, the median of each fork and the median of all measured iterations, then the class rules
 * as a share of raw SMARTS speed and the manifest screen beside its read-and-split baseline. Run
 * with {@code java -cp target/benchmarks.jar org.presstrace.bench.SubstancesReport [REGEX]}; the
 * optional regular expression picks benchmarks by name.
 */
public final class SubstancesReport {

  private SubstancesReport() {}

  public static void main(String[] args) throws Exception {
    String include =
        SubstancesBenchmark.class.getSimpleName() + (args.length > 0 ? "\\..*" + args[0] : "");
    // The first 100,000 lines of the benchmark's manifest: enough to see how often lines repeat.
    var sample = new SyntheticManifest(SubstancesBenchmark.SEED).lines(100_000);
    System.out.println("manifest sample: " + SyntheticManifest.variety(sample));
    for (int i = 0; i < 5; i++) {
      System.out.println("  " + sample.get(i).description() + " | " + sample.get(i).cas());
    }
    var results = new Runner(new OptionsBuilder().include(include).build()).run();
    double rules = 0;
    double smarts = 0;
    double blocks = 0;
    double split = 0;
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      double median = median(scores(result, -1));
      var forks = new StringBuilder();
      int fork = 0;
      double[] perFork;
      while ((perFork = scores(result, fork)).length > 0) {
        forks.append(String.format(Locale.ROOT, " %,.0f", median(perFork)));
        fork++;
      }
      System.out.printf(
          Locale.ROOT, "%-30s median %,12.0f /s   (per fork:%s)%n", name, median, forks);
      switch (name) {
        case "structuresThroughClassRules" -> rules = median;
        case "structuresThroughRawSmarts" -> smarts = median;
        case "manifestBlocks" -> blocks = median;
        case "manifestBaselineSplit" -> split = median;
        default -> {}
      }
    }
    if (rules > 0 && smarts > 0) {
      System.out.printf(
          Locale.ROOT,
          "class rules at %.2f of raw SMARTS speed (raw / rules %.2f)%n",
          rules / smarts,
          smarts / rules);
    }
    if (blocks > 0 && split > 0) {
      System.out.printf(
          Locale.ROOT,
          "manifest screen at %.3f of the read-and-split baseline (%d cores)%n",
          blocks / split,
          Runtime.getRuntime().availableProcessors());
    }
  }

  /** The measured iterations of one fork (counted from 0), or of every fork when {@code fork < 0}. */
  private static double[] scores(RunResult result, int fork) {
    var runs = result.getBenchmarkResults().stream().toList();
    return runs.stream()
        .skip(Math.max(fork, 0))
        .limit(fork < 0 ? runs.size() : 1)
        .flatMap(b -> b.getIterationResults().stream())
        .mapToDouble(i -> i.getPrimaryResult().getScore())
        .toArray();
  }

  private static double median(double[] scores) {
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
