package org.presstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

/**
 * The commitments of one leaf, as the ledger makes them, beside the floor measured
 * in the same run: the same HMAC-SHA-256 values from one engine keyed once for the leaf. Figures
 * are commitments per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CommitmentBenchmark {

  /** The fields of a custody leaf, with values of a typical sale. */
  private static final String[][] FIELDS = {
    {"machineId", "33d204fd-7f11-40cd-bea1-cfc765dbc0b6"},
    {"seq", "7"},
    {"type", "MachineTransferred"},
    {"occurredOn", "2026-12-07"},
    {"reportedAt", "2026-12-07T18:40:52.123456Z"},
    {"from", "00000000-0005-7002-8000-505245535354"},
    {"to", "00000000-0011-7002-8000-505245535354"},
    {"agency", null},
    {"buyerRegistration", "PPR-1A2B3C4D"},
    {"buyerCheckedAt", "2026-12-07T18:39:00Z"},
    {"transactionId", null},
    {"details", "Bay 4, Unit 2"},
    {"recordedBy", "tristate.dealer"},
    {"marking", "GREEN"},
    {"serial", "AT-2400-01"},
    {"imprint", null},
  };

  private static final byte[] LABEL = "presstrace-commitment/v1".getBytes(StandardCharsets.UTF_8);

  private String salt;
  private Mac floor;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    salt = Commitment.newSalt();
    floor = Mac.getInstance("HmacSHA256");
  }

  @Benchmark
  @OperationsPerInvocation(16)
  public void commitments(Blackhole out) {
    // as a leaf makes them: the salt read and the engine keyed once for the leaf's fields
    var commit = Commitment.under(salt);
    for (String[] field : FIELDS) {
      out.consume(commit.of(field[0], field[1]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(16)
  public void rawHmacKeyedOnce(Blackhole out) throws Exception {
    floor.init(new SecretKeySpec(HexFormat.of().parseHex(salt), "HmacSHA256"));
    for (String[] field : FIELDS) {
      floor.update(LABEL);
      floor.update((byte) 0);
      floor.update(field[0].getBytes(StandardCharsets.UTF_8));
      floor.update((byte) 0);
      if (field[1] == null) {
        floor.update((byte) 0);
      } else {
        floor.update((byte) 1);
        floor.update(field[1].getBytes(StandardCharsets.UTF_8));
      }
      out.consume(HexFormat.of().formatHex(floor.doFinal()));
    }
  }
}
