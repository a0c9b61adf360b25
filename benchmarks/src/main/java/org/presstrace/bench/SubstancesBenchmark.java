package org.presstrace.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmilesParser;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.ManifestScreen;
import org.presstrace.substances.StructureScreen;

/**
 * Manifest screening over one million generated lines, and structure screening through the class
 * rules beside raw CDK SMARTS matching of the fentanyl scaffold alone on the same molecules, in the
 * same run. Every figure is in lines or structures per second.
 *
 * <ul>
 *   <li>{@code manifestLines}: one line at a time on one thread, walking the whole manifest;
 *   <li>{@code manifestBlocks}: blocks of {@value #BLOCK} lines screened in parallel on every core
 *       (manifest lines are independent), as a stored screening or the command line does;
 *   <li>{@code manifestBaselineSplit}: the same lines read and split into the phrases the screen
 *       compares, with no matching at all: the floor any screen pays;
 *   <li>{@code structuresThroughClassRules} and {@code structuresThroughRawSmarts}: both parse the
 *       SMILES, the class rules cannot skip it either.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SubstancesBenchmark {

  static final int LINES = 1_000_000;
  static final int BLOCK = 1_000;
  static final long SEED = 20261128L;

  /** The scaffold pattern of the US rule, as docs/substances.md gives it. */
  static final String SCAFFOLD =
      "[CX3](=[OX1])[NX3;!R]([a])[CX4;R1]1[CX4;R1][CX4;R1][NX3;R1][CX4;R1][CX4;R1]1";

  private static final Pattern WORD_BREAK = Pattern.compile("[\\s,;/]+");

  /** The generated manifest, made once per run. */
  @State(Scope.Benchmark)
  public static class Manifest {
    List<ManifestLine> lines;
    ManifestScreen screen;
    int nextLine;
    int nextBlock;
    int nextSplit;

    @Setup(Level.Trial)
    public void generate() {
      lines = new SyntheticManifest(SEED).lines(LINES);
      screen = ManifestScreen.builtIn();
    }

    List<ManifestLine> block(int from) {
      return lines.subList(from, from + BLOCK);
    }
  }

  /** The structures, the class rules and the raw scaffold pattern. */
  @State(Scope.Benchmark)
  public static class Structures {
    List<String> structures;
    StructureScreen rules;
    SmartsPattern scaffold;
    SmilesParser parser;
    int nextRule;
    int nextSmarts;

    @Setup(Level.Trial)
    public void build() {
      structures = SyntheticManifest.structures();
      rules = StructureScreen.builtIn();
      scaffold = SmartsPattern.create(SCAFFOLD);
      parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    }
  }

  @Benchmark
  public Object manifestLines(Manifest m) {
    ManifestLine line = m.lines.get(m.nextLine);
    m.nextLine = m.nextLine + 1 == LINES ? 0 : m.nextLine + 1;
    return m.screen.screen(line);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public Object manifestBlocks(Manifest m) {
    List<ManifestLine> block = m.block(m.nextBlock);
    m.nextBlock = m.nextBlock + BLOCK == LINES ? 0 : m.nextBlock + BLOCK;
    return block.parallelStream().map(m.screen::screen).toList();
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public void manifestBaselineSplit(Manifest m, Blackhole sink) {
    List<ManifestLine> block = m.block(m.nextSplit);
    m.nextSplit = m.nextSplit + BLOCK == LINES ? 0 : m.nextSplit + BLOCK;
    for (ManifestLine line : block) {
      String description = line.description() == null ? "" : line.description();
      String[] words = WORD_BREAK.split(description.strip());
      for (int from = 0; from < words.length; from++) {
        var phrase = new StringBuilder();
        for (int to = from; to < Math.min(words.length, from + 6); to++) {
          phrase.append(to > from ? " " : "").append(words[to]);
          sink.consume(phrase.toString());
        }
      }
      sink.consume(line.cas());
      sink.consume(line.hsCode());
    }
  }

  @Benchmark
  public Object structuresThroughClassRules(Structures s) {
    String smiles = s.structures.get(s.nextRule);
    s.nextRule = s.nextRule + 1 == s.structures.size() ? 0 : s.nextRule + 1;
    return s.rules.screen(smiles);
  }

  @Benchmark
  public boolean structuresThroughRawSmarts(Structures s) throws Exception {
    String smiles = s.structures.get(s.nextSmarts);
    s.nextSmarts = s.nextSmarts + 1 == s.structures.size() ? 0 : s.nextSmarts + 1;
    return s.scaffold.matches(s.parser.parseSmiles(smiles));
  }
}
