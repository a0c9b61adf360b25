package org.presstrace.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.presstrace.ledger.MerkleHash;
import org.presstrace.ledger.MerkleTree;

/**
 * The Merkle log's own cost, beside the raw SHA-256 rate measured in the same run: appends to a
 * tree already holding {@code size} leaves, and inclusion and consistency proofs at that size. A
 * leaf is a typical 300-byte canonical audit entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class MerkleLogBenchmark {

  @Param({"1000000", "10000000"})
  long size;

  private ArrayNodes nodes;
  private MerkleTree tree;
  private long next;
  private long probe;
  private byte[] leafData;
  private MessageDigest sha256;

  @Setup(Level.Trial)
  public void fill() throws Exception {
    leafData = ("{\"action\":\"READ\",\"agency\":\"DEA\",\"channel\":\"API\",\"id\":1234567,"
            + "\"kind\":\"intel-report\",\"occurredAt\":\"2026-11-28T01:02:03.456789Z\","
            + "\"outcome\":\"SHOWN\",\"purpose\":\"Case 2026-DEA-0142, tracing a seized press\","
            + "\"recordId\":\"33d204fd-7f11-40cd-bea1-cfc765dbc0b6\",\"requestId\":\"fc77bfd9-90e0-4b30\","
            + "\"type\":\"audit-event\",\"username\":\"dea.investigator\"}")
        .getBytes(StandardCharsets.UTF_8);
    sha256 = MessageDigest.getInstance("SHA-256");
    nodes = new ArrayNodes();
    tree = new MerkleTree(nodes);
    byte[] leaf = MerkleHash.leaf(leafData);
    for (long i = 0; i < size; i++) {
      tree.append(i, leaf);
    }
    next = size;
  }

  /** Baseline: one SHA-256 over the same leaf bytes. */
  @Benchmark
  public byte[] rawSha256() {
    return sha256.digest(leafData);
  }

  /** The leaf hash alone: the raw SHA-256 above with RFC 9162's one-byte prefix. */
  @Benchmark
  public byte[] leafHash() {
    return MerkleHash.leaf(leafData);
  }

  /** One append: the leaf hash plus the nodes it completes. */
  @Benchmark
  public long append() {
    tree.append(next, MerkleHash.leaf(leafData));
    return next++;
  }

  @Benchmark
  public List<byte[]> inclusionProof() {
    probe = (probe + 7_919) % size;
    return tree.inclusionProof(probe, size);
  }

  @Benchmark
  public List<byte[]> consistencyProof() {
    probe = (probe + 7_919) % size;
    return tree.consistencyProof(Math.max(1, probe), size);
  }
}
