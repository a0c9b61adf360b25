package org.presstrace.bench;

import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SubstancesBenchmark} and prints the median of the measured iterations of each
 * benchmark, and the ratio of raw SMARTS speed to class-rule speed. Run with {@code java -cp
 * target/benchmarks.jar org.presstrace.bench.SubstancesReport}.
 */
public final class SubstancesReport {

  private SubstancesReport() {}

  public static void main(String[] args) throws Exception {
    var results =
        new Runner(
                new OptionsBuilder()
                    .include(SubstancesBenchmark.class.getSimpleName())
                    .build())
            .run();
    double rules = 0;
    double smarts = 0;
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      double median = median(result);
      System.out.printf(
          Locale.ROOT, "%-60s median %,12.0f ops/s%n", name.substring(name.lastIndexOf('.') + 1), median);
      if (name.endsWith("structuresThroughClassRules")) {
        rules = median;
      } else if (name.endsWith("structuresThroughRawSmarts")) {
        smarts = median;
      }
    }
    if (rules > 0) {
      System.out.printf(
          Locale.ROOT,
          "raw SMARTS / class rules: %.2f (the class rules run at %.0f%% of raw SMARTS speed)%n",
          smarts / rules,
          100 * rules / smarts);
    }
  }

  private static double median(RunResult result) {
    double[] scores =
        result.getBenchmarkResults().stream()
            .flatMap(b -> b.getIterationResults().stream())
            .mapToDouble(i -> i.getPrimaryResult().getScore())
            .sorted()
            .toArray();
    int n = scores.length;
    return n == 0 ? 0 : n % 2 == 1 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
  }

}
