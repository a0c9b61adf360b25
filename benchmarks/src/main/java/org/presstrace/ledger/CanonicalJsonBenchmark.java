package org.presstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * The canonical bytes of one audit leaf's members, as the ledger writes them for every audited read
 * and write, beside the floor measured in the same run: the UTF-8 bytes of the same finished text,
 * which any writer must at least encode. Figures are leaves per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CanonicalJsonBenchmark {

  private Map<String, Object> members;
  private String text;

  @Setup(Level.Trial)
  public void setUp() {
    // a format-2 audit leaf of a sale: metadata shown, free text and a coded id committed to
    members = new LinkedHashMap<>();
    members.put("type", "audit-event");
    members.put("id", 48_213_377L);
    members.put("occurredAt", "2026-12-08T00:31:02.118734Z");
    members.put("username", "tristate.dealer");
    members.put("agency", "REG-TRISTATE-0011");
    members.put("action", "TRANSFER");
    members.put("kind", "machine");
    members.put("recordId", "33d204fd-7f11-40cd-bea1-cfc765dbc0b6");
    members.put("channel", "API");
    members.put("outcome", "OK");
    members.put("requestId", "b0c4f1e2-55aa-4c1e-9d0e-3f0d2a7c9b14");
    members.put("format", 2);
    members.put("commit.purpose", "9f2c51d0a3b87e64c1f0d2e3b4a59687f1e2d3c4b5a69788e7f6d5c4b3a29180");
    members.put("commit.detail", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809");
    text = new String(CanonicalJson.of(members), StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] auditLeaf() {
    return CanonicalJson.of(members);
  }

  @Benchmark
  public byte[] utf8OfTheSameText() {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
