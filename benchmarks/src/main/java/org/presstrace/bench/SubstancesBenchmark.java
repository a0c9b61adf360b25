package org.presstrace.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openscience.cdk.isomorphism.Pattern;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmilesParser;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.ManifestScreen;
import org.presstrace.substances.StructureScreen;

/**
 * Manifest screening over one million generated lines (each operation screens the next line, so a
 * run walks the whole manifest), and structure screening through the class rules beside raw CDK
 * SMARTS matching of the fentanyl scaffold alone on the same molecules, in the same run. Both
 * structure benchmarks parse the SMILES: the class rules cannot skip it either.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SubstancesBenchmark {

  static final int LINES = 1_000_000;

  /** The scaffold pattern of the US rule, as docs/substances.md gives it. */
  static final String SCAFFOLD =
      "[CX3](=[OX1])[NX3;!R]([a])[CX4;R1]1[CX4;R1][CX4;R1][NX3;R1][CX4;R1][CX4;R1]1";

  private List<ManifestLine> lines;
  private List<String> structures;
  private ManifestScreen manifests;
  private StructureScreen rules;
  private Pattern scaffold;
  private SmilesParser parser;
  private int nextLine;
  private int nextRule;
  private int nextSmarts;

  @Setup(Level.Trial)
  public void generate() {
    lines = new SyntheticManifest(20261128L).lines(LINES);
    structures = SyntheticManifest.structures();
    manifests = ManifestScreen.builtIn();
    rules = StructureScreen.builtIn();
    scaffold = SmartsPattern.create(SCAFFOLD);
    parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
  }

  @Benchmark
  public Object manifestLines() {
    ManifestLine line = lines.get(nextLine);
    nextLine = nextLine + 1 == LINES ? 0 : nextLine + 1;
    return manifests.screen(line);
  }

  @Benchmark
  public Object structuresThroughClassRules() {
    String smiles = structures.get(nextRule);
    nextRule = nextRule + 1 == structures.size() ? 0 : nextRule + 1;
    return rules.screen(smiles);
  }

  @Benchmark
  public boolean structuresThroughRawSmarts() throws Exception {
    String smiles = structures.get(nextSmarts);
    nextSmarts = nextSmarts + 1 == structures.size() ? 0 : nextSmarts + 1;
    return scaffold.matches(parser.parseSmiles(smiles));
  }
}
